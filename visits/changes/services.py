"""Writes about programme versions: publish one, tell each participant their own changes.

Publishing freezes what participants read (``snapshot``) as the next version. Each
participant whose own itinerary differs from the previous version gets one notice listing
only their changes, in their language; the messages leave by Celery tasks after the
transaction commits, never inside the organiser's request.
"""

from __future__ import annotations

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import QuerySet, Subquery
from django.template.loader import render_to_string
from django.utils import timezone, translation

from organisations.compiled import CompiledQuery
from participants.models import Participant
from participants.selectors import participant_personal_url
from visits.changes.models import ChangeNotice, ItineraryReading, ProgrammeVersion
from visits.changes.snapshot import programme_snapshot
from visits.changes.summary import change_sentences, programme_changes
from visits.models import Visit

logger = logging.getLogger(__name__)

# A mail server that does not answer, or answers "try later".
TRANSIENT_SEND_ERRORS = (SMTPException, OSError)


def participant_language(participant: Participant) -> str:
    return participant.preferred_language or participant.visit.first_language


@transaction.atomic
def programme_version_publish(*, visit: Visit, published_by=None) -> tuple[ProgrammeVersion, bool]:
    """Publish what participants read now as the visit's next programme version.

    Returns the version and whether it is new: when nothing a participant reads changed
    since the last version, that version is returned and nobody is told anything. From the
    second version on, every participant whose own itinerary changed gets a notice, sent by
    a task after commit; several edits between two publications make one message.
    """
    # One publication at a time per visit: two would both take the same number.
    Visit.objects.select_for_update().filter(pk=visit.pk).first()
    snapshot = programme_snapshot(visit=visit)
    previous = visit.programme_versions.order_by("-number").first()
    if previous is not None and previous.snapshot == snapshot:
        return previous, False
    version = ProgrammeVersion.objects.create(
        visit=visit,
        number=previous.number + 1 if previous else 1,
        snapshot=snapshot,
        published_by=published_by if getattr(published_by, "pk", None) else None,
    )
    if previous is not None:
        notices = _notices_prepare(version=version, previous=previous)
        pending = [notice.pk for notice in notices if notice.status == ChangeNotice.Status.PENDING]
        if pending:
            transaction.on_commit(lambda: change_notices_dispatch(pending))
    return version, True


def _notices_prepare(*, version: ProgrammeVersion, previous: ProgrammeVersion) -> list:
    known = previous.snapshot.get("itineraries", {})
    notices = []
    for participant in Participant.objects.filter(visit=version.visit).select_related("visit"):
        # Someone who joined after the last version has never read it: their personal
        # link, not a list of changes, introduces them to the programme.
        if str(participant.pk) not in known:
            continue
        language = participant_language(participant)
        changes = programme_changes(
            old=previous.snapshot,
            new=version.snapshot,
            language=language,
            participant_id=participant.pk,
        )
        if not changes:
            continue
        notices.append(
            ChangeNotice(
                version=version,
                participant=participant,
                language=language,
                changes=change_sentences(changes, language),
                sent_to=participant.email,
                status=ChangeNotice.Status.PENDING
                if participant.email
                else ChangeNotice.Status.NO_ADDRESS,
            )
        )
    return ChangeNotice.objects.bulk_create(notices)


def change_notices_dispatch(notice_ids: list[int]) -> None:
    """Hand each notice to the sending task (call it after commit)."""
    from visits.changes.tasks import send_change_notice

    for notice_id in notice_ids:
        try:
            send_change_notice.delay(notice_id=notice_id)
        except Exception as error:  # the notice records it; the organiser's page still answers
            # Eagerly the task runs here and propagates its last error; a broker that is
            # down raises too. Neither may turn the publication into a 500.
            logger.exception("Change notice %s could not be sent", notice_id)
            change_notice_mark_failed(
                notice_id=notice_id, error=getattr(error, "exc", None) or error
            )


def change_notice_send(*, notice_id: int) -> ChangeNotice | None:
    """E-mail one notice, in its participant's language. Called by the task; idempotent.

    Returns quietly when the notice is gone or already sent. Errors of the mail server
    propagate for the task to retry; the notice keeps the last one.
    """
    with transaction.atomic():
        notice = (
            ChangeNotice.objects.select_for_update()
            .select_related("participant", "participant__visit", "version")
            .filter(pk=notice_id)
            .first()
        )
        if notice is None or notice.status not in (
            ChangeNotice.Status.PENDING,
            ChangeNotice.Status.FAILED,
        ):
            return notice
        notice.attempts += 1
        notice.save(update_fields=["attempts"])
    participant = notice.participant
    visit = participant.visit
    context = {
        "participant": participant,
        "visit": visit,
        "version": notice.version,
        "changes": notice.changes,
        "link": participant_personal_url(participant=participant),
    }
    with translation.override(notice.language), timezone.override(visit.zone):
        subject = " ".join(render_to_string("email/programme_changed_subject.txt", context).split())
        text = render_to_string("email/programme_changed.txt", context)
        html = render_to_string("email/programme_changed.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notice.sent_to],
        headers={"Content-Language": notice.language},
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send(fail_silently=False)
    except TRANSIENT_SEND_ERRORS as error:
        ChangeNotice.objects.filter(pk=notice_id).update(error=f"{type(error).__name__}: {error}")
        raise
    ChangeNotice.objects.filter(pk=notice_id).update(
        status=ChangeNotice.Status.SENT, sent_at=timezone.now(), error=""
    )
    notice.refresh_from_db()
    return notice


def change_notice_mark_failed(*, notice_id: int, error: BaseException | str) -> None:
    message = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    ChangeNotice.objects.filter(pk=notice_id).exclude(status=ChangeNotice.Status.SENT).update(
        status=ChangeNotice.Status.FAILED, error=message[:4000]
    )


def _latest_versions(visit_id: int) -> QuerySet[ProgrammeVersion]:
    return ProgrammeVersion.objects.filter(visit_id=visit_id).order_by("-number")


# Read on every opening of an itinerary: compiled once per process (organisations.compiled).
_reading_with_latest_version = CompiledQuery(
    lambda participant_id, visit_id: (
        ItineraryReading.objects.filter(participant_id=participant_id)
        .annotate(latest_version_id=Subquery(_latest_versions(visit_id).values("pk")[:1]))
        .order_by("pk")[:1]
    ),
    participant_id=-123_456_789,
    visit_id=-987_654_321,
)


def itinerary_reading_record(*, participant: Participant) -> ItineraryReading | None:
    """Note that a participant's itinerary showed them the latest version.

    The reading keeps the version read before it, so the itinerary can mark what changed
    between the two until a newer version is read. One query (the reading with the latest
    version's id) when the participant has read before; nothing is written when the latest
    version was read already. The versions themselves (their snapshots are the whole
    programme as JSON) are loaded only if the news of the two is not cached.
    """
    reading = _reading_with_latest_version.first(
        participant_id=participant.pk, visit_id=participant.visit_id
    )
    if reading is None:
        latest = _latest_versions(participant.visit_id).defer("snapshot").first()
        if latest is None:
            return None
        return ItineraryReading.objects.create(participant=participant, version=latest)
    if reading.latest_version_id is None:
        return None
    if reading.version_id != reading.latest_version_id:
        reading.previous_version_id = reading.version_id
        reading.version_id = reading.latest_version_id
        reading.save(update_fields=["previous_version", "version", "read_at"])
    return reading
