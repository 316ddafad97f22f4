"""The Celery task that e-mails a personal link: thin, ids in, the service does the work."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task
from django.contrib.auth import get_user_model

from participants.models import Participant
from participants.services import participant_link_send


@shared_task(
    name="participants.send_personal_link",
    acks_late=True,
    # A mail server that does not answer, or answers "try later", may answer next time.
    autoretry_for=(SMTPException, OSError),
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    soft_time_limit=60,
    time_limit=90,
    ignore_result=True,
)
def send_personal_link(*, participant_id: int, sent_by_id: int | None = None) -> None:
    participant = (
        Participant.objects.select_related("visit", "visit__organiser")
        .filter(pk=participant_id)
        .first()
    )
    if participant is None or not participant.email:
        return
    sent_by = get_user_model().objects.filter(pk=sent_by_id).first() if sent_by_id else None
    participant_link_send(participant=participant, sent_by=sent_by)
