"""The programme's history: every language's column, many-to-many changes, who may read it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import (
    GroupFactory,
    OrganisationFactory,
    OrganiserFactory,
    SessionFactory,
    VenueFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


def test_a_session_change_keeps_old_and_new_values_in_every_language():
    session = SessionFactory(title_fr="Rencontre à la mairie", title_ru="Встреча в мэрии")
    session.title_ru = "Встреча в префектуре"
    session.save()

    newest, oldest = session.history.all()[:2]
    delta = newest.diff_against(oldest)
    changes = {change.field: (change.old, change.new) for change in delta.changes}
    assert changes["title_ru"] == ("Встреча в мэрии", "Встреча в префектуре")
    assert "title_fr" not in changes
    assert oldest.title_fr == newest.title_fr == "Rencontre à la mairie"


def test_a_change_of_hosts_alone_is_a_new_historical_row():
    session = SessionFactory()
    before = session.history.count()
    host = OrganisationFactory(name_fr="Mairie de Paris")

    session.hosts.add(host)

    assert session.history.count() == before + 1
    newest = session.history.first()
    assert [row.organisation_id for row in newest.hosts.all()] == [host.pk]


def test_sessions_changed_from_a_groups_side_are_recorded_as_the_sessions_changes():
    session = SessionFactory()
    group = GroupFactory(visit=session.visit)
    group.sessions.add(session)
    assert [row.group_id for row in session.history.first().groups.all()] == [group.pk]
    before = session.history.count()

    group.sessions.clear()

    assert session.history.count() == before + 1
    assert list(session.history.first().groups.all()) == []


def test_a_venue_change_is_recorded_with_its_address():
    venue = VenueFactory(address="5 rue de Lobau")
    venue.address = "12 rue des Archives"
    venue.save()
    assert [row.address for row in venue.history.all()] == [
        "12 rue des Archives",
        "5 rue de Lobau",
    ]


@pytest.fixture
def edited_session(client):
    dest = OrganisationFactory(name_fr="D'EST")
    visit = VisitFactory(organiser=dest)
    session = SessionFactory(visit=visit, title_en="Meeting at the town hall")
    colleague = OrganiserFactory(username="colleague", organisation=dest)
    colleague.first_name, colleague.last_name = "Irina", "Petrova"
    colleague.save()
    outsider = get_user_model().objects.create_superuser("root", password="x")
    # One change by a colleague, one by a superuser of no organisation.
    for user, title in ((colleague, "Meeting at the prefecture"), (outsider, "Meeting moved")):
        client.force_login(user)
        session.title_en = title
        session._history_user = user
        session.save()
    client.logout()
    return session


def test_an_organiser_of_the_visit_reads_the_session_history(client, edited_session):
    reader = OrganiserFactory(username="reader", organisation=edited_session.visit.organiser)
    client.force_login(reader)
    url = reverse("admin:visits_session_history", args=[edited_session.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Meeting at the town hall" in page
    assert "Meeting at the prefecture" in page
    assert "Irina Petrova" in page
    # The superuser belongs to no organisation of the visit: their name is not shown.
    assert "root" not in page
    assert "someone outside the visit&#x27;s organising association" in page


def test_an_organiser_of_another_association_cannot_read_it(client, edited_session):
    stranger = OrganiserFactory(
        username="stranger", organisation=OrganisationFactory(name_fr="Autre")
    )
    client.force_login(stranger)
    for name in ("admin:visits_session_history", "admin:visits_visit_history"):
        obj = edited_session if "session" in name else edited_session.visit
        response = client.get(reverse(name, args=[obj.pk]))
        assert response.status_code == 404


def test_the_visit_history_page_lists_the_visit_changes(client, edited_session):
    visit = edited_session.visit
    visit.title_en = "Study visit to Paris and Rouen"
    visit.save()
    client.force_login(OrganiserFactory(username="reader", organisation=visit.organiser))

    page = client.get(reverse("admin:visits_visit_history", args=[visit.pk])).content.decode()

    assert "Study visit to Paris and Rouen" in page


def test_the_visit_history_page_lists_its_sessions_changes(client, edited_session):
    visit = edited_session.visit
    client.force_login(OrganiserFactory(username="reader", organisation=visit.organiser))

    page = client.get(reverse("admin:visits_visit_history", args=[visit.pk])).content.decode()

    section = page.split('id="programme-history"')[1]
    assert "Changes to the days and sessions" in section
    assert "session: Meeting moved" in section
    assert "title [en]" in section
    assert reverse("admin:visits_session_history", args=[edited_session.pk]) in section
    assert "Irina Petrova" in section
    assert "root" not in section
