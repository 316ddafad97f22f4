"""The visit page costs the same whatever the size of its programme."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    DayFactory,
    GroupFactory,
    OrganisationFactory,
    PersonFactory,
    ResourceFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Session
from visits.services import organiser_group_ensure

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def visit_with_sessions(count: int, *, username: str):
    """A week with ``count`` sessions, each with a venue, a host, a speaker and a group."""
    organiser = OrganisationFactory()
    visit = VisitFactory(organiser=organiser)
    for _day in range(7):
        DayFactory(visit=visit)
    group = GroupFactory(visit=visit)
    venue, host, speaker = VenueFactory(), OrganisationFactory(), PersonFactory()
    sessions = Session.objects.bulk_create(
        Session(
            visit=visit,
            starts_at=dt.datetime(2019, 5, 12 + n % 7, 8, 0, tzinfo=PARIS)
            + dt.timedelta(minutes=40 * (n // 7)),
            ends_at=dt.datetime(2019, 5, 12 + n % 7, 8, 30, tzinfo=PARIS)
            + dt.timedelta(minutes=40 * (n // 7)),
            title_fr=f"Rencontre {n}",
            title_ru=f"Встреча {n}",
            venue=venue,
        )
        for n in range(count)
    )
    Session.hosts.through.objects.bulk_create(
        Session.hosts.through(session=session, organisation=host) for session in sessions
    )
    Session.speakers.through.objects.bulk_create(
        Session.speakers.through(session=session, person=speaker) for session in sessions
    )
    Session.groups.through.objects.bulk_create(
        Session.groups.through(session=session, group=group) for session in sessions
    )
    ResourceFactory(visit=visit, session=sessions[0])
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(organiser_group_ensure())
    organiser.members.add(user)
    return visit, user


def visit_page(client, visit, user):
    client.force_login(user)
    url = reverse("admin:visits_visit_change", args=[visit.pk])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_the_visit_page_costs_the_same_for_30_and_300_sessions(client):
    small, small_user = visit_with_sessions(30, username="anna")
    response, small_count = visit_page(client, small, small_user)
    client.logout()
    large, large_user = visit_with_sessions(300, username="boris")
    response, large_count = visit_page(client, large, large_user)

    # Its time at 300 sessions is measured by make bench (the admin visit page rows).
    assert small_count == large_count
    assert large_count <= 40
    # The programme is one link away, with its size.
    page = response.content.decode()
    assert reverse("admin:visits_visit_programme", args=[large.pk]) in page
    assert "300 sessions" in page
