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

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from kombu.exceptions import OperationalError as KombuOperationalError

from participants.models import Participant
from visits.booklets.models import Booklet
from visits.booklets.rendering import booklet_html, html_to_pdf
from visits.booklets.revision import programme_key, programme_key_expression
from visits.booklets.selectors import (
    BookletContent,
    BookletMode,
    booklet_audience,
    booklet_content,
    parse_languages,
)
from visits.booklets.version import content_version
from visits.models import Visit

logger = logging.getLogger(__name__)

# A render takes seconds; the task's hard limit is a few minutes. A row pending longer than
# this lost its task (worker killed, broker down or flushed) and is sent again, by the
# periodic sweep or the next request; each attempt doubles the wait (see _resend_after).
STALE_AFTER = datetime.timedelta(minutes=5)
# Tries to get a booklet made (starts of a render, and sends that did not reach the broker)
# after which it is given up and its organisers are told. With the doubling wait, a passing
# outage of some hours heals by itself.
MAX_RENDER_ATTEMPTS = 7
PAPERS = tuple(Booklet.Paper.values)
# Errors that may pass by themselves: a full or read-only disk, a database that restarted.
TRANSIENT_ERRORS = (OSError, OperationalError)
# ...and, when sending the task, a broker that is down or does not answer.
OUTAGE_ERRORS = (*TRANSIENT_ERRORS, KombuOperationalError)
SUPERSEDED = "The programme changed before this booklet was made; a newer one replaces it."


class BookletRequestError(ValueError):
    """A booklet that cannot be asked for: unknown language or paper, a stranger."""


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
    may be ready by the time the caller looks again). A pending row whose wait is over
    (_resend_after) is sent again; a failed one stays failed until the content changes or
    an organiser asks again (booklet_retry), so a broken programme does not keep a worker
    busy.
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
            booklets_keyed_anew(booklets=[booklet], revision=revision)
    elif booklet.status == Booklet.Status.PENDING:
        _dispatch_if_due(booklet, timezone.now())
    if booklet.status == Booklet.Status.READY and not _file_present(booklet):
        booklet = _remake_lost(booklet)
    booklet.visit = visit
    return booklet


def _file_present(booklet: Booklet) -> bool:
    return bool(booklet.file) and booklet.file.storage.exists(booklet.file.name)


def _remake_lost(booklet: Booklet) -> Booklet:
    """A ready row whose file is gone (swept, a lost disk, media restored without it) is
    made again, as a new request would be, instead of failing when the file is opened."""
    Booklet.objects.filter(pk=booklet.pk, status=Booklet.Status.READY).update(
        status=Booklet.Status.PENDING,
        file="",
        error="",
        attempts=0,
        dispatched_at=timezone.now(),
    )
    booklet.refresh_from_db()
    _send(booklet.pk)
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
            audience=booklet_audience(mode, participant),
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
        "audience": booklet_audience(mode, participant),
        "content_version": version,
    }
    booklet = Booklet.objects.filter(**key).first()
    if booklet is None:
        try:
            with transaction.atomic():
                # Made as sent: a simultaneous request that finds it does not send it again.
                booklet = Booklet.objects.create(
                    **key, dispatched_at=timezone.now(), programme_key=programme_key(visit)
                )
        except IntegrityError:
            # Someone asked for the same booklet at the same moment; theirs is ours.
            return Booklet.objects.get(**key)
        _send(booklet.pk)
    elif booklet.status == Booklet.Status.PENDING:
        _dispatch_if_due(booklet, timezone.now())
    return booklet


def booklet_retry(*, booklet: Booklet) -> Booklet:
    """Send a failed (or lost) booklet to the worker again, with a fresh attempt budget."""
    Booklet.objects.filter(pk=booklet.pk).exclude(status=Booklet.Status.READY).update(
        status=Booklet.Status.PENDING, error="", attempts=0, organisers_told_at=None
    )
    booklet.refresh_from_db()
    if booklet.status == Booklet.Status.PENDING:
        Booklet.objects.filter(pk=booklet.pk).update(dispatched_at=timezone.now())
        _send(booklet.pk)
    return booklet


def booklets_dispatch_stale(*, now: datetime.datetime | None = None) -> int:
    """Send again every booklet left pending past its wait; run by Celery beat.

    A render lost with its worker (killed, out of memory, hard time limit) and a send that
    found the broker down both leave the row pending: this is what heals them. A row whose
    attempts are spent is given up here, and its organisers are told.
    """
    now = now or timezone.now()
    stale = Booklet.objects.filter(
        status=Booklet.Status.PENDING, dispatched_at__lt=now - STALE_AFTER
    ) | Booklet.objects.filter(status=Booklet.Status.PENDING, dispatched_at__isnull=True)
    count = 0
    for booklet in stale:
        if booklet.attempts >= MAX_RENDER_ATTEMPTS:
            if _is_due(booklet, now):
                booklet_give_up(booklet_id=booklet.pk)
            continue
        count += _dispatch_if_due(booklet, now)
    return count


def _resend_after(attempts: int) -> datetime.timedelta:
    # 5 min, 10, 20, 40… up to 5 h 20: a passing outage is retried soon, a lasting one
    # does not keep the workers busy.
    return STALE_AFTER * 2 ** min(attempts, 6)


def _is_due(booklet: Booklet, now: datetime.datetime) -> bool:
    return booklet.dispatched_at is None or booklet.dispatched_at < now - _resend_after(
        booklet.attempts
    )


def _dispatch_if_due(booklet: Booklet, now: datetime.datetime) -> bool:
    """Send a pending booklet again if its wait is over. Of simultaneous callers (requests,
    the sweep) only the one whose update claims the row sends it."""
    cutoff = now - _resend_after(booklet.attempts)
    claimed = (
        Booklet.objects.filter(pk=booklet.pk, status=Booklet.Status.PENDING)
        .filter(Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=cutoff))
        .update(dispatched_at=timezone.now())
    )
    if claimed:
        _send(booklet.pk)
    return bool(claimed)


def _send(booklet_id: int) -> None:
    from visits.booklets.tasks import render_booklet

    def send() -> None:
        try:
            render_booklet.delay(booklet_id=booklet_id)
        except Exception as error:  # the row records it; the reader gets a page
            # Eager mode runs the task here and propagates its errors; a broker that is down
            # raises too. Neither may turn a download into a 500.
            logger.exception("Booklet %s could not be rendered or sent", booklet_id)
            # Eagerly, a transient error surfaces as Celery's Retry: record what caused it.
            cause = getattr(error, "exc", None) or error
            if isinstance(cause, OUTAGE_ERRORS):
                booklet_note_outage(booklet_id=booklet_id, error=cause)
            else:
                booklet_mark_failed(booklet_id=booklet_id, error=cause)

    transaction.on_commit(send)


def booklet_note_outage(*, booklet_id: int, error: BaseException | str) -> Booklet | None:
    """Record an outage (broker down, disk full) that stopped a booklet, as one attempt.

    The row stays pending, so the sweep sends it again once its wait is over; when the
    attempts are spent it is given up and the organisers are told.
    """
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    Booklet.objects.filter(pk=booklet_id, status=Booklet.Status.PENDING).update(
        attempts=F("attempts") + 1,
        error=f"Will be tried again by itself. {message}"[:4000],
        dispatched_at=timezone.now(),
    )
    booklet = Booklet.objects.filter(pk=booklet_id).first()
    if booklet is not None and booklet.attempts >= MAX_RENDER_ATTEMPTS:
        return booklet_give_up(booklet_id=booklet_id)
    return booklet


def booklet_give_up(*, booklet_id: int) -> Booklet | None:
    booklet = Booklet.objects.filter(pk=booklet_id).first()
    last = (booklet.error if booklet else "").removeprefix("Will be tried again by itself. ")
    reason = f"Given up after {MAX_RENDER_ATTEMPTS} attempts to render this booklet."
    return booklet_mark_failed(booklet_id=booklet_id, error=f"{reason} {last}".strip())


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
    # Counted in the database, not from the row read above: two workers given the same
    # booklet (a redelivery) count two attempts.
    Booklet.objects.filter(pk=booklet_id).update(attempts=F("attempts") + 1)
    attempts = Booklet.objects.values_list("attempts", flat=True).get(pk=booklet_id)
    if attempts > MAX_RENDER_ATTEMPTS:
        return booklet_give_up(booklet_id=booklet_id)
    try:
        pdf = _render_current(booklet)
    except TRANSIENT_ERRORS:
        raise
    except Exception as error:  # recorded for the organiser
        logger.exception("Booklet %s failed to render", booklet_id)
        return booklet_mark_failed(booklet_id=booklet_id, error=error)
    if pdf is None:
        return booklet_mark_failed(booklet_id=booklet_id, error=SUPERSEDED)
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
    """Mark a booklet failed and tell its visit's organisers by e-mail, once."""
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    newly_failed = (
        Booklet.objects.filter(pk=booklet_id)
        .exclude(status__in=[Booklet.Status.READY, Booklet.Status.FAILED])
        .update(status=Booklet.Status.FAILED, error=message[:4000])
    )
    if not newly_failed:
        Booklet.objects.filter(pk=booklet_id, status=Booklet.Status.FAILED).update(
            error=message[:4000]
        )
    booklet = Booklet.objects.select_related("visit__organiser").filter(pk=booklet_id).first()
    # A superseded booklet needs nobody: the next request asks for the new version.
    if newly_failed and booklet is not None and booklet.error != SUPERSEDED:
        _tell_organisers(booklet)
        booklet.refresh_from_db()
    return booklet


def _tell_organisers(booklet: Booklet) -> None:
    """E-mail the members of the visit's organisation that a booklet could not be made.

    Records when they were told, so that the reader's page says so only when it is true.
    """
    visit = booklet.visit
    recipients = sorted(
        visit.organiser.members.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        logger.error("Booklet %s failed and visit %s has no organiser to tell", booklet.pk, visit)
        return
    context = {
        "visit": visit,
        "booklet": booklet,
        "admin_url": f"{settings.SITE_URL}/admin/visits/visit/{visit.pk}/change/#booklets",
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("email/booklet_failed_subject.txt", context).split())
        body = render_to_string("email/booklet_failed.txt", context)
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # the page then does not claim they were told
        logger.exception("Could not tell the organisers that booklet %s failed", booklet.pk)
        return
    Booklet.objects.filter(pk=booklet.pk).update(organisers_told_at=timezone.now())


def booklets_keyed_anew(*, booklets: list[Booklet], revision: str) -> None:
    """Booklets of an older revision found to print what today's would: keyed with today's,
    so that a download or a look at the admin page finds them without reading the programme."""
    if not booklets:
        return
    Booklet.objects.filter(pk__in=[booklet.pk for booklet in booklets]).update(
        programme_key=revision
    )
    for booklet in booklets:
        booklet.programme_key = revision


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
