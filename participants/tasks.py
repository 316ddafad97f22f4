"""The Celery task that e-mails a personal link: thin, ids in, the service does the work."""

from __future__ import annotations

from celery import Task, shared_task

from participants.services import (
    TRANSIENT_SEND_ERRORS,
    link_mailing_mark_failed,
    participant_link_send,
)


class LinkMailingTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries are spent: the organiser sees on the mailings' page whom it did not reach.
        mailing_id = kwargs.get("mailing_id")
        if mailing_id is not None:
            link_mailing_mark_failed(mailing_id=mailing_id, error=exc)


@shared_task(
    name="participants.send_personal_link",
    base=LinkMailingTask,
    acks_late=True,
    # A mail server that does not answer, or answers "try later", may answer next time.
    autoretry_for=TRANSIENT_SEND_ERRORS,
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    soft_time_limit=60,
    time_limit=90,
    ignore_result=True,
)
def send_personal_link(*, mailing_id: int) -> None:
    participant_link_send(mailing_id=mailing_id)
