"""The public page is kept whole between readers: every edit, every published version and
the minute printed on it make the next reader get a new page; a reader's request otherwise
reads one light row."""

import datetime
import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.models import Organisation
from tests.factories import GroupFactory
from tests.scenarios import delegation_in_paris as build_delegation
from visits.changes.services import programme_version_publish
from visits.models import Session, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegation():
    return build_delegation()


def public_page(client, delegation, **headers) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/v/{delegation.visit.slug}/?lang=en", **headers)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    return response.content.decode(), len(queries)


def test_a_second_reader_gets_the_same_page_from_one_light_row(client, delegation):
    first, first_queries = public_page(client, delegation)
    second, second_queries = public_page(client, delegation)

    assert second == first
    assert "Study visit to Paris" in second
    assert second_queries == 1 < first_queries


@pytest.mark.parametrize("edit", ["session title", "host name", "session for a group"])
def test_every_edit_reaches_the_next_reader(client, delegation, edit):
    public_page(client, delegation)
    session = delegation.plenary

    if edit == "session title":
        session.title_en = "Opening, moved upstairs"
        session.save()
        expected = "Opening, moved upstairs"
    elif edit == "host name":
        host = Organisation.objects.get(pk=delegation.host.pk)
        host.name_en = "Library of the Centre Pompidou"
        host.save()
        expected = "Library of the Centre Pompidou"
    else:
        session.groups.set([GroupFactory(visit=delegation.visit, name_en="Mayors")])
        expected = "For: Mayors"

    assert expected in public_page(client, delegation)[0]


def test_a_published_version_shows_what_changed_at_once(client, delegation):
    visit = delegation.visit
    programme_version_publish(visit=visit)
    public_page(client, delegation)
    Session.objects.filter(pk=delegation.plenary.pk).update(
        starts_at=delegation.plenary.starts_at + datetime.timedelta(hours=4),
        ends_at=delegation.plenary.ends_at + datetime.timedelta(hours=4),
    )
    # Written past the signals, as a bulk script would: the version below is what moves it.
    programme_version_publish(visit=Visit.objects.get(pk=visit.pk))

    page = public_page(client, delegation)[0]
    assert 'id="changes-title">What changed</h2>' in page


def test_an_edit_past_the_signals_shows_once_the_minute_passes(client, delegation, monkeypatch):
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    public_page(client, delegation)
    Session.objects.filter(pk=delegation.plenary.pk).update(
        title_en="Renamed by a bulk update", updated_at=now
    )
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=1))

    assert "Renamed by a bulk update" in public_page(client, delegation)[0]


def test_each_address_of_the_portal_gets_links_to_itself(client, delegation, settings):
    settings.ALLOWED_HOSTS = ["testserver", "visits.example.org"]
    public_page(client, delegation)
    page = public_page(client, delegation, HTTP_HOST="visits.example.org")[0]
    assert "webcal://visits.example.org/" in page


@pytest.mark.parametrize(
    ("accept_encoding", "compressed"),
    [
        ("gzip, deflate, br", True),  # what phones' browsers send
        ("br;q=1.0, gzip;q=0.8, *;q=0.1", True),
        ("*", True),
        ("", False),
        ("identity", False),
        ("gzip;q=0, *", False),
        ("deflate, br", False),
        ("gzip;q=nonsense", False),
    ],
)
def test_the_page_goes_compressed_to_a_browser_that_takes_it(
    client, delegation, accept_encoding, compressed
):
    # Readers open it on a phone abroad: a 300-session page is half a megabyte as text.
    plain, _ = public_page(client, delegation)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            f"/v/{delegation.visit.slug}/?lang=en", HTTP_ACCEPT_ENCODING=accept_encoding
        )

    # Both forms were kept when the first reader's page was made.
    assert len(queries) == 1

    assert "Accept-Encoding" in response["Vary"]
    if compressed:
        assert response["Content-Encoding"] == "gzip"
        assert int(response["Content-Length"]) == len(response.content) < len(plain) / 2
        page = gzip.decompress(response.content).decode()
    else:
        assert not response.has_header("Content-Encoding")
        page = response.content.decode()
    assert page == plain
    assert "Study visit to Paris" in page
