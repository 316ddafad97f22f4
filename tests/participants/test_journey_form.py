"""Journeys are typed as the ticket prints them, in the local time of each place."""

import datetime as dt

import pytest
from django.utils import timezone

from participants.travel_admin import JourneyForm
from tests.factories import JourneyFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def data(**changes):
    return {
        "direction": "arrival",
        "mode": "flight",
        "carrier": "Air France",
        "number": "AF 1845",
        "from_place": "Moscou",
        "from_zone": "Europe/Moscow",
        "departs_local": "2019-05-12 07:00",
        "to_place": "Paris",
        "to_zone": "Europe/Paris",
        "arrives_local": "2019-05-12 09:50",
        "booking_reference": "X1",
        **changes,
    }


def test_times_are_read_in_the_zone_of_each_place_whatever_the_admins_zone():
    participant = ParticipantFactory()
    with timezone.override("America/New_York"):
        form = JourneyForm(data=data(), instance=JourneyFactory.build(participant=participant))
        assert form.is_valid(), form.errors
        journey = form.save()

    assert journey.departs_at == dt.datetime(2019, 5, 12, 4, 0, tzinfo=UTC)
    assert journey.arrives_at == dt.datetime(2019, 5, 12, 7, 50, tzinfo=UTC)


def test_the_form_shows_the_stored_times_in_each_places_zone():
    journey = JourneyFactory()
    form = JourneyForm(instance=journey)

    assert form["departs_local"].value() == dt.datetime(2019, 5, 12, 7, 0)
    assert form["arrives_local"].value() == dt.datetime(2019, 5, 12, 9, 50)


def test_arriving_before_departing_is_answered_in_words():
    form = JourneyForm(
        data=data(arrives_local="2019-05-12 05:30"),
        instance=JourneyFactory.build(participant=ParticipantFactory()),
    )

    assert not form.is_valid()
    assert form.errors["arrives_local"] == ["A journey must arrive after it departs."]


def test_an_unknown_zone_is_answered_in_words():
    form = JourneyForm(
        data=data(from_zone="Europe/Moskva"),
        instance=JourneyFactory.build(participant=ParticipantFactory()),
    )

    assert not form.is_valid()
    assert form.errors["from_zone"] == [
        "Europe/Moskva is not a time zone name such as Europe/Moscow."
    ]
