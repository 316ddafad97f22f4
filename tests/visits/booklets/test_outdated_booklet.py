"""A printed booklet carries a link with its version; opened later, an older one says so."""

import pytest

from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.models import Booklet
from visits.models import Session

URL = "/v/paris-rouen-2025/booklet/ru+fr/a5/"


@pytest.fixture
def printed(client, db, django_capture_on_commit_callbacks):
    build_visit()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(URL)
    booklet = Booklet.objects.get()
    return booklet


def test_the_booklet_prints_the_link_that_checks_it(printed):
    text = " ".join(pdf_pages(printed.file.read()))
    assert "Актуален ли этот буклет? Проверьте по ссылке:" in text
    assert f"http://127.0.0.1:8000{URL}?from={printed.short_version}" in text.replace(" ", "")


def test_an_older_booklet_says_so_and_offers_the_new_one(
    client, printed, django_capture_on_commit_callbacks
):
    session = Session.objects.first()
    session.title_ru = "Перенесённая встреча"
    session.save()

    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(f"{URL}?from={printed.short_version}").content.decode()

    assert "С тех пор как этот буклет был напечатан, программа изменилась" in page
    assert f'<a class="button" href="{URL}">Скачать новый буклет</a>' in page


def test_a_current_booklet_is_handed_over(client, printed):
    response = client.get(f"{URL}?from={printed.short_version}")
    assert response["Content-Type"] == "application/pdf"
