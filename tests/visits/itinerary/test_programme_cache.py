"""The programme part of the pages is cached by what it shows: every edit shows at once,
whichever page or import made it, and the clock moves sessions into the past."""

import datetime
import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.models import Organisation
from tests.scenarios import delegation_in_paris as build_delegation
from tests.scenarios import session_on_day as build_session
from tests.scenarios import visit_time as at
from visits.models import Day, Resource, Session


@pytest.fixture
def delegation(db):
    return build_delegation()


def itinerary(client, delegation) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/p/{delegation.olga.access_token}/?lang=en")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_reading_comes_from_the_cache_and_reads_the_same(client, delegation):
    first, first_queries = itinerary(client, delegation)
    second, second_queries = itinerary(client, delegation)

    assert second == first
    assert second_queries < first_queries <= 10


@pytest.mark.parametrize(
    "edit",
    [
        "day heading",
        "session title",
        "host name",
        "host added",
        "resource title",
        "group name",
        "session removed",
    ],
)
def test_every_edit_shows_at_once(client, delegation, edit):
    visit = delegation.visit
    session = delegation.plenary
    itinerary(client, delegation)

    if edit == "day heading":
        Day.objects.filter(visit=visit).update(heading_en="Arrival, then museums")
        expected = "Arrival, then museums"
    elif edit == "session title":
        # Every writer stamps updated_at (the calendar's SEQUENCE relies on it too).
        Session.objects.filter(pk=session.pk).update(
            title_en="Opening, moved upstairs", updated_at=timezone.now()
        )
        expected = "Opening, moved upstairs"
    elif edit == "host name":
        host = Organisation.objects.create(name_en="City archives")
        session.hosts.add(host)
        itinerary(client, delegation)
        host.name_en = "Municipal archives"
        host.save()
        expected = "Municipal archives"
    elif edit == "host added":
        host = Organisation.objects.create(name_en="Town hall")
        Session.hosts.through.objects.create(session=session, organisation=host)
        expected = "Town hall"
    elif edit == "resource title":
        resource = Resource.objects.create(
            visit=visit, session=session, title_en="Agenda", url="https://example.org/a"
        )
        itinerary(client, delegation)
        Resource.objects.filter(pk=resource.pk).update(title_en="Agenda, second version")
        expected = "Agenda, second version"
    elif edit == "group name":
        session.groups.set([delegation.libraries])
        delegation.olga.groups.set([delegation.libraries])
        itinerary(client, delegation)
        delegation.libraries.__class__.objects.filter(pk=delegation.libraries.pk).update(
            name_en="Public libraries"
        )
        expected = "For: Public libraries"
    else:
        extra = build_session(visit, day=3, title="Cancelled walk")
        assert "Cancelled walk (en)" in itinerary(client, delegation)[0]
        Session.objects.filter(pk=extra.pk).delete()
        assert "Cancelled walk (en)" not in itinerary(client, delegation)[0]
        return

    assert expected in itinerary(client, delegation)[0]


def test_the_clock_moves_the_next_session_to_now(client, delegation, monkeypatch):
    visit = delegation.visit
    build_session(visit, day=1, hour=9, title="Breakfast talk")
    build_session(visit, day=1, hour=14, title="Afternoon walk")
    monkeypatch.setattr(timezone, "now", lambda: at(visit, 1, 8))
    before = itinerary(client, delegation)[0]
    monkeypatch.setattr(timezone, "now", lambda: at(visit, 1, 9) + datetime.timedelta(minutes=5))
    during = itinerary(client, delegation)[0]

    assert '<span class="status-title">Breakfast talk (en)</span>' in before
    assert 'class="status-card is-next"' in before
    assert 'class="status-card is-current"' in during
    assert '<span class="status-title">Afternoon walk (en)</span>' in during


def test_a_session_to_be_confirmed_is_over_once_its_day_slot_has_passed(
    client, delegation, monkeypatch
):
    # Neither running nor next (its time is not known), it still turns "Over": the clock
    # state counts it among the sessions over, though nothing else moves between readings.
    visit = delegation.visit
    build_session(
        visit,
        day=1,
        hour=9,
        minutes=60,
        title="Visit to be confirmed",
        time_precision=Session.TimePrecision.TO_BE_CONFIRMED,
    )
    monkeypatch.setattr(timezone, "now", lambda: at(visit, 1, 8))
    before = itinerary(client, delegation)[0]
    monkeypatch.setattr(timezone, "now", lambda: at(visit, 1, 11))
    after = itinerary(client, delegation)[0]

    def card(page: str) -> str:
        start = page.index("Visit to be confirmed (en)")
        start = page.rindex("<article", 0, start)
        return page[start : page.index("</article>", start)]

    assert "Over" not in card(before)
    assert "Over" in card(after)


def test_the_page_goes_compressed_to_a_browser_that_takes_it(client, delegation):
    # Participants read it on a phone abroad; the kept programme part is compressed once
    # and the page around it joined to it, a stream every browser must read as one.
    path = f"/p/{delegation.olga.access_token}/?lang=en"
    first = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")  # part made now
    second = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")  # part from the cache
    plain = client.get(path)

    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"] and "Cookie" in plain["Vary"]
    for response in (first, second):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        # gzip checks the stream's end, its checksum and its length.
        assert gzip.decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content) / 2
    assert "Welcome" in plain.content.decode()


def test_a_compressed_page_refused_by_the_browser_is_sent_plain(client, delegation):
    path = f"/p/{delegation.olga.access_token}/?lang=en"
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip;q=0, deflate")

    assert not response.has_header("Content-Encoding")
    assert "Welcome" in response.content.decode()


@pytest.mark.parametrize("times", [0, 2])
def test_a_template_that_misplaces_the_programme_slot_is_told_so(times):
    from django.core.exceptions import ImproperlyConfigured

    from visits.itinerary.pages import PROGRAMME_SLOT, ProgrammeParts, page_with_programme

    html = "<main>" + str(PROGRAMME_SLOT) * times + "</main>"
    with pytest.raises(ImproperlyConfigured, match=f"printed it {times} times"):
        page_with_programme(html, ProgrammeParts(programme_utf8=b"<ol></ol>"))
