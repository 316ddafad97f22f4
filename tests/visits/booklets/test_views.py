"""Downloading booklets: the public one, the personal one, the waiting and failure pages."""

import pytest
from django.utils import timezone

from visits.booklets.models import Booklet
from visits.booklets.services import booklet_mode_parse, booklet_request
from visits.models import Visit

URL = "/v/paris-rouen-2025/booklet/ru+fr/a5/"


def test_not_ready_shows_a_waiting_page_then_hands_over_the_file(
    client, visit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(URL)
    assert waiting.status_code == 200
    page = waiting.content.decode()
    assert "<title>Буклет готовится</title>" in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert '<script src="/static/booklet/status.js" defer></script>' in page
    assert f'data-status-url="{URL}?status=json"' in page
    assert client.get(URL + "?status=json").json() == {"status": "ready"}

    ready = client.get(URL)
    assert ready.status_code == 200
    assert ready["Content-Type"] == "application/pdf"
    booklet = Booklet.objects.get()
    assert ready["Content-Disposition"] == (
        f'inline; filename="paris-rouen-2025-ru-fr-a5-{booklet.short_version}.pdf"'
    )
    assert b"".join(ready.streaming_content).startswith(b"%PDF-")


def test_a_pending_booklet_answers_its_status(client, visit):
    booklet = booklet_request(visit=visit, mode=booklet_mode_parse(languages="fr", paper="a4"))
    assert booklet.status == Booklet.Status.PENDING
    response = client.get("/v/paris-rouen-2025/booklet/fr/a4/?status=json")
    assert response.json() == {"status": "pending"}
    page = client.get("/v/paris-rouen-2025/booklet/fr/a4/").content.decode()
    assert "<h1>Votre livret est en préparation</h1>" in page


def test_a_failed_booklet_shows_the_reader_a_message_not_an_error(client, visit):
    booklet = booklet_request(visit=visit, mode=booklet_mode_parse(languages="fr", paper="a4"))
    Booklet.objects.filter(pk=booklet.pk).update(
        status=Booklet.Status.FAILED, error="ValueError: boom", dispatched_at=timezone.now()
    )
    response = client.get("/v/paris-rouen-2025/booklet/fr/a4/")
    assert response.status_code == 503
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Retry-After"] == "600"
    page = response.content.decode()
    assert "<h1>Le livret n’a pas pu être préparé pour l’instant</h1>" in page
    assert "boom" not in page
    assert '<a href="http://127.0.0.1:8000/v/paris-rouen-2025/">' in page


@pytest.mark.parametrize(
    "url",
    [
        "/v/paris-rouen-2025/booklet/xx/a4/",
        "/v/paris-rouen-2025/booklet/ru+ru/a4/",
        "/v/paris-rouen-2025/booklet/ru/letter/",
        "/v/no-such-visit/booklet/ru/a4/",
    ],
)
def test_bad_addresses_are_missing_pages(client, visit, url):
    assert client.get(url).status_code == 404


def test_a_draft_visit_has_no_public_booklet(client, visit):
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.DRAFT)
    assert client.get(URL).status_code == 404
    assert not Booklet.objects.exists()


def test_a_participant_gets_their_own_booklet_through_their_link(
    client, visit, anna, django_capture_on_commit_callbacks
):
    url = f"/p/{anna.access_token}/booklet/ru/a5/"
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "private" in response["Cache-Control"]
    booklet = Booklet.objects.get()
    assert booklet.participant == anna
    assert response["Content-Disposition"] == (
        f'inline; filename="paris-rouen-2025-ru-a5-personal-{booklet.short_version}.pdf"'
    )


def test_a_wrong_token_reaches_no_booklet(client, visit, anna):
    assert client.get("/p/not-a-token/booklet/ru/a5/").status_code == 404
    assert not Booklet.objects.exists()
