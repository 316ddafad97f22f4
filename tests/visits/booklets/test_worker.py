"""A real Celery worker on the Redis broker renders a booklet (not eager mode)."""

import time

import pytest

from visits.booklets.models import Booklet
from visits.booklets.services import booklet_mode_parse, booklet_request


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_worker_on_redis_renders_the_booklet(redis_app, worker_thread):
    from tests.scenarios import librarians_in_paris_and_rouen

    visit = librarians_in_paris_and_rouen(days=2)
    with worker_thread(redis_app):
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
