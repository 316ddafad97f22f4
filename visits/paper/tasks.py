"""The Celery task that renders a kind of paper: thin, ids in, the service does the work."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from visits.models import Visit
from visits.paper.services import paper_render, paper_request_parse


@shared_task(
    name="visits.paper.render_paper",
    acks_late=True,
    soft_time_limit=120,
    time_limit=180,
    autoretry_for=(OSError, OperationalError),
    max_retries=3,
    retry_backoff=5,
    ignore_result=True,
)
def render_paper(*, visit_id: int, kind: str, language: str) -> None:
    visit = Visit.objects.select_related("organiser").filter(pk=visit_id).first()
    if visit is None:
        return
    paper_render(paper_request_parse(visit=visit, kind=kind, language=language))
