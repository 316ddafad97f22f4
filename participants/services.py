"""Writes about delegations: personal links reissued and sent."""

import logging

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


class NoEmailAddress(Exception):
    pass


def participant_link_send(*, participant: Participant, sent_by=None) -> LinkMailing:
    """E-mail a participant their personal link, in their language, and record it.

    The message is rendered under the participant's preferred language and the visit's
    time zone, sent through the configured backend (console or file on the embedded
    default, SMTP in production), and recorded only once the backend accepted it.
    Raises ``NoEmailAddress`` when the participant has none; errors of the mail server
    propagate and nothing is recorded.
    """
    if not participant.email:
        raise NoEmailAddress(participant.pk)
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
    message.send(fail_silently=False)
    with transaction.atomic():
        return LinkMailing.objects.create(
            participant=participant,
            sent_to=participant.email,
            language=language,
            subject=subject,
            link=link,
            sent_by=sent_by if getattr(sent_by, "pk", None) else None,
        )


def participant_links_send_later(*, participants, sent_by=None) -> tuple[list, list]:
    """E-mail each participant their link by a task, after the transaction commits.

    Returns the participants whose link is on its way and those without an address. The
    organiser's request never waits for the mail server; the task retries a server that
    does not answer, and each e-mail that left is recorded as a ``LinkMailing``.
    """
    from participants.tasks import send_personal_link

    queued, without_address = [], []
    for participant in participants:
        (queued if participant.email else without_address).append(participant)
    sent_by_id = getattr(sent_by, "pk", None)

    def send() -> None:
        for participant in queued:
            try:
                send_personal_link.delay(participant_id=participant.pk, sent_by_id=sent_by_id)
            except Exception:  # eagerly the task runs here; its failure may not be a 500
                logger.exception("Personal link of participant %s was not sent", participant.pk)

    transaction.on_commit(send)
    return queued, without_address
