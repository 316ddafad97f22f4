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
    ParticipantFactory,
    PersonFactory,
    ResourceFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Phase, Session, TimePrecision, approximate_span
from visits.services import organiser_group_ensure

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def visit_with_sessions(count: int, *, username: str):
    """A week with ``count`` sessions, each with a venue, a host, a speaker and a group,
    every tenth one in the morning rather than at a set time; in two phases, the second for
    the one group, which has two participants."""
    organiser = OrganisationFactory()
    visit = VisitFactory(organiser=organiser)
    for _day in range(7):
        DayFactory(visit=visit)
    group = GroupFactory(visit=visit)
    ParticipantFactory.create_batch(2, visit=visit, groups=[group])
    Phase.objects.create(
        visit=visit, title_fr="Accueil", start_date=dt.date(2019, 5, 12), end_date=visit.end_date
    )
    Phase.objects.create(
        visit=visit, title_fr="Stage", start_date=dt.date(2019, 5, 15), end_date=visit.end_date
    ).groups.set([group])
    venue, host, speaker = VenueFactory(), OrganisationFactory(), PersonFactory()

    def when(n: int) -> dict:
        if n % 10 == 9:
            starts_at, ends_at = approximate_span(
                date=dt.date(2019, 5, 12 + n % 7), time_precision=TimePrecision.MORNING, zone=PARIS
            )
            return {"starts_at": starts_at, "ends_at": ends_at, "time_precision": "morning"}
        later = dt.timedelta(minutes=40 * (n // 7))
        return {
            "starts_at": dt.datetime(2019, 5, 12 + n % 7, 8, 0, tzinfo=PARIS) + later,
            "ends_at": dt.datetime(2019, 5, 12 + n % 7, 8, 30, tzinfo=PARIS) + later,
        }

    sessions = Session.objects.bulk_create(
        Session(
            visit=visit, title_fr=f"Rencontre {n}", title_ru=f"Встреча {n}", venue=venue, **when(n)
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


def visit_page(client, visit, user, page="admin:visits_visit_change"):
    client.force_login(user)
    url = reverse(page, args=[visit.pk])
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


def test_the_programme_editor_costs_the_same_for_30_and_300_sessions(client):
    small, small_user = visit_with_sessions(30, username="anna")
    response, small_count = visit_page(client, small, small_user, "admin:visits_visit_programme")
    client.logout()
    large, large_user = visit_with_sessions(300, username="boris")
    response, large_count = visit_page(client, large, large_user, "admin:visits_visit_programme")

    # Its time at 300 sessions is not asserted: about half a second on a developer machine.
    assert small_count == large_count
    assert large_count <= 40
    # Every session is on the page, the last one too.
    page = response.content.decode()
    assert page.count('<article class="session-card') == 300
    assert "Rencontre 299" in page
