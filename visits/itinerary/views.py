"""A participant's own pages, reached through their secret personal link.

Every way of getting the token wrong (unknown, revoked, truncated, garbage) ends in the
same Http404 as a page that does not exist, so a guess learns nothing.
"""

import datetime
import json
from collections.abc import Iterable

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import lazy
from django.views.decorators.http import require_safe

from organisations.languages import translated_text
from participants.models import Participant
from visits.changes.models import ItineraryReading
from visits.changes.selectors import ItineraryNews, itinerary_news
from visits.changes.services import itinerary_reading_record
from visits.itinerary.calendar import programme_calendar
from visits.itinerary.display import names_for_reader, person_line, zone_words
from visits.itinerary.pages import (
    PROGRAMME_SLOT,
    PageShell,
    ProgrammeParts,
    page_shell,
    programme_parts,
    row_values,
    slot,
    visit_references,
)
from visits.models import Resource, Visit
from visits.personal import participant_or_404, personal
from visits.selectors import (
    ProgrammeFrame,
    language_or_default,
    programme_build,
    programme_frame,
)
from visits.views import (
    accepts_gzip,
    booklet_links,
    gzip_where_accepted,
    language_links,
    resource_file_response,
    zone_label,
)


def _chosen_language(request: HttpRequest, participant: Participant) -> tuple[str, bool]:
    """The language to show and whether the reader chose it (then links keep ?lang=)."""
    requested = request.GET.get("lang")
    language = language_or_default(requested=requested, default=participant.preferred_language)
    return language, requested == language


@require_safe
@personal
def itinerary(request: HttpRequest, token: str) -> HttpResponse:
    participant = participant_or_404(token)
    visit = participant.visit
    language, chosen = _chosen_language(request, participant)
    now = timezone.now()
    frame = programme_frame(visit=visit, participant_id=participant.pk)
    # Opening the page is reading the latest version: what changed since is marked.
    reading = itinerary_reading_record(participant=participant)
    news = itinerary_news(reading=reading, participant=participant, language=language)
    lang_query = f"?lang={language}" if chosen else ""
    calendar_url = request.build_absolute_uri(
        reverse("itinerary:calendar", kwargs={"token": token}) + lang_query
    )
    compressed = accepts_gzip(request)
    with translation.override(language), timezone.override(visit.zone):
        zone = _zone_label_when_printed(visit)
        parts = programme_parts(
            visit=visit,
            frame=frame,
            now=now,
            language=language,
            participant_id=participant.pk,
            changed_session_ids=frozenset(news.session_ids),
            context={"participant": True, "zone_label": zone},
        )
        names = names_for_reader(
            latin=participant.name_latin, native=participant.name_native, language=language
        )
        # What is this reader's own: slots in the shell, filled per request.
        own = {
            "name": names[0] if names else "",
            "person": person_line(names),
            "manifest_url": f"manifest.webmanifest{lang_query}",
            "updated": _updated_line(visit=visit, now=now, language=language),
            "panels": _own_panels(
                participant=participant, language=language, reading=reading, news=news
            ),
            "calendar_url": calendar_url,
            "webcal_url": "webcal://" + calendar_url.split("://", 1)[1],
        }
        shell = _itinerary_shell(
            visit=visit, frame=frame, parts=parts, language=language, slots=own.keys()
        )
        page = shell.page(own, parts, compressed=compressed)
    response = HttpResponse(page)
    if compressed:
        response.headers["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    response.headers["Content-Language"] = language
    return response


# Printed only in the programme part: worked out when a part is built, not per request.
# (Made once: each call of lazy() builds a class.)
_zone_label_when_printed = lazy(zone_label, str)


def _own_panels(
    *,
    participant: Participant,
    language: str,
    reading: ItineraryReading | None,
    news: ItineraryNews,
) -> str:
    """What changed since the participant's last reading, and their journeys and nights.

    A participant opens their itinerary many times a day during a visit, and these panels
    change only with the programme revision (every save of a journey, night, hotel or
    transfer bumps it) or with the versions they read: kept under those, rendering them
    was a third of the page, later a tenth of what was left."""
    visit = participant.visit
    versions = f"{reading.previous_version_id}-{reading.version_id}" if reading else "-"
    return cache.get_or_set(
        f"itinerary-panels:1:{participant.pk}:{language}:{visit.programme_revision}:{versions}",
        lambda: render_to_string(
            "itinerary/_panels.html",
            {"participant": participant, "visit": visit, "language": language, "news": news},
        ),
        24 * 3600,
    )


def _updated_line(*, visit: Visit, now: datetime.datetime, language: str) -> str:
    """The line "Last updated" with the minute and the zone's offset: the same for every
    reader of a language in the zone within the minute, so rendered once for them (its date
    and translation filters were a twentieth of the page's time)."""
    rendered_at = now.astimezone(visit.zone)
    return cache.get_or_set(
        f"itinerary-updated:{language}:{visit.time_zone}:{rendered_at:%Y-%m-%dT%H:%M%z}",
        lambda: render_to_string(
            "itinerary/_updated.html",
            {"rendered_at": rendered_at, "zone_words": zone_words(visit.time_zone)},
        ),
        120,
    )


def _itinerary_shell(
    *,
    visit: Visit,
    frame: ProgrammeFrame,
    parts: ProgrammeParts,
    language: str,
    slots: Iterable[str],
) -> PageShell:
    """What every participant of the same groups reads, rendered once and kept under the
    programme part it holds and every value of the visit and its organiser (a title, a
    practical note, a time zone edited: a new shell). Nothing of a participant is given to
    it: what is theirs is a slot (``slots``), and its links are relative to the page
    (``/p/<token>/``), so that one shell serves every personal address."""

    def build() -> str:
        page_path = reverse("itinerary:page", kwargs={"token": "-"})
        return render_to_string(
            "itinerary/itinerary.html",
            {
                **{name: slot(name) for name in slots},
                **visit_references(frame=frame, language=language),
                "LANGUAGE_CODE": language,
                "visit": visit,
                "parts": parts,
                "programme_slot": PROGRAMME_SLOT,
                "language": language,
                "language_links": language_links("", current=language),
                "service_worker_url": reverse("itinerary:service_worker"),
                "service_worker_scope": reverse("itinerary:service_worker_scope"),
                "booklets": [
                    (url.removeprefix(page_path), label)
                    for url, label in booklet_links(
                        visit=visit, language=language, url_name="booklets:personal", token="-"
                    )
                ],
            },
        )

    return page_shell((parts.key, language, row_values(visit), row_values(visit.organiser)), build)


@require_safe
# Calendar apps on the participant's phone fetch it abroad every few hours; made afresh
# each time, so compressed each time, by Django's own (which pads against BREACH).
@gzip_where_accepted
@personal
def itinerary_calendar(request: HttpRequest, token: str) -> HttpResponse:
    participant = participant_or_404(token)
    visit = participant.visit
    language, chosen = _chosen_language(request, participant)
    programme = programme_build(visit=visit, now=timezone.now(), participant_id=participant.pk)
    page_url = request.build_absolute_uri(reverse("itinerary:page", kwargs={"token": token}))
    title = translated_text(obj=visit, field_name="title", language=language)[0]
    body = programme_calendar(
        programme=programme,
        language=language,
        participant_id=participant.pk,
        calendar_name=" · ".join(
            [
                title,
                names_for_reader(
                    latin=participant.name_latin, native=participant.name_native, language=language
                )[0],
            ]
        ),
        page_url=page_url + (f"?lang={language}" if chosen else ""),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'inline; filename="{visit.slug}.ics"'
    response.headers["Content-Language"] = language
    return response


@require_safe
@personal
def itinerary_manifest(request: HttpRequest, token: str) -> HttpResponse:
    """The web app manifest: installing it opens this participant's own itinerary."""
    participant = participant_or_404(token)
    visit = participant.visit
    language, chosen = _chosen_language(request, participant)
    title = translated_text(obj=visit, field_name="title", language=language)[0]
    start = reverse("itinerary:page", kwargs={"token": token})
    manifest = {
        "name": title,
        "short_name": title[:24],
        "lang": language,
        "start_url": start + (f"?lang={language}" if chosen else ""),
        "scope": start,
        "display": "standalone",
        "background_color": "#f6f4ef",
        "theme_color": "#1f3a5f",
        "icons": [
            {"src": static("itinerary/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("itinerary/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("itinerary/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return HttpResponse(
        json.dumps(manifest, ensure_ascii=False), content_type="application/manifest+json"
    )


@require_safe
@personal
def itinerary_resource(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    participant = participant_or_404(token)
    resource = (
        Resource.objects.filter(visit_id=participant.visit_id, pk=pk).exclude(file="").first()
    )
    if resource is None:
        raise Http404
    return resource_file_response(resource)


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker script, served under /p/ so that its scope covers the itineraries.

    A worker's scope cannot be wider than the folder of its script without an extra header;
    serving it here keeps the script itself a plain static file.
    """
    path = finders.find("itinerary/service-worker.js")
    if not path:
        raise Http404
    with open(path, encoding="utf-8") as script:
        body = script.read()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on every navigation; never serve them a stale one.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def service_worker_scope(request: HttpRequest) -> HttpResponse:
    """Only names the /p/ scope for reverse(); there is no page here."""
    raise Http404
