"""Booklet downloads: hand over the stored file, or a page that waits for it.

Whole-delegation booklets of published visits are public: they print no participant.
A personal booklet is reached only through its participant's secret link; the view that
resolves the link passes the participant in (``participant_booklet``). Organisers use the
admin (visits.booklets.admin).
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from participants.models import Participant
from visits.booklets.models import Booklet
from visits.booklets.selectors import booklet_stored, online_programme_url
from visits.booklets.services import (
    BookletMode,
    BookletRequestError,
    booklet_mode_parse,
    booklet_request,
)
from visits.models import Visit
from visits.personal import participant_or_404, personal

# The waiting page looks again this often (seconds), with and without JavaScript.
POLL_SECONDS = 2


def booklet_filename(booklet: Booklet, slug: str = "") -> str:
    who = "-personal" if booklet.participant_id else ""
    if booklet.audience == Booklet.Audience.DELEGATION:
        who = "-delegation"
    languages = booklet.languages.replace("+", "-")
    slug = slug or booklet.visit.slug
    return f"{slug}-{languages}-{booklet.paper}{who}-{booklet.short_version}.pdf"


def _file_response(booklet: Booklet, slug: str = "") -> HttpResponse:
    response = FileResponse(
        booklet.file.open("rb"),
        content_type="application/pdf",
        filename=booklet_filename(booklet, slug),
        as_attachment=False,
    )
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def _mode_or_404(languages: str, paper: str, audience: str = "public") -> BookletMode:
    try:
        return booklet_mode_parse(languages=languages, paper=paper, audience=audience)
    except BookletRequestError:
        raise Http404 from None


def _deliver(
    request: HttpRequest, *, visit: Visit, mode: BookletMode, participant: Participant | None
) -> HttpResponse:
    booklet = booklet_request(visit=visit, mode=mode, participant=participant)
    if not booklet.is_ready:
        # In-process Celery has rendered it by now; a worker may have too.
        booklet.refresh_from_db(fields=["status", "file", "error"])
    printed = request.GET.get("from", "")
    if request.GET.get("status") == "json":
        response = JsonResponse({"status": booklet.status})
    elif printed and printed != booklet.short_version:
        # The link printed in a booklet carries its version: an older one is told so.
        response = _outdated_page(request, booklet=booklet, visit=visit, participant=participant)
    elif booklet.is_ready:
        response = FileResponse(
            booklet.file.open("rb"),
            content_type="application/pdf",
            filename=booklet_filename(booklet),
            as_attachment=False,
        )
    else:
        response = _status_page(request, booklet=booklet, visit=visit, participant=participant)
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def _status_page(
    request: HttpRequest, *, booklet: Booklet, visit: Visit, participant: Participant | None
) -> HttpResponse:
    language = booklet.language_list[0]
    failed = booklet.status == Booklet.Status.FAILED
    # The page speaks the booklet's language, whatever the browser asked for.
    with translation.override(language):
        if failed:
            title = gettext("The booklet could not be made just now")
            message = gettext(
                "The programme online is always up to date; please try the booklet again later."
            )
            # Only when the e-mail went out (services._tell_organisers): never a false comfort.
            if booklet.organisers_told_at:
                message = gettext("The organisers have been told.") + " " + message
        else:
            title = gettext("Your booklet is being made")
            message = gettext(
                "It takes a few seconds. This page hands it over as soon as it is ready."
            )
        response = render(
            request,
            "booklet/status.html",
            {
                "failed": failed,
                "title": title,
                "message": message,
                "language": language,
                "poll_seconds": POLL_SECONDS,
                "page_url": request.path,
                "status_url": f"{request.path}?status=json",
                "online_url": online_programme_url(visit=visit, participant=participant),
                "online_label": gettext("Open the programme online"),
                "retry_label": gettext("Try again"),
            },
            # A failed render is the server's trouble, and it may pass: 503 tells caches and
            # robots not to keep this page; the reader gets words, not an error page.
            status=503 if failed else 200,
        )
    if failed:
        response.headers["Retry-After"] = "600"
    return response


def _outdated_page(
    request: HttpRequest, *, booklet: Booklet, visit: Visit, participant: Participant | None
) -> HttpResponse:
    language = booklet.language_list[0]
    with translation.override(language):
        return render(
            request,
            "booklet/status.html",
            {
                "failed": True,
                "outdated": True,
                "title": gettext("The programme has changed since this booklet was printed"),
                "message": gettext(
                    "Your booklet shows an older version of the programme. Download the new "
                    "booklet, or open the programme online: it is always up to date."
                ),
                "language": language,
                "page_url": request.path,
                "online_url": online_programme_url(visit=visit, participant=participant),
                "online_label": gettext("Open the programme online"),
                "retry_label": gettext("Download the new booklet"),
            },
        )


@require_safe
def public_booklet(request: HttpRequest, slug: str, languages: str, paper: str) -> HttpResponse:
    """The whole delegation's booklet of a published visit (no personal data in it)."""
    mode = _mode_or_404(languages, paper)
    if request.GET.get("status") != "json":
        # A stored booklet of today's revision: one query, the file streamed.
        stored = booklet_stored(slug=slug, mode=mode)
        if stored is not None:
            try:
                return _file_response(stored, slug)
            except FileNotFoundError:
                pass  # swept since it was found: the slow path finds or makes today's
    visit = (
        Visit.objects.select_related("organiser")
        .filter(slug=slug, status=Visit.Status.PUBLISHED)
        .first()
    )
    if visit is None:
        raise Http404
    return _deliver(request, visit=visit, mode=mode, participant=None)


@require_safe
@personal
def personal_booklet(request: HttpRequest, token: str, languages: str, paper: str) -> HttpResponse:
    """A participant's own booklet: only their groups' sessions; the QR opens their itinerary."""
    participant = participant_or_404(token)
    mode = _mode_or_404(languages, paper)
    return _deliver(request, visit=participant.visit, mode=mode, participant=participant)


@require_safe
@personal
def delegation_booklet(
    request: HttpRequest, token: str, languages: str, paper: str
) -> HttpResponse:
    """The whole delegation's booklet with whom to call, for a member of the delegation: the
    personal link is the proof; the public address never serves it."""
    participant = participant_or_404(token)
    mode = _mode_or_404(languages, paper, audience=Booklet.Audience.DELEGATION)
    return _deliver(request, visit=participant.visit, mode=mode, participant=None)
