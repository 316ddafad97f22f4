"""The web side of a booklet request when the broker misbehaves, against real services:
a broker that accepts and never answers, and fifty readers asking at the same moment."""

import threading
import time

import pytest
import redis as redis_client
from django.db import connection
from django.test import Client

from tests.real_services import celery_on, hung_listener, redis_server
from tests.scenarios import librarians_in_paris_and_rouen
from visits.booklets.models import Booklet

BOOKLET_URL = "/v/paris-rouen-2025/booklet/ru+fr/a5/"


@pytest.mark.faults
@pytest.mark.django_db(transaction=True)
def test_a_hung_broker_does_not_hold_the_request(client):
    librarians_in_paris_and_rouen()
    with hung_listener() as url, celery_on(url):
        started = time.monotonic()
        response = client.get(BOOKLET_URL)
        elapsed = time.monotonic() - started

    # gunicorn would kill the request at WEB_TIMEOUT (30 s); it answers well before.
    assert elapsed < 10, elapsed
    assert response.status_code == 200
    booklet = Booklet.objects.get()
    assert booklet.status == Booklet.Status.PENDING
    assert booklet.error.startswith("Will be tried again by itself.")


def ask_at_once(count: int) -> list[int]:
    barrier = threading.Barrier(count)
    statuses: list[int] = []

    def ask() -> None:
        try:
            barrier.wait(timeout=30)
            statuses.append(Client().get(BOOKLET_URL).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


@pytest.mark.faults
@pytest.mark.postgres  # SQLite locks the whole database for each write
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_requests_for_a_new_booklet_start_one_render():
    librarians_in_paris_and_rouen()
    with redis_server() as redis, celery_on(redis.url, own_prefix=False):
        statuses = ask_at_once(50)
        queued = redis_client.Redis.from_url(redis.url).lrange("celery", 0, -1)

    assert statuses == [200] * 50
    assert Booklet.objects.count() == 1
    # No worker runs: every task sent is still in the queue. Exactly one was sent.
    assert len(queued) == 1
    assert b"visits.booklets.render_booklet" in queued[0]
