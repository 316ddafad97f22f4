"""A shared record is changed by the organisation that keeps it; others use it or copy it."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from organisations.models import Organisation, Person, Venue
from tests.factories import (
    OrganisationFactory,
    OrganiserFactory,
    PersonFactory,
    SessionFactory,
    VenueFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dest():
    return OrganisationFactory(name_fr="D'EST")


@pytest.fixture
def fta():
    return OrganisationFactory(name_fr="France terre d'asile")


@pytest.fixture
def venue(dest):
    return VenueFactory(name_fr="Mairie de Paris", city_fr="Paris", owner=dest)


def change_url(record) -> str:
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def venue_form(venue, **changes) -> dict:
    return {
        "name_fr": venue.name_fr,
        "address": venue.address,
        "city_fr": venue.city_fr,
        # Logistics made a venue a place or a hotel: the change form posts the kind too.
        "kind": venue.kind,
        "directions_fr": "",
        "owner": venue.owner_id or "",
        **changes,
    }


def test_another_organisations_organiser_sees_it_read_only_and_cannot_post(client, venue, fta):
    client.force_login(OrganiserFactory(username="milena", organisation=fta))

    page = client.get(change_url(venue), HTTP_ACCEPT_LANGUAGE="en")
    posted = client.post(change_url(venue), venue_form(venue, name_fr="Pris"))

    assert page.status_code == 200
    assert "Kept by D&#x27;EST: their organisers change it." in page.text
    assert 'name="name_fr"' not in page.text
    assert posted.status_code == 403
    venue.refresh_from_db()
    assert venue.name_fr == "Mairie de Paris"


def test_the_keeping_organisations_organiser_changes_it(client, venue, dest):
    client.force_login(OrganiserFactory(username="anna", organisation=dest))

    response = client.post(change_url(venue), venue_form(venue, name_fr="Hôtel de Ville"))

    assert response.status_code == 302
    venue.refresh_from_db()
    assert venue.name_fr == "Hôtel de Ville"


def test_a_record_kept_by_nobody_is_changed_by_a_superuser_only(client, admin_client, dest):
    orphan = VenueFactory(name_fr="Gare Saint-Lazare", city_fr="Paris", owner=None)
    client.force_login(OrganiserFactory(username="anna", organisation=dest))

    refused = client.post(change_url(orphan), venue_form(orphan, name_fr="Pris"))
    accepted = admin_client.post(change_url(orphan), venue_form(orphan, name_fr="Saint-Lazare"))

    assert (refused.status_code, accepted.status_code) == (403, 302)
    orphan.refresh_from_db()
    assert orphan.name_fr == "Saint-Lazare"


def test_an_organiser_copies_anothers_record_as_their_own(client, venue, fta):
    client.force_login(OrganiserFactory(username="milena", organisation=fta))
    copy_url = reverse("admin:organisations_venue_copy", args=[venue.pk])

    page = client.get(change_url(venue), HTTP_ACCEPT_LANGUAGE="en")
    response = client.post(copy_url, follow=True)

    assert f'action="{copy_url}"' in page.text
    copy = Venue.objects.exclude(pk=venue.pk).get()
    assert (copy.name_fr, copy.city_fr, copy.owner) == ("Mairie de Paris", "Paris", fta)
    assert response.redirect_chain[-1][0] == change_url(copy)
    assert 'name="name_fr"' in response.text
    assert f"This is your organisation’s own copy of “{venue}”" in response.text


def test_an_organisers_new_record_is_kept_by_their_organisation(client, fta):
    client.force_login(OrganiserFactory(username="milena", organisation=fta))

    response = client.post(
        reverse("admin:organisations_person_add"),
        {"name_fr": "Jean Dupont", "owner": fta.pk},
    )

    assert response.status_code == 302
    assert Person.objects.get().owner == fta


def test_an_organiser_cannot_give_their_record_to_another_organisation(client, dest, fta):
    client.force_login(OrganiserFactory(username="milena", organisation=fta))

    response = client.post(
        reverse("admin:organisations_person_add"), {"name_fr": "Jean Dupont", "owner": dest.pk}
    )

    assert response.status_code == 200
    assert not Person.objects.exists()


def by_migration():
    migration = importlib.import_module("organisations.migrations.0004_shared_record_owner")
    migration.owners_from_first_use(apps, None)


def by_service():
    from visits.services import shared_record_owners_fill

    shared_record_owners_fill()


@pytest.mark.parametrize("fill", [by_migration, by_service], ids=["migration", "demo loader"])
def test_existing_records_are_kept_by_the_organiser_of_their_first_visit(dest, fta, fill):
    early = VisitFactory(organiser=fta, slug="early", start_date=dt.date(2019, 5, 12))
    late = VisitFactory(
        organiser=dest, slug="late", start_date=dt.date(2024, 5, 12), end_date=dt.date(2024, 5, 18)
    )
    shared_venue = VenueFactory(name_fr="Mairie")
    host = OrganisationFactory(name_fr="Singa")
    speaker = PersonFactory(name_fr="Jean Dupont")
    for visit in (late, early):
        session = SessionFactory(visit=visit, venue=shared_venue)
        session.hosts.add(host)
        session.speakers.add(speaker)
    VenueFactory(name_fr="Nulle part")
    Venue.objects.update(owner=None)
    Organisation.objects.update(owner=None)

    fill()

    owners = {
        record.name_fr: record.owner_id
        for model in (Venue, Organisation, Person)
        for record in model.objects.all()
    }
    assert owners["Mairie"] == fta.pk
    assert owners["Singa"] == fta.pk
    assert owners["Jean Dupont"] == fta.pk
    assert owners["Nulle part"] is None
    assert owners["D'EST"] == dest.pk


def test_a_superuser_changes_every_record(admin_client, venue):
    response = admin_client.post(change_url(venue), venue_form(venue, name_fr="Hôtel de Ville"))

    assert response.status_code == 302
    assert get_user_model().objects.get().is_superuser
