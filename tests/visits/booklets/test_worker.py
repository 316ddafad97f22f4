"""A real Celery worker on the Redis broker renders a booklet (not eager mode).

Skipped when Redis is unreachable on a developer's machine; in CI (CI=true) it fails
instead, so a missing Redis can never pass for a green suite.
"""

import os
import time
import uuid

import pytest

from tests.real_services import celery_connections_reset
from visits.booklets.models import Booklet
from visits.booklets.services import booklet_mode_parse, booklet_request

BROKER = "redis://127.0.0.1:6379/15"


def redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs Redis at {BROKER}: {error}")
        pytest.skip(f"Redis is not reachable at {BROKER}: {error}")


@pytest.fixture
def redis_app():
    from config.celery import app

    redis_or_skip()
    keys = ("broker_url", "task_always_eager", "broker_transport_options")
    saved = {key: app.conf[key] for key in keys}
    # A key prefix of our own: another test run on the same Redis must not take our tasks.
    options = {**saved["broker_transport_options"], "global_keyprefix": f"{uuid.uuid4().hex}:"}
    app.conf.update(broker_url=BROKER, task_always_eager=False, broker_transport_options=options)
    celery_connections_reset(app)
    yield app
    app.conf.update(saved)
    celery_connections_reset(app)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_on_redis_renders_the_booklet(redis_app):
    from celery.contrib.testing.worker import start_worker

    from tests.scenarios import librarians_in_paris_and_rouen

    visit = librarians_in_paris_and_rouen(days=2)
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        booklet = booklet_request(
            visit=visit, mode=booklet_mode_parse(languages="ru+fr", paper="a5")
        )
        assert booklet.status == Booklet.Status.PENDING
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            booklet.refresh_from_db()
            if booklet.status != Booklet.Status.PENDING:
                break
            time.sleep(0.2)
    assert (booklet.status, booklet.error) == (Booklet.Status.READY, "")
    assert booklet.file.read(5) == b"%PDF-"
    again = booklet_request(visit=visit, mode=booklet_mode_parse(languages="ru+fr", paper="a5"))
    assert (again.pk, again.file.name) == (booklet.pk, booklet.file.name)
