"""The Celery task that renders a booklet. Thin: ids in, the service does the work."""

from __future__ import annotations

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from visits.booklets.models import Booklet
from visits.booklets.services import (
    TRANSIENT_ERRORS,
    booklet_mark_failed,
    booklet_note_outage,
    booklet_render,
    booklets_delete_superseded,
    booklets_dispatch_stale,
)

logger = logging.getLogger(__name__)

# settings.CELERY_VISIBILITY_TIMEOUT exceeds the hard limit, so Redis does not hand a long
# render to a second worker while the first still works on it.
HARD_TIME_LIMIT = settings.BOOKLET_RENDER_TIME_LIMIT
SOFT_TIME_LIMIT = max(1, HARD_TIME_LIMIT * 2 // 3)


class BookletTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries are spent, or the error was not one we retry. An outage (a full or
        # read-only disk, a database away) may pass: the row stays pending for the sweep,
        # which sends it again later. Anything else: the organisers are told why.
        booklet_id = kwargs.get("booklet_id")
        if booklet_id is None:
            return
        if isinstance(exc, TRANSIENT_ERRORS):
            booklet_note_outage(booklet_id=booklet_id, error=exc)
        else:
            booklet_mark_failed(booklet_id=booklet_id, error=exc)


@shared_task(
    name="visits.booklets.render_booklet",
    base=BookletTask,
    # Acknowledge after the work: a worker that dies mid-render leaves the message to be
    # delivered again (Redis: after the visibility timeout, 900 s > HARD_TIME_LIMIT)...
    acks_late=True,
    # ...but not a message whose child process was killed (hard time limit, out of memory):
    # rendering it again at once would kill again. The row stays pending: the sweep (beat)
    # sends it again after a wait that doubles with each attempt, and the attempt counter
    # in the row (services.MAX_RENDER_ATTEMPTS) bounds how often.
    reject_on_worker_lost=False,
    soft_time_limit=SOFT_TIME_LIMIT,
    time_limit=HARD_TIME_LIMIT,
    autoretry_for=TRANSIENT_ERRORS,
    # A few quick retries here; a longer outage is the sweep's (services._resend_after).
    max_retries=2,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    ignore_result=True,
)
def render_booklet(*, booklet_id: int) -> None:
    try:
        booklet_render(booklet_id=booklet_id)
    except SoftTimeLimitExceeded:
        booklet_mark_failed(
            booklet_id=booklet_id,
            error=f"Rendering took longer than {SOFT_TIME_LIMIT} seconds and was stopped.",
        )


@shared_task(name="visits.booklets.dispatch_stale", ignore_result=True)
def dispatch_stale_booklets() -> None:
    """Periodic (Celery beat): send again the booklets left pending by a lost render."""
    count = booklets_dispatch_stale()
    if count:
        logger.warning("Sent %d stale pending booklets to the workers again.", count)


@shared_task(name="visits.booklets.delete_superseded", ignore_result=True)
def delete_superseded_booklets() -> None:
    """Periodic (Celery beat): delete the files of booklets a newer version replaced."""
    for visit_id in Booklet.objects.values_list("visit_id", flat=True).distinct():
        booklets_delete_superseded(visit_id=visit_id)
