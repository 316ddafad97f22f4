"""The personal .ics feed: parses, round-trips, and updates rather than duplicates."""

import datetime
import gzip
import zoneinfo

import icalendar
from django.utils import timezone

from tests.factories import ParticipantFactory, SessionFactory
from tests.scenarios import published_visit, visit_time
from visits.itinerary.calendar import session_sequence
from visits.models import Session

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def feed_of(client, participant, query: str = "") -> icalendar.Calendar:
    response = client.get(f"/p/{participant.access_token}/calendar.ics{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_by_summary(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_round_trips_the_participants_sessions(client, delegation):
    calendar = feed_of(client, delegation.anna)

    events = events_by_summary(calendar)
    assert sorted(events) == ["Приветствие", "Экскурсия по библиотеке"]
    welcome = events["Приветствие"]
    assert welcome.decoded("DTSTART") == delegation.plenary.starts_at
    assert welcome.decoded("DTEND") == delegation.plenary.ends_at
    assert welcome.decoded("DTSTART").tzinfo.key == "Europe/Paris"
    assert welcome["DTSTART"].params["TZID"] == "Europe/Paris"
    assert welcome.decoded("DTSTART").replace(tzinfo=None) == datetime.datetime(2026, 3, 16, 9)
    library = events["Экскурсия по библиотеке"]
    assert library.decoded("DTSTART") == delegation.library_visit.starts_at
    assert library.decoded("DTEND") == delegation.library_visit.ends_at
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert calendar["X-WR-TIMEZONE"] == "Europe/Paris"


def test_events_carry_location_and_a_description_in_the_participants_language(client, delegation):
    russian = events_by_summary(feed_of(client, delegation.anna))["Приветствие"]
    english = events_by_summary(feed_of(client, delegation.olga))["Welcome"]

    assert str(russian["LOCATION"]) == "Центр Помпиду, Place Georges-Pompidou, 75004 Paris, France"
    assert (
        str(english["LOCATION"]) == "Centre Pompidou, Place Georges-Pompidou, 75004 Paris, France"
    )
    assert russian["GEO"].latitude == 48.860611
    assert russian["GEO"].longitude == 2.352228
    assert "Публичная информационная библиотека" in str(russian["DESCRIPTION"])
    assert "Клэр Мартен (директор)" in str(russian["DESCRIPTION"])
    assert "Claire Martin (director)" in str(english["DESCRIPTION"])
    assert "Public Information Library" in str(english["DESCRIPTION"])
    for event in (russian, english):
        for secret in ("claire.martin@bpi.example.fr", "+33 1 44 78 12 33", "Budget"):
            assert secret not in str(event.to_ical().decode())


def test_the_kind_and_interpretation_are_named_in_the_participants_language(client, delegation):
    plenary = delegation.plenary
    plenary.kind = Session.Kind.SITE_VISIT
    plenary.interpretation = Session.Interpretation.CONSECUTIVE
    plenary.save()

    russian = events_by_summary(feed_of(client, delegation.anna))["Приветствие"]
    english = events_by_summary(feed_of(client, delegation.olga))["Welcome"]

    assert russian["CATEGORIES"].cats == ["Посещение"]
    assert english["CATEGORIES"].cats == ["Site visit"]
    assert "Последовательный перевод" in str(russian["DESCRIPTION"])
    assert "Consecutive interpretation" in str(english["DESCRIPTION"])


def test_a_chosen_language_changes_the_feed(client, delegation):
    events = events_by_summary(feed_of(client, delegation.anna, "?lang=fr"))

    assert sorted(events) == ["Accueil", "Visite de la bibliothèque"]


def test_uids_are_stable_and_personal(client, delegation):
    first = feed_of(client, delegation.anna)
    again = feed_of(client, delegation.anna, "?lang=en")
    olga = feed_of(client, delegation.olga)

    uids = sorted(str(event["UID"]) for event in first.walk("VEVENT"))
    assert uids == sorted(str(event["UID"]) for event in again.walk("VEVENT"))
    assert uids == sorted(
        [
            f"session-{delegation.plenary.pk}-participant-{delegation.anna.pk}@127.0.0.1",
            f"session-{delegation.library_visit.pk}-participant-{delegation.anna.pk}@127.0.0.1",
        ]
    )
    assert [str(event["UID"]) for event in olga.walk("VEVENT")] == [
        f"session-{delegation.plenary.pk}-participant-{delegation.olga.pk}@127.0.0.1"
    ]


def test_sequence_and_last_modified_advance_when_a_session_changes(client, delegation, monkeypatch):
    before = events_by_summary(feed_of(client, delegation.anna))["Приветствие"]
    later = delegation.plenary.updated_at + datetime.timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    session = delegation.plenary
    session.starts_at += datetime.timedelta(hours=1)
    session.ends_at += datetime.timedelta(hours=1)
    session.save()
    monkeypatch.undo()

    after = events_by_summary(feed_of(client, delegation.anna))["Приветствие"]

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("LAST-MODIFIED") == later.replace(microsecond=0)
    assert after.decoded("DTSTART") == datetime.datetime(2026, 3, 16, 10, tzinfo=PARIS)


def test_a_change_of_venue_address_also_advances_the_sequence(delegation, monkeypatch):
    session = delegation.plenary
    before = session_sequence(session=session)
    monkeypatch.setattr(timezone, "now", lambda: session.updated_at + datetime.timedelta(hours=1))
    delegation.venue.address = "19 rue Beaubourg"
    delegation.venue.save()
    session.refresh_from_db()

    assert session_sequence(session=session) == before + 1


def test_the_feed_is_in_the_visits_zone_whatever_the_server_zone(client, db, settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    visit = published_visit(slug="tokyo", start=datetime.date(2026, 6, 1), time_zone="Asia/Tokyo")
    session = SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 0, 10),
        ends_at=visit_time(visit, 0, 11, 30),
        title_fr="Ward office (fr)",
        title_ru="Ward office (ru)",
        title_en="Ward office (en)",
    )
    SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 1, 9),
        ends_at=visit_time(visit, 1, 10, 30),
        title_fr="Museum (fr)",
        title_ru="Museum (ru)",
        title_en="Museum (en)",
    )
    traveller = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Ivan Petrov",
        name_native="Ivan Petrov",
        preferred_language="en",
    )

    calendar = feed_of(client, traveller)

    events = events_by_summary(calendar)
    assert sorted(events) == ["Museum (en)", "Ward office (en)"]
    office = events["Ward office (en)"]
    assert office["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert office.decoded("DTSTART") == session.starts_at
    assert office.decoded("DTSTART").replace(tzinfo=None) == datetime.datetime(2026, 6, 1, 10)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    assert "DTSTART;TZID=Asia/Tokyo:20260601T100000" in calendar.to_ical().decode()


def test_the_feeds_go_compressed_to_a_calendar_app_that_takes_them(client, delegation):
    # Phones fetch a subscribed calendar themselves, abroad too.
    for path in (
        f"/p/{delegation.olga.access_token}/calendar.ics",
        f"/v/{delegation.visit.slug}/programme.ics",
    ):
        plain = client.get(path)
        compressed = client.get(path, HTTP_ACCEPT_ENCODING="gzip")

        assert not plain.has_header("Content-Encoding")
        assert compressed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in compressed["Vary"]
        assert gzip.decompress(compressed.content) == plain.content
        assert icalendar.Calendar.from_ical(plain.content).walk("VEVENT")
        # gzip refused by its weight is refused: sent plain, as to one that never asked.
        refused = client.get(path, HTTP_ACCEPT_ENCODING="gzip;q=0, deflate")
        assert not refused.has_header("Content-Encoding")
        assert "Accept-Encoding" in refused["Vary"]
        assert refused.content == plain.content
