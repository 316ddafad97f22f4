"""A staff member's own page: their assignments only, through their secret link."""

import pytest

from tests.factories import (
    ParticipantFactory,
    SessionFactory,
    StaffMemberFactory,
    VisitFactory,
)
from visits.models import Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    visit = VisitFactory()
    meeting = SessionFactory(visit=visit, title_fr="Rencontre à la Mairie de Paris")
    museum = SessionFactory(visit=visit, title_fr="Visite du musée Carnavalet")
    irina = StaffMemberFactory(
        visit=visit, name="Irina Koval", preferred_language="fr", sessions=[meeting]
    )
    paul = StaffMemberFactory(visit=visit, role="guide", name="Paul Martin", sessions=[museum])
    return irina, paul


def test_a_staff_member_sees_their_own_assignments(client, staff):
    irina, _paul = staff
    response = client.get(f"/s/{irina.access_token}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Irina Koval" in html
    assert "Rencontre à la Mairie de Paris" in html
    assert "10:00–12:00" in html
    assert "Interprétation consécutive (russe–français)" in html
    assert "2 h de travail" in html
    assert "Visite du musée Carnavalet" not in html
    assert "Paul Martin" not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_page_follows_the_language_asked_for(client, staff):
    irina, _paul = staff
    html = client.get(f"/s/{irina.access_token}/?lang=ru").content.decode()

    assert "2 ч работы" in html
    assert "Последовательный перевод" in html


@pytest.mark.parametrize("token", ["x" * 43, "short", "../../etc"])
def test_a_wrong_link_is_a_plain_404(client, staff, token):
    assert client.get(f"/s/{token}/").status_code == 404


def test_a_participants_link_does_not_open_a_staff_page(client, staff):
    participant = ParticipantFactory(visit=staff[0].visit)
    assert client.get(f"/s/{participant.access_token}/").status_code == 404


def test_an_approximate_time_shows_its_words_and_no_count_of_hours(client, staff):
    irina, _paul = staff
    meeting = irina.sessions.get()
    meeting.time_precision = Session.TimePrecision.TO_BE_CONFIRMED
    meeting.full_clean()  # stored as the whole day, 00:00 to 00:00
    meeting.save()

    html = client.get(f"/s/{irina.access_token}/").content.decode()

    assert "Rencontre à la Mairie de Paris" in html
    assert '<p class="session-time is-approximate">Horaire à confirmer</p>' in html
    assert "00:00" not in html
    assert "h de travail" not in html  # not "24 h": the hours are not known yet
