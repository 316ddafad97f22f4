"""/health/ for the load balancer: 200 when the database and broker answer, a quick 503
naming what failed when one does not, and nothing personal either way."""

import json
import time

import pytest
from django.db import OperationalError

from tests.real_services import hung_listener, redis_server


@pytest.fixture
def broker(settings):
    def use(url: str) -> None:
        settings.CELERY_BROKER_URL = url
        settings.CELERY_TASK_ALWAYS_EAGER = False

    return use


@pytest.mark.django_db
def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.faults
@pytest.mark.django_db
def test_it_checks_a_configured_broker(client, broker):
    with redis_server() as redis:
        broker(redis.url)
        response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


@pytest.mark.faults
@pytest.mark.django_db
def test_a_stopped_broker_is_a_503_naming_it(client, broker):
    with redis_server() as redis:
        broker(redis.url)
        redis.stop()
        started = time.monotonic()
        response = client.get("/health/")

    assert time.monotonic() - started < 5
    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "ok", "broker": "failing"},
        "failing": ["broker"],
    }


@pytest.mark.faults
@pytest.mark.django_db
def test_a_hung_broker_is_a_503_within_seconds(client, broker):
    with hung_listener() as url:
        broker(url)
        started = time.monotonic()
        response = client.get("/health/")
        elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert response.json()["failing"] == ["broker"]
    assert elapsed < 5
    # Nothing about the broker's address or the error leaks to whoever asks.
    assert "127.0.0.1" not in response.content.decode()


@pytest.mark.django_db
def test_a_failing_database_is_a_503_naming_it(client, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/health/")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body == {
        "status": "failing",
        "checks": {"database": "failing"},
        "failing": ["database"],
    }
    assert "10.0.0.5" not in response.content.decode()
