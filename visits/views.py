"""The public programme of a published visit: no participant, no contact, no private note."""

import datetime
import functools

from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from organisations.languages import language_codes, translated_text
from visits.booklets.selectors import booklet_offers
from visits.changes.selectors import programme_news
from visits.dates import day_month_year, offset_changes
from visits.itinerary.display import zone_words
from visits.itinerary.pages import (
    PROGRAMME_SLOT,
    ProgrammeParts,
    page_with_programme,
    programme_parts,
    visit_references,
)
from visits.models import Resource, Visit
from visits.permissions import visit_scope
from visits.resource_files import file_download
from visits.selectors import (
    language_or_default,
    programme_build,
    programme_frame,
    published_visit_by_slug,
    published_visit_state,
    visit_organisations_with_roles,
)


def language_links(path: str, *, current: str) -> list[dict]:
    """One link per configured language, named in that language, for a language switcher."""
    links = []
    for code in language_codes():
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": f"{path}?lang={code}",
                "current": code == current,
            }
        )
    return links


def zone_label(visit: Visit) -> str:
    """The visit's zone as readers say it, in the active language: "Paris time (UTC+01:00)",
    "по парижскому времени (UTC+01:00)", or for a programme crossing a clock change
    "Paris time (UTC+01:00, UTC+02:00 from 29 March 2026)"."""
    (_first_date, first), *later = offset_changes(visit.start_date, visit.end_date, visit.zone)
    changes = [
        gettext("%(offset)s from %(date)s") % {"offset": offset, "date": day_month_year(date)}
        for date, offset in later
    ]
    return f"{zone_words(visit.time_zone)} ({', '.join([first, *changes])})"


def booklet_links(*, visit: Visit, language: str, url_name: str, **url_kwargs) -> list:
    """(address, label) of each booklet offered to a reader of ``language``."""
    return [
        (
            reverse(
                url_name, kwargs={**url_kwargs, "languages": offer.languages, "paper": offer.paper}
            ),
            offer.label,
        )
        for offer in booklet_offers(visit=visit, language=language)
    ]


def _visit_or_404(slug: str) -> Visit:
    visit = published_visit_by_slug(slug=slug)
    if visit is None:
        raise Http404
    return visit


def _public_language(request: HttpRequest, visit_language: str) -> tuple[str, bool]:
    requested = request.GET.get("lang")
    default = getattr(request, "LANGUAGE_CODE", "") or visit_language
    language = language_or_default(requested=requested, default=default)
    return language, requested == language


# Seconds a public page is kept: its key moves with every edit, version and minute anyway.
PUBLIC_PAGE_SECONDS = 3600
# Raised when the page's template or what it shows changes shape, for a shared cache.
PUBLIC_PAGE_VERSION = 3


def accepts_gzip(request: HttpRequest) -> bool:
    """Whether the browser takes a gzip-compressed answer (``Accept-Encoding``, with its
    weights: ``gzip;q=0`` refuses it, ``*`` takes it unless gzip is refused by name)."""
    weights = {}
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, parameters = parse_header_parameters(item)
        try:
            weights[name] = float(parameters.get("q", 1))
        except ValueError:
            weights[name] = 0.0
    return weights.get("gzip", weights.get("*", 0.0)) > 0


def gzip_where_accepted(view):
    """Django's ``gzip_page`` (whose compression pads against BREACH) for the browsers and
    calendar apps that take gzip (``accepts_gzip``): the middleware alone looks only for
    the word "gzip" and compressed for ``gzip;q=0`` too."""
    compressing = gzip_page(view)

    @functools.wraps(view)
    def answered(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if accepts_gzip(request):
            return compressing(request, *args, **kwargs)
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ("Accept-Encoding",))
        return response

    return answered


@require_safe
def public_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """The published programme. Every reader of one language reads the same page until the
    programme changes (its revision, which every save of what the page shows bumps), a
    version is published (what changed) or the minute printed on it passes: the page is
    kept whole under those, and a reader's request reads one light row."""
    state = published_visit_state(slug=slug)
    if state is None:
        raise Http404
    language, _chosen = _public_language(request, state.first_language)
    now = timezone.now()
    key = "public-page:" + ":".join(
        str(part)
        for part in (
            PUBLIC_PAGE_VERSION,
            state.pk,
            state.programme_revision,
            state.latest_version,
            language,
            request.build_absolute_uri("/"),
            now.strftime("%Y-%m-%dT%H:%M"),
        )
    )
    compressed = accepts_gzip(request)
    # Each form has its own key: a request reads from the cache only the bytes it sends.
    page = cache.get(key + (":gzip" if compressed else ":plain"))
    if page is None:
        # Kept as the bytes sent: a 300-session page is half a megabyte, which every
        # request would otherwise decode from the cache and encode again for the response.
        # And kept compressed too, as the itinerary is sent (its programme part compressed
        # once): readers open it on a phone's slow connection abroad.
        html, parts = _public_programme_page(request, slug=slug, language=language, now=now)
        forms = {
            key + ":plain": page_with_programme(html, parts),
            key + ":gzip": page_with_programme(html, parts, compressed=True),
        }
        cache.set_many(forms, PUBLIC_PAGE_SECONDS)
        page = forms[key + (":gzip" if compressed else ":plain")]
    response = HttpResponse(page)
    if compressed:
        response.headers["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    response.headers["Content-Language"] = language
    patch_cache_control(response, public=True, max_age=300)
    return response


def _public_programme_page(
    request: HttpRequest, *, slug: str, language: str, now: datetime.datetime
) -> tuple[str, ProgrammeParts]:
    """The page with ``PROGRAMME_SLOT`` where its programme goes, and the parts."""
    visit = _visit_or_404(slug)
    frame = programme_frame(visit=visit)
    page_path = reverse("visits:public_programme", kwargs={"slug": slug})
    calendar_url = request.build_absolute_uri(
        reverse("visits:public_calendar", kwargs={"slug": slug}) + f"?lang={language}"
    )
    organisations = visit_organisations_with_roles(visit=visit)
    news = programme_news(visit=visit, language=language)
    with translation.override(language), timezone.override(visit.zone):
        zone = zone_label(visit)
        parts = programme_parts(
            visit=visit,
            frame=frame,
            now=now,
            language=language,
            changed_session_ids=frozenset(news.session_ids),
            context={"participant": False, "zone_label": zone},
        )
        html = render_to_string(
            "public/programme.html",
            {
                "visit": visit,
                "parts": parts,
                **visit_references(frame=frame, language=language, page_path=page_path),
                "programme_slot": PROGRAMME_SLOT,
                "zone_words": zone_words(visit.time_zone),
                "organisations": organisations,
                "news": news,
                "language": language,
                "language_links": language_links(page_path, current=language),
                "lang_query": f"?lang={language}",
                "calendar_url": calendar_url,
                "webcal_url": "webcal://" + calendar_url.split("://", 1)[1],
                "rendered_at": now.astimezone(visit.zone),
                "zone_label": zone,
                "booklets": booklet_links(
                    visit=visit, language=language, url_name="booklets:public", slug=slug
                ),
            },
            request=request,
        )
    return html, parts


@require_safe
@gzip_where_accepted  # as the participant's calendar (visits.itinerary.views)
def public_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    from visits.itinerary.calendar import programme_calendar

    visit = _visit_or_404(slug)
    language, _chosen = _public_language(request, visit.first_language)
    programme = programme_build(visit=visit, now=timezone.now())
    page_url = request.build_absolute_uri(
        reverse("visits:public_programme", kwargs={"slug": slug}) + f"?lang={language}"
    )
    body = programme_calendar(
        programme=programme,
        language=language,
        calendar_name=translated_text(obj=visit, field_name="title", language=language)[0],
        page_url=page_url,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'inline; filename="{visit.slug}.ics"'
    response.headers["Content-Language"] = language
    patch_cache_control(response, public=True, max_age=300)
    return response


def resource_file_response(resource: Resource) -> FileResponse:
    """A resource's file as a download; the caller has checked who may read it."""
    return file_download(resource.file)


@require_safe
def public_resource(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    visit = _visit_or_404(slug)
    resource = Resource.objects.filter(visit=visit, pk=pk).exclude(file="").first()
    if resource is None:
        raise Http404
    return resource_file_response(resource)


@require_safe
def organiser_resource(request: HttpRequest, name: str) -> HttpResponse:
    """An uploaded resource at its storage address, for the admin's "currently" link.

    Only the organisers of its visit (and superusers) get it here; everyone else reads
    resources through the public page of a published visit or a personal link.
    """
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        raise Http404
    resource = (
        Resource.objects.filter(file=f"resources/{name}")
        .filter(visit__in=Visit.objects.filter(visit_scope(user=user)))
        .first()
    )
    if resource is None:
        raise Http404
    return resource_file_response(resource)
