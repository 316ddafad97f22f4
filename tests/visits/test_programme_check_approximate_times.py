"""The programme check does not read approximate times as exact ones."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from organisations.models import Organisation, Person
from tests.desk.builders import at, clean_visit, session, speaker, venue
from visits.models import Session, approximate_span
from visits.programme_check import WARNING, programme_check

pytestmark = pytest.mark.django_db

T = Session.TimePrecision


def span(day: int, precision: str):
    return approximate_span(
        date=dt.date(2019, 5, day), time_precision=precision, zone=ZoneInfo("Europe/Paris")
    )


def approximate(visit, title, day, precision, **fields):
    starts_at, ends_at = span(day, precision)
    return session(visit, title, starts_at, ends_at, time_precision=precision, **fields)


def findings(visit):
    return [(f.severity, f.code, f.message) for f in programme_check(visit=visit)]


def test_a_morning_meeting_an_exact_session_may_overlap_a_warning_only():
    visit = clean_visit()
    approximate(visit, "Atelier du matin", 13, T.MORNING, venue=venue("Musée", "Paris", "Париж"))

    assert findings(visit) == [
        (
            WARNING,
            "approximate_overlap",
            "«Atelier du matin» (2019-05-13, morning) and «Rencontre à la Mairie de Paris» "
            "(2019-05-13 10:00–12:00) may overlap for the same people; one of them has no exact "
            "time yet.",
        )
    ]


def test_an_all_day_session_meets_no_exact_session_and_asks_no_travel_time():
    visit = clean_visit()
    approximate(visit, "Journée à Rouen", 13, T.ALL_DAY, venue=venue("Tribunal", "Rouen", "Руан"))

    assert findings(visit) == []


def test_two_whole_days_on_one_date_for_the_same_people_are_a_warning():
    visit = clean_visit()
    approximate(visit, "Journée A", 14, T.ALL_DAY, kind=Session.Kind.FREE_TIME)
    approximate(visit, "Journée B", 14, T.ALL_DAY, kind=Session.Kind.FREE_TIME)

    assert [code for _severity, code, _message in findings(visit)] == ["approximate_overlap"]


def test_a_time_still_to_be_confirmed_is_a_warning():
    visit = clean_visit()
    approximate(
        visit,
        "Visite du port",
        14,
        T.TO_BE_CONFIRMED,
        kind=Session.Kind.EXCURSION,
        meeting_point_fr="Gare",
        meeting_point_ru="Вокзал",
    )

    assert findings(visit) == [
        (
            WARNING,
            "time_to_be_confirmed",
            "«Visite du port» (2019-05-14, time to be confirmed): its time is still to be "
            "confirmed.",
        )
    ]


def test_a_speaker_known_by_role_is_named_by_role_when_double_booked():
    visit = clean_visit()
    director = Person.objects.create(
        role_fr="Directrice du service juridique",
        organisation=Organisation.objects.create(name_fr="Partenaire"),
    )
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    mairie.speakers.add(director)
    session(
        visit,
        "Atelier",
        at(13, 11),
        at(13, 12),
        speakers=[director, speaker("X")],
        venue=mairie.venue,
    )

    messages = [
        message for _severity, code, message in findings(visit) if code.startswith("speaker")
    ]
    assert messages[0].startswith("Directrice du service juridique speaks at")
