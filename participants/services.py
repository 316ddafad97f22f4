"""Writes about delegations: personal links reissued and sent."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from participants.models import LinkMailing, Participant, new_access_token
from participants.selectors import participant_personal_url

logger = logging.getLogger(__name__)


@transaction.atomic
def participant_link_reissue(*, participant: Participant) -> Participant:
    """Revoke a participant's personal link and give them a new one.

    The old token stops working at once (pages, calendar feed, offline manifest): anyone
    who had the old link gets the same 404 as for a page that never existed. The
    participant needs the new link, which ``participant_links`` prints.
    """
    participant.access_token = new_access_token()
    participant.access_token_issued_at = timezone.now()
    participant.save(update_fields=["access_token", "access_token_issued_at", "updated_at"])
    return participant


# A mail server that does not answer, or answers "try later", may answer next time.
TRANSIENT_SEND_ERRORS = (SMTPException, OSError)


def link_mailings_record(*, participants, sent_by=None) -> list[LinkMailing]:
    """Record one personal-link e-mail per participant, before anything is sent.

    A participant without an address is recorded as such at once; the others wait for the
    task, which records whether the e-mail left.
    """
    sent_by = sent_by if getattr(sent_by, "pk", None) else None
    return LinkMailing.objects.bulk_create(
        LinkMailing(
            participant=participant,
            sent_to=participant.email,
            sent_by=sent_by,
            status=LinkMailing.Status.PENDING
            if participant.email
            else LinkMailing.Status.NO_ADDRESS,
        )
        for participant in participants
    )


def participant_link_send(*, mailing_id: int) -> LinkMailing | None:
    """E-mail a participant their personal link, in their language, and record that it left.

    Called by the task; idempotent: returns quietly when the mailing is gone or was sent.
    The message is rendered under the participant's preferred language and the visit's
    time zone, to the address the participant has now. Errors of the mail server are kept
    on the mailing and propagate, for the task to retry.
    """
    with transaction.atomic():
        mailing = (
            LinkMailing.objects.select_for_update()
            .select_related("participant", "participant__visit", "participant__visit__organiser")
            .filter(pk=mailing_id)
            .first()
        )
        if mailing is None or mailing.status not in (
            LinkMailing.Status.PENDING,
            LinkMailing.Status.FAILED,
        ):
            return mailing
        participant = mailing.participant
        if not participant.email:
            mailing.status = LinkMailing.Status.NO_ADDRESS
            mailing.save(update_fields=["status"])
            return mailing
        mailing.attempts += 1
        mailing.save(update_fields=["attempts"])
    visit = participant.visit
    link = participant_personal_url(participant=participant)
    language = participant.preferred_language or visit.first_language
    context = {"participant": participant, "visit": visit, "link": link}
    with translation.override(language), timezone.override(visit.zone):
        subject = " ".join(render_to_string("email/personal_link_subject.txt", context).split())
        text = render_to_string("email/personal_link.txt", context)
        html = render_to_string("email/personal_link.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[participant.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    details = {"sent_to": participant.email, "language": language, "subject": subject}
    try:
        message.send(fail_silently=False)
    except TRANSIENT_SEND_ERRORS as error:
        LinkMailing.objects.filter(pk=mailing_id).update(error=_error_text(error), **details)
        raise
    LinkMailing.objects.filter(pk=mailing_id).update(
        status=LinkMailing.Status.SENT, sent_at=timezone.now(), error="", link=link, **details
    )
    mailing.refresh_from_db()
    return mailing


def _error_text(error: BaseException | str) -> str:
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    return text[:4000]


def link_mailing_mark_failed(*, mailing_id: int, error: BaseException | str) -> None:
    """The retries are spent (or the task could not be queued): say so on the mailing."""
    LinkMailing.objects.filter(pk=mailing_id).exclude(status=LinkMailing.Status.SENT).update(
        status=LinkMailing.Status.FAILED, error=_error_text(error)
    )


def link_mailings_dispatch(mailing_ids: list[int]) -> None:
    """Hand each mailing to the sending task (call it after commit)."""
    from participants.tasks import send_personal_link

    for mailing_id in mailing_ids:
        try:
            send_personal_link.delay(mailing_id=mailing_id)
        except Exception as error:  # the mailing records it; the organiser's page answers
            # Eagerly the task runs here and propagates its last error; a broker that is
            # down raises too. Neither may turn the organiser's action into a 500.
            logger.exception("Personal link e-mail %s was not sent", mailing_id)
            link_mailing_mark_failed(
                mailing_id=mailing_id, error=getattr(error, "exc", None) or error
            )


def participant_links_send_later(*, participants, sent_by=None) -> tuple[list, list]:
    """E-mail each participant their link by a task, after the transaction commits.

    Returns the participants whose link is on its way and those without an address. The
    organiser's request never waits for the mail server; every participant asked for gets
    a ``LinkMailing`` at once, and the task records on it whether the e-mail left, or why
    not once its retries are spent.
    """
    participants = list(participants)
    mailings = link_mailings_record(participants=participants, sent_by=sent_by)
    pending = [m.pk for m in mailings if m.status == LinkMailing.Status.PENDING]
    if pending:
        transaction.on_commit(lambda: link_mailings_dispatch(pending))
    queued = [p for p in participants if p.email]
    without_address = [p for p in participants if not p.email]
    return queued, without_address
