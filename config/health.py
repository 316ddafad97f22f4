"""The load balancer's question: can this web process serve? (GET /health/)

It checks what every page needs, the database, and the broker when one is configured (a
booklet request sends a task). Each check is bounded by a short time-out so a hung service
makes the answer a quick 503, not a hung probe. The body names the failing service and
nothing else: no host names, no error text, no personal data (those go to the log).
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds a check may take before the service counts as failing.
CHECK_TIMEOUT = 2


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _broker() -> None:
    from config.celery import app

    options = {
        **app.conf.broker_transport_options,
        "socket_timeout": CHECK_TIMEOUT,
        "socket_connect_timeout": CHECK_TIMEOUT,
    }
    with app.connection_for_write(
        url=settings.CELERY_BROKER_URL, transport_options=options
    ) as broker:
        broker.ensure_connection(max_retries=0, timeout=CHECK_TIMEOUT)


def health_checks() -> dict:
    """The checks this installation needs: the broker only when tasks leave the process."""
    checks = {"database": _database}
    if settings.CELERY_BROKER_URL and not settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = _broker
    return checks


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    results = {}
    for name, check in health_checks().items():
        started = time.monotonic()
        try:
            check()
        except Exception:  # any failure is a failing service; the log says which and why
            logger.exception("Health check of the %s failed", name)
            results[name] = "failing"
        else:
            results[name] = "ok"
        logger.debug("Health check of the %s took %.3f s", name, time.monotonic() - started)
    failing = sorted(name for name, result in results.items() if result != "ok")
    body = {"status": "failing" if failing else "ok", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
