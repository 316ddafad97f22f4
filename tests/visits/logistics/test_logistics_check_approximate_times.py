"""The logistics check does not read approximate times as exact ones: what their stored
placeholder span would decide becomes a warning asking the organiser to check."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from participants.models import Journey
from tests.factories import JourneyFactory, ParticipantFactory, StaffMemberFactory
from tests.scenarios import may_2019, paris_rouen_programme, plain_session
from visits.logistics_check import logistics_findings
from visits.models import Session, approximate_span
from visits.programme_check import ERROR, WARNING, Finding

pytestmark = pytest.mark.django_db

T = Session.TimePrecision
MOSCOW = ZoneInfo("Europe/Moscow")


def approximate(visit, title, day, precision, **fields):
    starts_at, ends_at = approximate_span(
        date=dt.date(2019, 5, day), time_precision=precision, zone=ZoneInfo("Europe/Paris")
    )
    return plain_session(
        visit,
        title,
        starts_at,
        ends_at,
        time_precision=precision,
        meeting_point_fr="Gare",
        meeting_point_ru="Вокзал",
        **fields,
    )


def findings(visit) -> list[tuple[str, str, str]]:
    return [
        (f.severity, f.code, f.message)
        for f in logistics_findings(visit=visit, finding=Finding, error=ERROR, warning=WARNING)
    ]


def travelling(visit, *, lands_at, leaves_at=None):
    """Anna, who lands at ``lands_at`` and leaves after the last session."""
    person = ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna Ivanova", name_native="Anna Ivanova"
    )
    JourneyFactory(
        participant=person, departs_at=lands_at - dt.timedelta(hours=4), arrives_at=lands_at
    )
    JourneyFactory(
        participant=person,
        direction=Journey.Direction.DEPARTURE,
        number="AF 1644",
        from_place="Paris Charles-de-Gaulle",
        from_zone="Europe/Paris",
        departs_at=leaves_at or may_2019(14, 19, 30),
        to_place="Moscou Cheremetievo",
        to_zone="Europe/Moscow",
        arrives_at=dt.datetime(2019, 5, 15, 0, 5, tzinfo=MOSCOW),
    )
    return person


# -- staff ------------------------------------------------------------------------------


@pytest.mark.parametrize("precision", [T.TO_BE_CONFIRMED, T.ALL_DAY])
def test_a_staff_member_on_a_session_of_no_fixed_time_is_asked_about_not_double_booked(
    precision,
):
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    port = approximate(visit, "Visite du port", 13, precision, kind=Session.Kind.EXCURSION)
    StaffMemberFactory(visit=visit, role="guide", name="Paul Guide", sessions=[mairie, port])

    words = {T.TO_BE_CONFIRMED: "time to be confirmed", T.ALL_DAY: "all day"}[precision]
    assert findings(visit) == [
        (
            WARNING,
            "staff_may_be_double_booked",
            f"Paul Guide (Guide) works at «Visite du port» (2019-05-13, {words}) and at "
            "«Rencontre à la Mairie de Paris» (2019-05-13 10:00), which may overlap as one of "
            "them has no exact time yet: check that they can attend both.",
        )
    ]


def test_a_morning_and_an_afternoon_assignment_do_not_meet_as_in_the_programme_check():
    visit = paris_rouen_programme()
    morning = approximate(visit, "Atelier", 14, T.MORNING)
    afternoon = approximate(visit, "Visite", 14, T.AFTERNOON)
    StaffMemberFactory(visit=visit, role="guide", name="Paul", sessions=[morning, afternoon])

    assert findings(visit) == []


def test_a_double_booking_at_exact_times_is_still_an_error():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    museum = plain_session(
        visit, "Musée Carnavalet", may_2019(13, 11), may_2019(13, 12), meeting_point_fr="Musée"
    )
    port = approximate(visit, "Visite du port", 14, T.TO_BE_CONFIRMED)
    StaffMemberFactory(
        visit=visit, role="guide", name="Paul Guide", sessions=[mairie, museum, port]
    )

    assert findings(visit) == [
        (
            ERROR,
            "staff_double_booked",
            "Paul Guide (Guide) works at «Rencontre à la Mairie de Paris» (2019-05-13 10:00) "
            "and at «Musée Carnavalet» (2019-05-13 11:00) at the same time.",
        )
    ]


def test_an_interpreter_on_a_session_of_no_fixed_time_is_not_counted_24_hours(settings):
    settings.LOGISTICS_INTERPRETER_MAX_HOURS = 6
    visit = paris_rouen_programme()
    port = approximate(visit, "Visite du port", 14, T.TO_BE_CONFIRMED)
    StaffMemberFactory(visit=visit, name="Irina Koval", sessions=[port])

    assert findings(visit) == [
        (
            WARNING,
            "interpreter_hours_unknown",
            "Irina Koval (Interpreter) may interpret more than the 6 h a day an interpreter can "
            "work on 2019-05-14, as not every session of that day has an exact time yet "
            "(«Visite du port» (2019-05-14, time to be confirmed)): check how long the day "
            "will be.",
        )
    ]


def test_an_interpreter_whose_parts_of_the_day_surely_fit_is_not_asked(settings):
    settings.LOGISTICS_INTERPRETER_MAX_HOURS = 6
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    afternoon = approximate(visit, "Séminaire", 13, T.AFTERNOON)
    StaffMemberFactory(visit=visit, name="Irina Koval", sessions=[mairie, afternoon])

    # 2 h exact and an afternoon of at most 4 h.
    assert findings(visit) == []


def test_an_interpreter_over_the_hours_in_exact_sessions_alone_is_told_those_hours(settings):
    settings.LOGISTICS_INTERPRETER_MAX_HOURS = 3
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    seminar = plain_session(
        visit, "Séminaire", may_2019(13, 14), may_2019(13, 16), meeting_point_fr="Salle"
    )
    evening = approximate(visit, "Dîner", 13, T.EVENING, kind=Session.Kind.MEAL)
    StaffMemberFactory(visit=visit, name="Irina Koval", sessions=[mairie, seminar, evening])

    assert [message for _s, code, message in findings(visit)] == [
        "Irina Koval (Interpreter) interprets 4 h on 2019-05-13, more than the 3 h a day an "
        "interpreter can work."
    ]


# -- journeys ---------------------------------------------------------------------------


def test_landing_on_the_day_of_a_session_to_be_confirmed_is_a_question_not_an_error():
    visit = paris_rouen_programme()
    approximate(visit, "Visite du port", 13, T.TO_BE_CONFIRMED)
    travelling(visit, lands_at=may_2019(13, 9))

    assert findings(visit) == [
        (
            WARNING,
            "arrival_on_day_of_approximate_session",
            "Anna Ivanova arrives at 2019-05-13 09:00 (Air France AF 1845 Moscou Cheremetievo → "
            "Paris Charles-de-Gaulle) on the day of «Visite du port» (2019-05-13, time to be "
            "confirmed), which has no exact time yet: check that they can attend.",
        )
    ]


def test_landing_before_a_morning_begins_is_fine_as_in_the_programme_check():
    visit = paris_rouen_programme()
    approximate(visit, "Atelier", 13, T.MORNING)
    travelling(visit, lands_at=may_2019(13, 8))

    assert findings(visit) == []


def test_landing_the_day_after_a_session_to_be_confirmed_is_still_an_error():
    visit = paris_rouen_programme()
    approximate(visit, "Visite du port", 13, T.TO_BE_CONFIRMED)
    travelling(visit, lands_at=may_2019(14, 7))

    assert [(severity, code) for severity, code, _m in findings(visit)] == [
        (ERROR, "arrival_after_first_session")
    ]
    assert (
        "after their first session «Visite du port» (2019-05-13, time to be confirmed)"
        in (findings(visit)[0][2])
    )


def test_landing_after_an_exact_session_began_is_an_error_despite_an_earlier_unconfirmed_one():
    visit = paris_rouen_programme()
    approximate(visit, "Visite du port", 13, T.TO_BE_CONFIRMED)
    travelling(visit, lands_at=may_2019(13, 10, 30))

    assert [(severity, code) for severity, code, _m in findings(visit)] == [
        (ERROR, "arrival_after_first_session")
    ]
    assert "«Rencontre à la Mairie de Paris» (2019-05-13 10:00)" in findings(visit)[0][2]


def test_leaving_on_the_day_of_a_session_to_be_confirmed_is_a_question_not_an_error():
    visit = paris_rouen_programme()
    approximate(visit, "Visite du port", 14, T.TO_BE_CONFIRMED)
    travelling(visit, lands_at=may_2019(12, 17, 55))

    assert findings(visit) == [
        (
            WARNING,
            "departure_on_day_of_approximate_session",
            "Anna Ivanova leaves at 2019-05-14 19:30 (Air France AF 1644 Paris Charles-de-Gaulle "
            "→ Moscou Cheremetievo) on the day of «Visite du port» (2019-05-14, time to be "
            "confirmed), which has no exact time yet: check that they can stay until it ends.",
        )
    ]


def test_a_transfer_to_be_confirmed_on_the_landing_day_is_a_question_not_an_error(settings):
    settings.LOGISTICS_TRANSFER_BUFFER_MINUTES = 45
    visit = paris_rouen_programme()
    pickup = approximate(
        visit, "Accueil à l'aéroport", 12, T.TO_BE_CONFIRMED, kind=Session.Kind.TRANSFER
    )
    person = travelling(visit, lands_at=may_2019(12, 17, 55))
    Journey.objects.filter(participant=person, direction="arrival").update(transfer=pickup)

    assert findings(visit) == [
        (
            WARNING,
            "transfer_of_approximate_time",
            "The transfer «Accueil à l'aéroport» (2019-05-12, time to be confirmed) has no exact "
            "time yet and Air France AF 1845 Moscou Cheremetievo → Paris Charles-de-Gaulle lands "
            "at 2019-05-12 17:55: check that it leaves at least 45 min later.",
        )
    ]


def test_the_question_is_asked_in_the_organisers_language():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    port = approximate(visit, "Visite du port", 13, T.TO_BE_CONFIRMED)
    StaffMemberFactory(visit=visit, role="guide", name="Paul", sessions=[mairie, port])

    with translation.override("fr"):
        (_severity, _code, french), *_rest = findings(visit)
    with translation.override("ru"):
        (_severity, _code, russian), *_rest = findings(visit)

    assert "«\u202fVisite du port\u202f» (2019-05-13, " in french
    assert "«Visite du port (ru)» (2019-05-13, " in russian
    assert french.endswith(
        "qui risquent de se chevaucher car l’une des deux n’a pas encore d’heure précise\u202f: "
        "vérifiez que Paul (Guide) peut assurer les deux."
    )
    assert russian.endswith(
        "у одного из них ещё нет точного времени: проверьте, успеет ли Paul (Гид) на оба."
    )
