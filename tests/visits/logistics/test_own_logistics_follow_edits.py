"""The journeys-and-nights panel is kept between page views (it was half of the page's
time); every edit of what it shows reaches the next page view all the same."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(delegation):
    """Anna shares room 204 with Boris and is met at the airport (conftest.py)."""
    return delegation["anna"]


def page(client, participant) -> str:
    response = client.get(f"/p/{participant.access_token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_changed_flight_room_mate_hotel_and_meeting_point_show_on_the_next_view(client, anna):
    before = page(client, anna)
    assert "AF 1845" in before
    assert "Boris Petrov" in before
    assert "12 rue de Turenne" in before
    assert "Terminal 2E, porte 6" in before

    journey = anna.journeys.get(number="AF 1845")
    journey.number = "AF 1847"
    journey.save()
    boris_stay = anna.visit.participants.get(name_latin="Boris Petrov").stays.get()
    boris_stay.room = "205"
    boris_stay.save()
    hotel = anna.stays.get().hotel
    hotel.address = "3 rue des Archives"
    hotel.save()
    pickup = journey.transfer
    pickup.meeting_point_fr = "Terminal 2F, porte 2"
    pickup.save()

    after = page(client, anna)
    assert "AF 1847" in after and "AF 1845" not in after
    assert "Boris Petrov" not in after
    assert "3 rue des Archives" in after and "12 rue de Turenne" not in after
    assert "Terminal 2F, porte 2" in after


def test_each_language_has_its_own_panel(client, anna):
    assert "Vos trajets et vos nuits" in page(client, anna)
    response = client.get(f"/p/{anna.access_token}/?lang=ru")
    assert "Ваши поездки и ночёвки" in response.content.decode()
