"""The Paris and Rouen demo carries illustrative journeys, hotels, rooms and staff."""

import pytest

from organisations.models import Venue
from participants.models import Journey, StaffMember, Stay
from visits.demo.loader import demo_load
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_the_demo_delegation_flies_in_on_two_flights_and_takes_the_train_to_rouen_and_back():
    demo_load()
    visit = Visit.objects.get(slug="paris-rouen-2019")
    journeys = Journey.objects.filter(participant__visit=visit)

    arrivals = journeys.filter(direction="arrival")
    assert set(arrivals.values_list("number", flat=True)) == {"SU 2458", "AF 1545"}
    assert {j.transfer.title_en for j in arrivals} == {
        "Welcome at the airport and transfer to the hotel"
    }
    assert set(journeys.filter(direction="onward").values_list("from_place", "to_place")) == {
        ("Paris Saint-Lazare", "Rouen Rive Droite"),
        ("Rouen Rive Droite", "Paris Saint-Lazare"),
    }
    assert set(journeys.values_list("booking_reference", flat=True)) == {"EXEMPLE"}
    # Everyone but the organiser, who lives in Paris, travels.
    assert arrivals.count() == visit.participants.exclude(role="organiser").count() == 16


def test_the_demo_has_a_hotel_in_each_city_with_rooms_shared_in_pairs():
    demo_load()
    visit = Visit.objects.get(slug="paris-rouen-2019")
    hotels = Venue.objects.filter(kind=Venue.Kind.HOTEL)

    assert sorted(hotels.values_list("city_fr", flat=True)) == ["Paris", "Rouen"]
    assert all("(exemple)" in hotel.name_fr for hotel in hotels)
    rooms = {}
    for stay in Stay.objects.filter(participant__visit=visit):
        rooms.setdefault(stay.room, []).append(stay.participant_id)
    assert sorted(len(guests) for guests in rooms.values()) == [2] * 8


def test_the_demo_has_one_interpreter_and_one_guide_marked_as_illustrative():
    demo_load()
    staff = StaffMember.objects.filter(visit__slug="paris-rouen-2019").order_by("role")

    assert [(m.name, m.role) for m in staff] == [
        ("Julien Moreau", "guide"),
        ("Irina Kovaleva", "interpreter"),
    ]
    assert all(m.notes.startswith("Illustrative") for m in staff)
    assert staff[1].participant.email == "irina.kovaleva@example.org"
    assert staff[0].sessions.count() == 5  # the day in Rouen, trains included


def test_loading_the_demo_twice_keeps_its_logistics_rows():
    demo_load()
    counts = (Journey.objects.count(), Stay.objects.count(), StaffMember.objects.count())
    demo_load()

    assert (Journey.objects.count(), Stay.objects.count(), StaffMember.objects.count()) == counts
