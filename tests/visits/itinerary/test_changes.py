"""The itinerary marks what changed since the participant last read it; calendars follow
every recorded change."""

import icalendar
import pytest

from tests.factories import OrganisationFactory
from tests.scenarios import may_2019 as at
from tests.scenarios import readers_in_paris as build_delegation
from visits.changes.services import programme_version_publish

pytestmark = pytest.mark.django_db


def page_of(client, participant) -> str:
    response = client.get(f"/p/{participant.access_token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_itinerary_lists_and_marks_what_changed_since_it_was_last_read(client):
    data = build_delegation()
    programme_version_publish(visit=data.visit)
    first = page_of(client, data.claire)
    assert "What changed" not in first and "Ce qui a changé" not in first

    data.library_visit.starts_at, data.library_visit.ends_at = at(14, 14, 30), at(14, 16)
    data.library_visit.save()
    programme_version_publish(visit=data.visit)
    page = page_of(client, data.claire)

    assert "Ce qui a changé" in page
    assert "Mardi 14 mai\u202f: «\u202fVisite de la BnF\u202f» passe de 10:00 à 14:30." in page
    marked = page.split(f'id="session-{data.library_visit.pk}"')[1].split("</header>")[0]
    assert "Modifié" in marked
    welcome = page.split(f'id="session-{data.welcome.pk}"')[1].split("</header>")[0]
    assert "Modifié" not in welcome
    # Read again, the marks stay until a newer version is read.
    assert "Ce qui a changé" in page_of(client, data.claire)
    # John's programme did not change: nothing is marked for him.
    assert "What changed" not in page_of(client, data.john)


def _event(client, participant, title):
    body = client.get(f"/p/{participant.access_token}/calendar.ics").content
    for event in icalendar.Calendar.from_ical(body).walk("VEVENT"):
        if str(event["SUMMARY"]) == title:
            return event
    raise AssertionError(title)


def test_two_edits_in_one_second_and_a_change_of_hosts_alone_reach_calendars(client):
    data = build_delegation()
    john = data.john
    before = _event(client, john, "Welcome")["SEQUENCE"]

    welcome = data.welcome
    welcome.title_en = "Welcome"  # saved twice in the same instant, nothing else differs
    welcome.save()
    welcome.save()
    after_saves = _event(client, john, "Welcome")["SEQUENCE"]
    welcome.hosts.add(OrganisationFactory())
    after_hosts = _event(client, john, "Welcome")

    assert after_saves == before + 2
    assert after_hosts["SEQUENCE"] == after_saves + 1
    assert after_hosts.decoded("LAST-MODIFIED") >= _event(client, john, "Welcome").decoded(
        "DTSTAMP"
    )


def test_the_news_of_two_versions_is_each_readers_own_in_their_language(client):
    data = build_delegation()
    programme_version_publish(visit=data.visit)
    page_of(client, data.claire)
    page_of(client, data.john)  # both have read the first version

    data.library_visit.starts_at, data.library_visit.ends_at = at(14, 14, 30), at(14, 16)
    data.library_visit.save()
    programme_version_publish(visit=data.visit)

    assert "Visite de la BnF" in page_of(client, data.claire)
    # The same two versions, read by someone whose programme did not change, and in English.
    assert "What changed" not in page_of(client, data.john)
    english = client.get(f"/p/{data.claire.access_token}/?lang=en").content.decode()
    assert "What changed" in english and "moves from 10:00 to 14:30" in english
    assert "passe de" not in english
