"""The Celery task that tells each side of a proposed change: thin, ids in, the service
does the work."""

from __future__ import annotations

import logging

from celery import Task, shared_task

from organisations.services import TRANSIENT_SEND_ERRORS, change_proposal_notice_send

logger = logging.getLogger(__name__)


class ChangeProposalNoticeTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries are spent: the proposal still waits on its page, where both sides see it.
        logger.error(
            "Notice %r of change proposal %s was not sent: %s",
            kwargs.get("notice"),
            kwargs.get("proposal_id"),
            exc,
        )


@shared_task(
    name="organisations.send_change_proposal_notice",
    base=ChangeProposalNoticeTask,
    acks_late=True,
    autoretry_for=TRANSIENT_SEND_ERRORS,
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    soft_time_limit=60,
    time_limit=90,
    ignore_result=True,
)
def send_change_proposal_notice(*, proposal_id: int, notice: str) -> None:
    change_proposal_notice_send(proposal_id=proposal_id, notice=notice)
