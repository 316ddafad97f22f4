"""A passing outage does not become a lasting failure (issue 11).

A booklet asked for while the broker is down, or rendered while the media directory cannot
be written, stays pending and is made by itself once the service is back (the beat sweep
sends it again). One that keeps failing is given up, and then the visit's organisers get an
e-mail; the reader's page says they were told only when they were.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.real_services import celery_on, redis_server, wait_until
from tests.scenarios import librarians_in_paris_and_rouen
from visits.booklets.models import Booklet
from visits.booklets.services import (
    MAX_RENDER_ATTEMPTS,
    booklet_mode_parse,
    booklet_request,
    booklets_dispatch_stale,
)

RU_FR_A5 = booklet_mode_parse(languages="ru+fr", paper="a5")
BOOKLET_URL = "/v/paris-rouen-2025/booklet/ru+fr/a5/"


def in_russian(text: str) -> str:
    # The waiting page speaks the booklet's first language, Russian here.
    with translation.override("ru"):
        return gettext(text)


def later(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


def organiser_member(visit, email="claire@echanges.example.org"):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, is_staff=True
    )
    visit.organiser.members.add(user)
    return user


@pytest.fixture
def unwritable_media(settings, tmp_path):
    # A real file where the media directory should be: every write fails with an OSError,
    # as on a full or read-only disk (root ignores permission bits, so chmod would not do).
    blocker = tmp_path / "media-is-a-file"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"
    yield blocker
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.faults
@pytest.mark.django_db(transaction=True)
def test_a_booklet_asked_for_while_the_broker_is_down_is_made_when_it_is_back(
    client, worker_thread
):
    visit = librarians_in_paris_and_rouen()
    organiser_member(visit)
    with redis_server() as redis, celery_on(redis.url) as app:
        redis.stop()
        response = client.get(BOOKLET_URL)

        booklet = Booklet.objects.get()
        assert (booklet.status, booklet.attempts) == (Booklet.Status.PENDING, 1)
        assert booklet.error.startswith("Will be tried again by itself. OperationalError")
        # The reader waits on a page that looks again; nobody claims organisers were told.
        assert response.status_code == 200
        assert in_russian("Your booklet is being made") in response.content.decode()
        assert in_russian("The organisers have been told.") not in response.content.decode()
        assert mail.outbox == []

        redis.start()
        with worker_thread(app):
            # The sweep (Celery beat) finds it once its wait is over and sends it again.
            assert booklets_dispatch_stale(now=later(hours=1)) == 1
            assert wait_until(
                lambda: Booklet.objects.get().status != Booklet.Status.PENDING, seconds=90
            )

    booklet.refresh_from_db()
    assert (booklet.status, booklet.error) == (Booklet.Status.READY, "")
    pdf = client.get(BOOKLET_URL)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.getvalue()[:5] == b"%PDF-"
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_booklet_rendered_onto_an_unwritable_disk_is_made_once_it_is_fixed(
    client, unwritable_media, django_capture_on_commit_callbacks
):
    visit = librarians_in_paris_and_rouen()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(BOOKLET_URL)

    booklet = Booklet.objects.get()
    assert booklet.status == Booklet.Status.PENDING
    assert "NotADirectoryError" in booklet.error
    assert response.status_code == 200
    assert in_russian("Your booklet is being made") in response.content.decode()

    unwritable_media.unlink()
    with django_capture_on_commit_callbacks(execute=True):
        assert booklets_dispatch_stale(now=later(hours=1)) == 1

    booklet.refresh_from_db()
    assert (booklet.status, booklet.error) == (Booklet.Status.READY, "")
    assert booklet.file.read(5) == b"%PDF-"
    assert visit.booklets.get() == booklet


@pytest.mark.django_db
def test_a_booklet_that_keeps_failing_is_given_up_and_its_organisers_told(
    client, unwritable_media, django_capture_on_commit_callbacks
):
    visit = librarians_in_paris_and_rouen()
    organiser_member(visit, "claire@echanges.example.org")
    organiser_member(visit, "marc@echanges.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(BOOKLET_URL)
    hours = 0
    while Booklet.objects.get().status == Booklet.Status.PENDING:
        hours += 12
        assert hours < 24 * 30, "the booklet was never given up"
        with django_capture_on_commit_callbacks(execute=True):
            booklets_dispatch_stale(now=later(hours=hours))

    booklet = Booklet.objects.get()
    assert booklet.status == Booklet.Status.FAILED
    assert booklet.attempts >= MAX_RENDER_ATTEMPTS
    assert booklet.error.startswith(
        f"Given up after {MAX_RENDER_ATTEMPTS} attempts to render this booklet. "
    )
    assert booklet.organisers_told_at is not None
    [message] = mail.outbox
    assert message.to == ["claire@echanges.example.org", "marc@echanges.example.org"]
    assert message.subject == f"A booklet of “{visit.title}” could not be made"
    assert "NotADirectoryError" in message.body
    assert f"/admin/visits/visit/{visit.pk}/change/#booklets" in message.body

    page = client.get(BOOKLET_URL)
    assert page.status_code == 503
    assert in_russian("The organisers have been told.") in page.content.decode()
    # Asking again does not tell them again.
    booklets_dispatch_stale(now=later(hours=24 * 60))
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_page_does_not_claim_organisers_were_told_when_nobody_could_be(
    client, django_capture_on_commit_callbacks
):
    visit = librarians_in_paris_and_rouen()
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    Booklet.objects.filter(pk=booklet.pk).update(attempts=MAX_RENDER_ATTEMPTS)
    booklets_dispatch_stale(now=later(hours=24))

    page = client.get(BOOKLET_URL)
    assert page.status_code == 503
    text = page.content.decode()
    assert in_russian("The booklet could not be made just now") in text
    assert in_russian("The organisers have been told.") not in text
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_visit_page_shows_an_outage_the_sweep_will_retry(
    client, unwritable_media, django_capture_on_commit_callbacks
):
    visit = librarians_in_paris_and_rouen()
    with django_capture_on_commit_callbacks(execute=True):
        booklet_request(visit=visit, mode=RU_FR_A5)
    client.force_login(get_user_model().objects.create_superuser("lead", password="x"))

    page = client.get(f"/admin/visits/visit/{visit.pk}/change/").content.decode()

    booklet = Booklet.objects.get()
    assert f"attempts: {booklet.attempts}" in page
    assert "<code>Will be tried again by itself. NotADirectoryError" in page
