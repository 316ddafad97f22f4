"""The Celery tasks that tell participants: thin, ids in, the services do the work."""

from __future__ import annotations

from celery import Task, shared_task
from django.db import InterfaceError, OperationalError

from visits.changes.services import (
    TRANSIENT_SEND_ERRORS,
    change_notice_mark_failed,
    change_notice_send,
)


class ChangeNoticeTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries are spent: the organiser sees on the version's page whom it did not reach.
        notice_id = kwargs.get("notice_id")
        if notice_id is not None:
            change_notice_mark_failed(notice_id=notice_id, error=exc)


# A mail server that refuses, and a database away for a moment (a restart, a failover):
# either would otherwise end the task and leave the notice unsent, with nothing to send it
# again. A retry after the message left but before it was marked sent sends it twice; a
# second message is better than none.
RETRIED_ERRORS = (*TRANSIENT_SEND_ERRORS, OperationalError, InterfaceError)


@shared_task(
    name="visits.changes.send_change_notice",
    base=ChangeNoticeTask,
    acks_late=True,
    autoretry_for=RETRIED_ERRORS,
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    soft_time_limit=60,
    time_limit=90,
    ignore_result=True,
)
def send_change_notice(*, notice_id: int) -> None:
    change_notice_send(notice_id=notice_id)
