"""Tasks of the visits app, where Celery's autodiscovery looks for them."""

from visits.booklets.tasks import render_booklet

__all__ = ["render_booklet"]
