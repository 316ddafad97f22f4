"""A translation saved on the Translations page reaches subscribed calendars.

Calendar applications replace a subscribed event only when its SEQUENCE grows, and
SEQUENCE counts the session's recorded changes (visits/changes/selectors.session_revisions,
used by visits/itinerary/calendar.py): a save that records no change, or leaves
``updated_at`` alone, leaves every phone with the old title.
"""

import datetime as dt

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganiserFactory, ParticipantFactory
from tests.scenarios import paris_rouen_programme
from visits.models import Session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]


def welcome_event(client, participant) -> icalendar.Event:
    response = client.get(f"/p/{participant.access_token}/calendar.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = [
        event
        for event in calendar.walk("VEVENT")
        if str(event["SUMMARY"]).startswith(("Rencontre à la Mairie de Paris", "Встреча"))
    ]
    return event


def test_a_saved_translation_advances_updated_at_and_the_calendar_sequence(client, monkeypatch):
    visit = paris_rouen_programme()
    anna = ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna Ivanova", preferred_language="ru"
    )
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    before = welcome_event(client, anna)
    assert str(before["SUMMARY"]) == "Rencontre à la Mairie de Paris (ru)"
    client.force_login(OrganiserFactory(organisation=visit.organiser))
    later = meeting.updated_at + dt.timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.post(
        reverse("admin:visits_visit_translations", args=[visit.pk]) + "?language=ru",
        {f"text-visits.session.{meeting.pk}.title.ru": "Встреча в мэрии Парижа"},
    )
    monkeypatch.undo()

    meeting.refresh_from_db()
    after = welcome_event(client, anna)
    assert response.status_code == 302
    assert meeting.title_ru == "Встреча в мэрии Парижа"
    assert meeting.updated_at == later
    assert str(after["SUMMARY"]) == "Встреча в мэрии Парижа"
    assert after["UID"] == before["UID"]
    # The save is recorded in the session's history, so the calendar's SEQUENCE grows.
    assert meeting.history.latest().history_date == later
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED") == later.replace(microsecond=0)
    assert before.decoded("LAST-MODIFIED") < after.decoded("LAST-MODIFIED")
