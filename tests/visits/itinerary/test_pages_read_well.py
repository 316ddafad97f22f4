"""The itinerary and the public page as a delegation reads them: today first, each thing
said once, one way to write an address, names and zones in the reader's words."""

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from django.conf import settings
from django.utils import timezone

from organisations.models import Organisation, Venue
from participants.models import Group
from tests.factories import ParticipantFactory
from tests.scenarios import delegation_in_paris as build_delegation
from tests.scenarios import session_on_day as build_session
from tests.scenarios import visit_time as at
from visits.models import Session
from visits.selectors import venue_address


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def delegation(db):
    return build_delegation()


def test_during_the_visit_the_page_opens_on_today_with_past_days_folded(
    client, delegation, monkeypatch
):
    visit = delegation.visit
    build_session(visit, day=2, hour=9, title="Morning talk")
    build_session(visit, day=2, hour=14, title="Afternoon walk")
    now = at(visit, 2, 12)
    monkeypatch.setattr(timezone, "now", lambda: now)

    html = page(client, f"/p/{delegation.olga.access_token}/?lang=en")

    first_day = visit.start_date.isoformat()
    today = (visit.start_date + datetime.timedelta(days=2)).isoformat()
    # The first day is over: folded under its heading, which says how much it held.
    assert re.search(
        rf'<section class="day is-past" id="day-{first_day}"[^>]*>\s*<details class="day-fold">',
        html,
    )
    assert "1 session, over" in html
    # Today is open, its morning is folded above the next session.
    assert f'<section class="day is-today" id="day-{today}"' in html
    assert "Earlier today: 1 session, over" in html
    assert '<article class="session is-next"' in html
    # A way to jump to every day, and the quick link to today.
    assert f'<a href="#day-{today}" aria-current="date">' in html
    assert f'<li><a href="#day-{today}">Today</a></li>' in html
    # Past sessions are not faded below contrast: no opacity on them anywhere.
    css = (Path(settings.BASE_DIR) / "static/itinerary/itinerary.css").read_text()
    assert not re.search(r"is-past[^{]*\{[^}]*opacity", css)


def test_after_the_visit_nothing_is_folded(client, delegation, monkeypatch):
    now = at(delegation.visit, 30, 12)
    monkeypatch.setattr(timezone, "now", lambda: now)

    html = page(client, f"/p/{delegation.olga.access_token}/?lang=en")

    assert '<details class="day-fold">' not in html


def test_things_the_visit_shares_are_said_once(client, delegation):
    visit = delegation.visit
    transfer = build_session(
        visit, day=1, hour=8, title="Coach to Rouen", kind=Session.Kind.TRANSFER
    )
    transfer.hosts.set([delegation.host])
    second = build_session(visit, day=1, hour=14, title="Second library", venue=delegation.venue)
    second.hosts.set([delegation.host])
    street_less = Venue.objects.create(name_en="Somewhere", city_en="Rouen")
    build_session(visit, day=1, hour=17, title="Somewhere", venue=street_less)
    Session.objects.filter(visit=visit).exclude(pk=transfer.pk).update(
        interpretation=Session.Interpretation.CONSECUTIVE, interpretation_note_en="Russian–French"
    )

    html = page(client, f"/p/{delegation.olga.access_token}/?lang=en")

    # The usual interpretation once above the programme, not on each card.
    assert "Interpretation unless a session says otherwise: Consecutive interpretation: " in html
    assert "<dt>Interpretation</dt>" not in html
    # The host's story once; no host block on a transfer.
    assert html.count("The large library of the Centre Pompidou.") == 1
    transfer_card = html[html.index(f'id="session-{transfer.pk}"') :]
    transfer_card = transfer_card[: transfer_card.index("</article>")]
    assert "Host" not in transfer_card
    # No zone on every card, one map button only where a map can find the place.
    assert html.count('class="button-link map-link"') == 2
    assert "Europe/Paris</span>" not in html


def test_an_address_is_written_as_on_the_street_in_every_language(client, delegation):
    anna = page(client, f"/p/{delegation.anna.access_token}/")
    calendar = icalendar.Calendar.from_ical(
        client.get(f"/p/{delegation.anna.access_token}/calendar.ics").content
    )
    located = [event for event in calendar.walk("VEVENT") if event.get("LOCATION")]

    assert "<strong>Центр Помпиду</strong>" in anna
    assert '<span class="address">Place Georges-Pompidou, 75004 Paris, France</span>' in anna
    assert "Париж, France" not in anna
    assert str(located[0]["LOCATION"]) == (
        "Центр Помпиду, Place Georges-Pompidou, 75004 Paris, France"
    )
    # The booklet reads the same through the selector.
    written = venue_address(venue=delegation.venue, language="ru")
    assert (written.name, written.street) == (
        "Центр Помпиду",
        "Place Georges-Pompidou, 75004 Paris, France",
    )


def test_names_and_zones_in_the_readers_words(client, delegation):
    russian = page(client, f"/p/{delegation.anna.access_token}/")
    french = page(client, f"/p/{delegation.anna.access_token}/?lang=fr")

    assert '<h1 class="masthead-person">Анна Иванова <span class="native">Anna Ivanova' in russian
    assert '<h1 class="masthead-person">Anna Ivanova <span class="native">Анна Иванова' in french
    assert "Всё время указано по парижскому времени (UTC+01:00)" in russian
    assert "Tous les horaires sont à l’heure de Paris (UTC+01:00)" in french


def test_the_calendar_says_when_the_session_itself_changed(client, delegation):
    """LAST-MODIFIED is the time of the session's last recorded change (its history), not
    the visit's nor a later change of another session."""
    session = delegation.plenary
    session.title_en = "Welcome, again"
    session.save()
    changed = session.history.first().history_date.replace(microsecond=0)
    delegation.library_visit.title_en = "Library, later"
    delegation.library_visit.save()

    calendar = icalendar.Calendar.from_ical(
        client.get(f"/p/{delegation.olga.access_token}/calendar.ics").content
    )
    event = next(
        e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(f"session-{session.pk}-")
    )

    assert event["LAST-MODIFIED"].dt == changed


def test_a_schedule_note_for_organisers_does_not_reach_participants(client, delegation):
    visit = delegation.visit
    visit.schedule_note_en = "The booklet of the programme gives no times."
    visit.save()

    html = page(client, f"/p/{delegation.olga.access_token}/?lang=en")

    assert "gives no times" not in html


def test_the_public_page_sets_parallel_group_sessions_side_by_side(client, db):
    delegation = build_delegation(slug="parallel")
    visit = delegation.visit
    one = Group.objects.create(visit=visit, name_en="Judges")
    two = Group.objects.create(visit=visit, name_en="Lawyers")
    build_session(visit, day=3, hour=10, title="Court", groups=[one])
    build_session(visit, day=3, hour=10, minutes=60, title="Bar", groups=[two])
    build_session(visit, day=3, hour=15, title="Together")

    html = page(client, f"/v/{visit.slug}/?lang=en")

    day = html[html.index(f'id="day-{visit.start_date + datetime.timedelta(days=3)}"') :]
    day = day[: day.index("</section>")]
    parallel = day[day.index('<div class="parallel"') : day.index("Together")]
    assert "At the same time, by group" in parallel
    assert "Court (en)" in parallel and "Bar (en)" in parallel


def test_queries_stay_few_and_equal_whatever_the_programme(
    client, db, django_assert_max_num_queries
):
    delegation = build_delegation(slug="queries")
    participant = ParticipantFactory(
        bare=True, visit=delegation.visit, name_latin="Ivan", groups=[delegation.libraries]
    )
    organisation = Organisation.objects.create(name_en="Host")
    for day in range(5):
        for hour in (9, 11, 14, 16):
            session = build_session(delegation.visit, day=day, hour=hour, venue=delegation.venue)
            session.hosts.set([organisation])

    with django_assert_max_num_queries(10):
        page(client, f"/p/{participant.access_token}/")
    with django_assert_max_num_queries(10):
        page(client, f"/v/{delegation.visit.slug}/")
