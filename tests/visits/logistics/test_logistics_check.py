"""check_programme's logistics findings: journeys against the programme, nights, rooms
and staff. Each test spoils one thing of a visit where everything fits."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from participants.models import Journey
from tests.factories import (
    HotelFactory,
    JourneyFactory,
    ParticipantFactory,
    StaffMemberFactory,
    StayFactory,
)
from tests.scenarios import may_2019, paris_rouen_programme, plain_session
from visits.models import Session
from visits.programme_check import ERROR, WARNING, programme_check

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


def found(visit) -> list[tuple[str, str]]:
    return [(finding.severity, finding.code) for finding in programme_check(visit=visit)]


def only(visit):
    findings = programme_check(visit=visit)
    assert len(findings) == 1, [finding.message for finding in findings]
    return findings[0]


def travelling(visit, name="Anna Ivanova", **arrival):
    """A participant who lands the evening before, sleeps two nights and leaves after the
    last session: nothing to find."""
    person = ParticipantFactory(bare=True, visit=visit, name_latin=name, name_native=name)
    JourneyFactory(
        participant=person,
        **{
            "departs_at": dt.datetime(2019, 5, 12, 15, 0, tzinfo=MOSCOW),
            "arrives_at": may_2019(12, 17, 55),
            **arrival,
        },
    )
    JourneyFactory(
        participant=person,
        direction=Journey.Direction.DEPARTURE,
        number="AF 1644",
        from_place="Paris Charles-de-Gaulle",
        from_zone="Europe/Paris",
        departs_at=may_2019(14, 19, 30),
        to_place="Moscou Cheremetievo",
        to_zone="Europe/Moscow",
        arrives_at=dt.datetime(2019, 5, 15, 0, 5, tzinfo=MOSCOW),
    )
    return person


def test_a_visit_whose_logistics_fit_has_no_finding():
    visit = paris_rouen_programme()
    person = travelling(visit)
    StayFactory(participant=person, check_in=dt.date(2019, 5, 12), check_out=dt.date(2019, 5, 14))

    assert programme_check(visit=visit) == []


def test_a_visit_without_any_journey_is_not_asked_for_journeys():
    visit = paris_rouen_programme()
    ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna Ivanova", name_native="Anna Ivanova"
    )

    assert programme_check(visit=visit) == []


def test_a_participant_without_a_journey_is_a_warning_once_journeys_are_kept():
    visit = paris_rouen_programme()
    travelling(visit)
    ParticipantFactory(
        bare=True, visit=visit, name_latin="Boris Petrov", name_native="Boris Petrov"
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "participant_without_journey")
    assert finding.message == "Boris Petrov has no arrival journey."


def test_an_organiser_living_where_the_visit_happens_needs_no_journey():
    visit = paris_rouen_programme()
    travelling(visit)
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Claire Dubois",
        name_native="Claire Dubois",
        role="organiser",
    )

    assert programme_check(visit=visit) == []


def test_arriving_after_the_first_session_starts_is_an_error():
    visit = paris_rouen_programme()
    travelling(visit, arrives_at=may_2019(13, 10, 30))

    finding = only(visit)

    assert (finding.severity, finding.code) == (ERROR, "arrival_after_first_session")
    assert finding.message == (
        "Anna Ivanova arrives at 2019-05-13 10:30 (Air France AF 1845 Moscou Cheremetievo → "
        "Paris Charles-de-Gaulle), after their first session «Rencontre à la Mairie de Paris» "
        "(2019-05-13 10:00) starts."
    )


def test_leaving_before_the_last_session_ends_is_an_error():
    visit = paris_rouen_programme()
    person = travelling(visit)
    Journey.objects.filter(participant=person, direction="departure").update(
        departs_at=may_2019(14, 11, 0)
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (ERROR, "departure_before_last_session")
    assert "leaves at 2019-05-14 11:00" in finding.message
    assert "«Rencontre à la Mairie de Rouen» (2019-05-14 10:00)" in finding.message


def test_a_transfer_leaving_before_the_arrival_it_meets_lands_with_the_buffer(settings):
    settings.LOGISTICS_TRANSFER_BUFFER_MINUTES = 45
    visit = paris_rouen_programme()
    pickup = plain_session(
        visit,
        "Accueil à l'aéroport",
        may_2019(12, 18, 20),
        may_2019(12, 19, 30),
        kind=Session.Kind.TRANSFER,
    )
    person = travelling(visit)
    Journey.objects.filter(participant=person, direction="arrival").update(transfer=pickup)
    # Landing 17:55 + 45 min = 18:40, after the 18:20 pickup.

    codes = found(visit)

    assert (ERROR, "transfer_before_arrival") in codes
    finding = next(f for f in programme_check(visit=visit) if f.code == "transfer_before_arrival")
    assert finding.message == (
        "The transfer «Accueil à l'aéroport» (2019-05-12 18:20) leaves before Air France AF 1845 "
        "Moscou Cheremetievo → Paris Charles-de-Gaulle has landed at 2019-05-12 17:55 and 45 "
        "min have passed."
    )

    settings.LOGISTICS_TRANSFER_BUFFER_MINUTES = 20
    assert (ERROR, "transfer_before_arrival") not in found(visit)


def test_a_night_without_a_bed_between_arrival_and_departure():
    visit = paris_rouen_programme()
    person = travelling(visit)
    StayFactory(participant=person, check_in=dt.date(2019, 5, 12), check_out=dt.date(2019, 5, 13))

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "night_without_bed")
    assert finding.message == "Anna Ivanova has no bed for the night of 2019-05-13."


def test_a_room_shared_by_more_people_than_it_sleeps():
    visit = paris_rouen_programme()
    hotel = HotelFactory(name_fr="Hôtel Ibis")
    nights = {"check_in": dt.date(2019, 5, 12), "check_out": dt.date(2019, 5, 14)}
    for name in ("Anna Ivanova", "Boris Petrov", "Vera Orlova"):
        StayFactory(participant=travelling(visit, name), hotel=hotel, room="12", **nights)

    finding = only(visit)

    assert (finding.severity, finding.code) == (ERROR, "room_over_capacity")
    assert finding.message == (
        "Room 12 of Hôtel Ibis, Paris sleeps 2 but 3 people are in it on the night of "
        "2019-05-12: Anna Ivanova, Boris Petrov, Vera Orlova."
    )


def test_two_in_a_double_room_is_fine():
    visit = paris_rouen_programme()
    hotel = HotelFactory()
    nights = {"check_in": dt.date(2019, 5, 12), "check_out": dt.date(2019, 5, 14)}
    for name in ("Anna Ivanova", "Boris Petrov"):
        StayFactory(participant=travelling(visit, name), hotel=hotel, room="12", **nights)

    assert programme_check(visit=visit) == []


def test_a_session_needing_interpretation_without_an_interpreter():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    mairie.interpretation = Session.Interpretation.CONSECUTIVE
    mairie.save()
    StaffMemberFactory(visit=visit, role="guide", name="Paul Guide", sessions=[mairie])

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "session_without_interpreter")
    assert finding.message == (
        "«Rencontre à la Mairie de Paris» (2019-05-13 10:00) needs interpretation but no "
        "interpreter is assigned."
    )

    StaffMemberFactory(visit=visit, name="Irina Koval", sessions=[mairie])
    assert programme_check(visit=visit) == []


def test_an_interpreter_in_two_places_at_once():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    museum = plain_session(
        visit,
        "Musée Carnavalet",
        may_2019(13, 11),
        may_2019(13, 12),
        meeting_point_fr="Musée",
        meeting_point_ru="Музей",
    )
    irina = StaffMemberFactory(visit=visit, name="Irina Koval", sessions=[mairie, museum])

    codes = found(visit)

    assert (ERROR, "staff_double_booked") in codes
    finding = next(f for f in programme_check(visit=visit) if f.code == "staff_double_booked")
    assert finding.message == (
        "Irina Koval (Interpreter) works at «Rencontre à la Mairie de Paris» (2019-05-13 10:00) "
        "and at «Musée Carnavalet» (2019-05-13 11:00) at the same time."
    )
    assert finding.url.endswith(f"/participants/staffmember/{irina.pk}/change/")


def test_an_interpreter_over_the_hours_of_a_day(settings):
    settings.LOGISTICS_INTERPRETER_MAX_HOURS = 3
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    seminar = plain_session(
        visit,
        "Séminaire",
        may_2019(13, 14),
        may_2019(13, 16),
        meeting_point_fr="Salle",
        meeting_point_ru="Зал",
    )
    StaffMemberFactory(visit=visit, name="Irina Koval", sessions=[mairie, seminar])

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "interpreter_overworked")
    assert finding.message == (
        "Irina Koval (Interpreter) interprets 4 h on 2019-05-13, more than the 3 h a day an "
        "interpreter can work."
    )

    settings.LOGISTICS_INTERPRETER_MAX_HOURS = 4
    assert programme_check(visit=visit) == []


def test_a_session_of_approximate_time_is_named_by_its_words_not_its_stored_hours():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    mairie.interpretation = Session.Interpretation.CONSECUTIVE
    mairie.time_precision = Session.TimePrecision.MORNING
    mairie.full_clean()  # stored as 09:00 to 12:30
    mairie.save()
    StaffMemberFactory(visit=visit, role="guide", name="Paul Guide", sessions=[mairie])

    messages = [
        finding.message
        for finding in programme_check(visit=visit)
        if finding.code == "session_without_interpreter"
    ]

    assert messages == [
        "«Rencontre à la Mairie de Paris» (2019-05-13, morning) needs interpretation but no "
        "interpreter is assigned."
    ]
