"""A delegation with journeys, a transfer and shared rooms, for the logistics tests."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from participants.models import Journey
from tests.factories import (
    HotelFactory,
    JourneyFactory,
    ParticipantFactory,
    SessionFactory,
    StayFactory,
    VisitFactory,
)
from visits.models import Session, Visit

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def delegation():
    visit = VisitFactory(status=Visit.Status.PUBLISHED)
    pickup = SessionFactory(
        visit=visit,
        kind=Session.Kind.TRANSFER,
        starts_at=dt.datetime(2019, 5, 12, 11, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2019, 5, 12, 12, 30, tzinfo=PARIS),
        title_fr="Accueil à l'aéroport",
        title_ru="Встреча в аэропорту",
        title_en="Welcome at the airport",
        meeting_point_fr="Terminal 2E, porte 6",
        meeting_point_ru="Терминал 2E, выход 6",
        meeting_point_en="Terminal 2E, gate 6",
        venue=None,
        interpretation="",
    )
    SessionFactory(visit=visit)
    hotel = HotelFactory(name_fr="Hôtel du Marais", address="12 rue de Turenne")
    anna = ParticipantFactory(visit=visit, name_latin="Anna Ivanova", preferred_language="fr")
    boris = ParticipantFactory(visit=visit, name_latin="Boris Petrov", preferred_language="fr")
    vera = ParticipantFactory(visit=visit, name_latin="Vera Orlova", preferred_language="fr")
    JourneyFactory(participant=anna, number="AF 1845", booking_reference="ANNA7Q", transfer=pickup)
    JourneyFactory(
        participant=anna,
        direction=Journey.Direction.DEPARTURE,
        number="AF 1644",
        from_place="Paris Charles-de-Gaulle",
        from_zone="Europe/Paris",
        departs_at=dt.datetime(2019, 5, 18, 19, 30, tzinfo=PARIS),
        to_place="Moscou Cheremetievo",
        to_zone="Europe/Moscow",
        arrives_at=dt.datetime(2019, 5, 19, 0, 5, tzinfo=ZoneInfo("Europe/Moscow")),
        booking_reference="ANNA7Q",
    )
    JourneyFactory(
        participant=vera,
        carrier="Aeroflot",
        number="SU 2454",
        booking_reference="VERA9Z",
    )
    StayFactory(participant=anna, hotel=hotel, room="204")
    StayFactory(participant=boris, hotel=hotel, room="204")
    StayFactory(participant=vera, hotel=hotel, room="311")
    return {"visit": visit, "anna": anna, "boris": boris, "vera": vera}
