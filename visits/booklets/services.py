"""Writes for booklets: ask for one, render it, record how it went.

The request side (``booklet_request``) is what views, the admin and anything else call: it
computes the version of today's content, finds or creates the row for it and, when the row
has no file yet, sends the render task after the transaction commits. The worker side
(``booklet_render``) is what the task calls. Like pretix's cached files, a row still
pending after ``STALE_AFTER`` is sent again, and the attempt counter bounds how often.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from participants.models import Participant
from visits.booklets.models import Booklet
from visits.booklets.rendering import booklet_html, html_to_pdf
from visits.booklets.revision import programme_key, programme_key_expression
from visits.booklets.selectors import BookletContent, booklet_content, parse_languages
from visits.booklets.version import content_version
from visits.models import Visit

logger = logging.getLogger(__name__)

# A render takes seconds; the task's hard limit is a few minutes. A row pending longer than
# this lost its task (worker killed, broker flushed) and is sent again on the next request.
STALE_AFTER = datetime.timedelta(minutes=5)
# Starts of a render, across retries and redeliveries, after which a booklet is given up.
MAX_RENDER_ATTEMPTS = 5
PAPERS = tuple(Booklet.Paper.values)
# Errors that may pass by themselves: a full disk, a database that restarted.
TRANSIENT_ERRORS = (OSError, OperationalError)


class BookletRequestError(ValueError):
    """A booklet that cannot be asked for: unknown language or paper, a stranger."""


@dataclass
class BookletMode:
    languages: list[str]
    paper: str
    # "delegation": the whole delegation's booklet with whom to call (not for the public).
    audience: str = Booklet.Audience.PUBLIC

    @property
    def is_delegation(self) -> bool:
        return self.audience == Booklet.Audience.DELEGATION

    @property
    def key(self) -> str:
        return "+".join(self.languages)


def booklet_mode_parse(
    *, languages: str, paper: str, audience: str = Booklet.Audience.PUBLIC
) -> BookletMode:
    try:
        codes = parse_languages(languages)
    except ValueError as error:
        raise BookletRequestError(str(error)) from None
    paper = (paper or "").lower()
    if paper not in PAPERS:
        raise BookletRequestError(f"Paper is one of {', '.join(PAPERS)}; got {paper!r}.")
    if audience not in Booklet.Audience.values:
        raise BookletRequestError(f"A booklet is for one of {', '.join(Booklet.Audience.values)}.")
    return BookletMode(languages=codes, paper=paper, audience=audience)


def _check_participant(visit: Visit, participant: Participant | None) -> None:
    if participant is not None and participant.visit_id != visit.pk:
        raise BookletRequestError(f"Participant {participant.pk} is not in visit {visit.slug}.")


def booklet_current_content(
    *, visit: Visit, mode: BookletMode, participant: Participant | None = None
) -> tuple[BookletContent, str]:
    _check_participant(visit, participant)
    content = booklet_content(
        visit=visit,
        languages=mode.languages,
        paper=mode.paper,
        participant=participant,
        delegation=mode.is_delegation and participant is None,
    )
    return content, content_version(content)


def booklet_request(
    *, visit: Visit, mode: BookletMode, participant: Participant | None = None
) -> Booklet:
    """The booklet of today's content for this mode, made if needed.

    Returns the row at once; when it has no file yet a render task goes to the worker once
    the surrounding transaction commits (in-process when Celery runs eagerly, so the row
    may be ready by the time the caller looks again). A pending row older than STALE_AFTER
    is sent again; a failed one stays failed until the content changes or an organiser
    asks again (booklet_retry), so a broken programme does not keep a worker busy.
    """
    booklet = _booklet_for_revision(visit=visit, mode=mode, participant=participant)
    if booklet is None:
        # The revision is read again: the caller's visit may predate the last edit.
        visit.programme_revision = (
            Visit.objects.filter(pk=visit.pk).values_list("programme_revision", flat=True).get()
        )
        revision = programme_key(visit)
        booklet = _booklet_for_content(visit=visit, mode=mode, participant=participant)
        if booklet.programme_key != revision:
            # An older revision may have printed the same: found by its content, keyed anew.
            Booklet.objects.filter(pk=booklet.pk).update(programme_key=revision)
            booklet.programme_key = revision
    elif booklet.status == Booklet.Status.PENDING and _is_stale(booklet):
        _dispatch(booklet)
    booklet.visit = visit
    return booklet


def _booklet_for_revision(
    *, visit: Visit, mode: BookletMode, participant: Participant | None
) -> Booklet | None:
    """The booklet already found current for the visit's revision as the database has it
    now: one query, no content read."""
    _check_participant(visit, participant)
    return (
        Booklet.objects.filter(
            visit=visit,
            languages=mode.key,
            paper=mode.paper,
            participant=participant,
            audience=_audience(mode, participant),
            programme_key=programme_key_expression(),
        )
        .order_by("-id")
        .first()
    )


def _booklet_for_content(
    *, visit: Visit, mode: BookletMode, participant: Participant | None
) -> Booklet:
    """The booklet of today's content, by its version; a new row sent to the worker."""
    _content, version = booklet_current_content(visit=visit, mode=mode, participant=participant)
    key = {
        "visit": visit,
        "languages": mode.key,
        "paper": mode.paper,
        "participant": participant,
        "audience": _audience(mode, participant),
        "content_version": version,
    }
    booklet = Booklet.objects.filter(**key).first()
    if booklet is None:
        try:
            with transaction.atomic():
                booklet = Booklet.objects.create(**key, programme_key=programme_key(visit))
        except IntegrityError:
            # Someone asked for the same booklet at the same moment; theirs is ours.
            return Booklet.objects.get(**key)
        _dispatch(booklet)
    elif booklet.status == Booklet.Status.PENDING and _is_stale(booklet):
        _dispatch(booklet)
    return booklet


def booklet_stored(
    *, mode: BookletMode, participant: Participant | None = None, **visit_lookup
) -> Booklet | None:
    """The ready booklet current for the visit's revision, found with the visit in one
    query (``slug=..., status=...`` look the visit up), or None: the download's fast path."""
    return (
        Booklet.objects.filter(
            languages=mode.key,
            paper=mode.paper,
            participant=participant,
            audience=_audience(mode, participant),
            status=Booklet.Status.READY,
            programme_key=programme_key_expression(),
            **{f"visit__{name}": value for name, value in visit_lookup.items()},
        )
        .exclude(file="")
        .only(
            "pk",
            "visit_id",
            "languages",
            "paper",
            "participant_id",
            "audience",
            "file",
            "content_version",
            "status",
        )
        .order_by("-id")
        .first()
    )


def _audience(mode: BookletMode, participant: Participant | None) -> str:
    # A personal booklet has its contacts anyway; it is filed as the public mode.
    return mode.audience if participant is None else Booklet.Audience.PUBLIC


def booklet_retry(*, booklet: Booklet) -> Booklet:
    """Send a failed (or lost) booklet to the worker again, with a fresh attempt budget."""
    Booklet.objects.filter(pk=booklet.pk).exclude(status=Booklet.Status.READY).update(
        status=Booklet.Status.PENDING, error="", attempts=0
    )
    booklet.refresh_from_db()
    if booklet.status == Booklet.Status.PENDING:
        _dispatch(booklet)
    return booklet


def booklets_dispatch_stale(*, now: datetime.datetime | None = None) -> int:
    """Send again every booklet left pending too long; for a periodic task or cron."""
    now = now or timezone.now()
    stale = Booklet.objects.filter(
        status=Booklet.Status.PENDING, dispatched_at__lt=now - STALE_AFTER
    )
    count = 0
    for booklet in stale:
        _dispatch(booklet)
        count += 1
    return count


def _is_stale(booklet: Booklet) -> bool:
    return booklet.dispatched_at is None or booklet.dispatched_at < timezone.now() - STALE_AFTER


def _dispatch(booklet: Booklet) -> None:
    from visits.booklets.tasks import render_booklet

    Booklet.objects.filter(pk=booklet.pk).update(dispatched_at=timezone.now())
    booklet_id = booklet.pk

    def send() -> None:
        try:
            render_booklet.delay(booklet_id=booklet_id)
        except Exception as error:  # the row records it; the reader gets a page
            # Eager mode runs the task here and propagates its errors; a broker that is down
            # raises too. Neither may turn a download into a 500.
            logger.exception("Booklet %s could not be rendered or sent", booklet_id)
            # Eagerly, a transient error surfaces as Celery's Retry: record what caused it.
            booklet_mark_failed(booklet_id=booklet_id, error=getattr(error, "exc", None) or error)

    transaction.on_commit(send)


# --- the worker side --------------------------------------------------------------------


def booklet_render(*, booklet_id: int) -> Booklet | None:
    """Render a pending booklet and store its file. Called by the task; idempotent.

    Returns quietly when the row is gone (visit deleted) or already ready. A row whose
    programme changed between the request and the render is marked failed as superseded:
    the next request asks for the new version, and the old key never gets new content.
    Transient errors propagate for the task to retry; any other error marks the row failed.
    """
    booklet = (
        Booklet.objects.select_related("visit", "visit__organiser", "participant")
        .filter(pk=booklet_id)
        .first()
    )
    if booklet is None or booklet.status == Booklet.Status.READY:
        return booklet
    attempts = booklet.attempts + 1
    Booklet.objects.filter(pk=booklet_id).update(attempts=attempts)
    if attempts > MAX_RENDER_ATTEMPTS:
        return booklet_mark_failed(
            booklet_id=booklet_id,
            error=f"Given up after {MAX_RENDER_ATTEMPTS} attempts to render this booklet.",
        )
    try:
        pdf = _render_current(booklet)
    except TRANSIENT_ERRORS:
        raise
    except Exception as error:  # recorded for the organiser
        logger.exception("Booklet %s failed to render", booklet_id)
        return booklet_mark_failed(booklet_id=booklet_id, error=error)
    if pdf is None:
        return booklet_mark_failed(
            booklet_id=booklet_id,
            error="The programme changed before this booklet was made; a newer one replaces it.",
        )
    return _store(booklet_id, pdf)


def _render_current(booklet: Booklet) -> bytes | None:
    visit = booklet.visit
    mode = BookletMode(
        languages=booklet.language_list, paper=booklet.paper, audience=booklet.audience
    )
    content, version = booklet_current_content(
        visit=visit, mode=mode, participant=booklet.participant
    )
    if version != booklet.content_version:
        return None
    return _typeset(visit=visit, content=content, version=version)


def booklet_pdf(
    *, visit: Visit, mode: BookletMode, participant: Participant | None = None
) -> tuple[bytes, str]:
    """Render today's content at once, without storing it (the render_booklet command)."""
    content, version = booklet_current_content(visit=visit, mode=mode, participant=participant)
    return _typeset(visit=visit, content=content, version=version), version


def booklet_print_html(
    *, visit: Visit, mode: BookletMode, participant: Participant | None = None
) -> str:
    """The print HTML that ``booklet_pdf`` typesets today, for measuring and debugging."""
    content, version = booklet_current_content(visit=visit, mode=mode, participant=participant)
    return _print_html(visit=visit, content=content, version=version)


def booklet_pdf_with_html(
    *, visit: Visit, mode: BookletMode, participant: Participant | None = None
) -> tuple[bytes, str, str]:
    """``booklet_pdf`` and the very HTML it typeset (its footer names the minute)."""
    content, version = booklet_current_content(visit=visit, mode=mode, participant=participant)
    html = _print_html(visit=visit, content=content, version=version)
    return html_to_pdf(html), version, html


def _print_html(*, visit: Visit, content: BookletContent, version: str) -> str:
    # The programme as it stands at this minute, in the visit's own time.
    issued = timezone.now().astimezone(visit.zone)
    return booklet_html(content=content, zone=visit.zone, version=version, issued=issued)


def _typeset(*, visit: Visit, content: BookletContent, version: str) -> bytes:
    return html_to_pdf(_print_html(visit=visit, content=content, version=version))


def _store(booklet_id: int, pdf: bytes) -> Booklet | None:
    booklet = Booklet.objects.filter(pk=booklet_id).first()
    if booklet is None:
        return None
    # A random name: personal booklets must not be reachable by guessing a media URL.
    name = f"{booklet.visit_id}/{uuid.uuid4().hex}.pdf"
    booklet.file.save(name, ContentFile(pdf), save=False)
    with transaction.atomic():
        updated = (
            Booklet.objects.filter(pk=booklet_id)
            .exclude(status=Booklet.Status.READY)
            .update(
                file=booklet.file.name,
                status=Booklet.Status.READY,
                error="",
                rendered_at=timezone.now(),
            )
        )
    if not updated:
        # Another worker finished first (a redelivery); keep theirs, drop ours.
        booklet.file.storage.delete(booklet.file.name)
    return Booklet.objects.filter(pk=booklet_id).first()


def booklet_mark_failed(*, booklet_id: int, error: BaseException | str) -> Booklet | None:
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    Booklet.objects.filter(pk=booklet_id).exclude(status=Booklet.Status.READY).update(
        status=Booklet.Status.FAILED, error=message[:4000]
    )
    return Booklet.objects.filter(pk=booklet_id).first()


def booklets_delete_superseded(*, visit_id: int, keep_latest: int = 1) -> int:
    """Delete the files and rows of older versions, keeping the newest ``keep_latest`` ready
    booklets of each mode. Rows are history for the organisers; files cost disk."""
    deleted = 0
    seen: dict[tuple, int] = {}
    for booklet in Booklet.objects.filter(visit_id=visit_id, status=Booklet.Status.READY).order_by(
        "-rendered_at", "-id"
    ):
        key = (booklet.languages, booklet.paper, booklet.participant_id)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > keep_latest:
            if booklet.file:
                booklet.file.delete(save=False)
            booklet.delete()
            deleted += 1
    return deleted
