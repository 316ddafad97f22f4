import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.urls import reverse

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from tests.factories import (
    DayFactory,
    EmergencyContactFactory,
    GroupFactory,
    OrganisationFactory,
    OrganiserFactory,
    ParticipantFactory,
    PersonFactory,
    ResourceFactory,
    SessionFactory,
    StaffMemberFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Day, Resource, Session, Visit

PARIS = ZoneInfo("Europe/Paris")
pytestmark = pytest.mark.django_db


@pytest.fixture
def dest():
    return OrganisationFactory(name_fr="D'EST", name_ru="D'EST", kind="association")


@pytest.fixture
def fta():
    return OrganisationFactory(name_fr="France terre d'asile", kind="association")


@pytest.fixture
def owner(dest):
    return OrganiserFactory(username="anna", organisation=dest)


@pytest.fixture
def colleague(dest):
    return OrganiserFactory(username="boris", organisation=dest)


@pytest.fixture
def outsider(fta):
    return OrganiserFactory(username="milena", organisation=fta)


@pytest.fixture
def visit(dest):
    visit = VisitFactory(
        organiser=dest,
        slug="paris-rouen-2019",
        title_fr="Visite d'étude à Paris et Rouen",
        title_ru="Учебный визит в Париж и Руан",
        start_date=dt.date(2019, 5, 12),
        end_date=dt.date(2019, 5, 18),
    )
    DayFactory(visit=visit, date=dt.date(2019, 5, 13), heading_fr="Paris", city_fr="Paris")
    group = GroupFactory(visit=visit, name_fr="Musées et bibliothèques")
    SessionFactory(visit=visit, title_fr="Rencontre à la Mairie de Paris").groups.add(group)
    ParticipantFactory(visit=visit, name_latin="Anna Ivanova", name_native="Анна Иванова")
    ResourceFactory(visit=visit, title_fr="Plan de mobilisation", url="https://www.paris.fr/")
    EmergencyContactFactory(visit=visit)
    visit.phases.create(
        title_fr="Semaine à Paris", start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 18)
    )
    StaffMemberFactory(visit=visit)
    return visit


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def changelist_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def test_the_owner_sees_and_edits_their_visit(client, owner, visit):
    client.force_login(owner)

    listing = client.get(changelist_url(Visit), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    page = client.get(change_url(visit))
    programme = client.get(
        reverse("admin:visits_visit_programme", args=[visit.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert "Visite d&#x27;étude à Paris et Rouen" in listing
    assert page.status_code == 200
    # The sessions are in the programme editor, one link away from the visit page.
    assert "Rencontre à la Mairie de Paris" in programme.content.decode()


def test_a_colleague_of_the_same_organisation_sees_it_too(client, colleague, visit):
    client.force_login(colleague)

    page = client.get(change_url(visit))

    assert page.status_code == 200
    assert "Anna Ivanova" in client.get(changelist_url(Participant)).content.decode()


@pytest.mark.parametrize("model", [Visit, Session, Day, Participant, Group, Resource])
def test_an_outsider_sees_nothing_of_another_organisations_visit(client, outsider, visit, model):
    client.force_login(outsider)
    row = model.objects.filter(**({"pk": visit.pk} if model is Visit else {"visit": visit})).get()

    listing = client.get(changelist_url(model), {"q": ""})
    page = client.get(change_url(row), follow=True, HTTP_ACCEPT_LANGUAGE="en")

    assert str(row) not in listing.content.decode()
    assert listing.context["cl"].result_count == 0
    assert page.redirect_chain[-1][0] == reverse("admin:index")
    assert "doesn’t exist" in page.content.decode()


def test_an_outsider_cannot_change_another_organisations_visit_by_posting(client, outsider, visit):
    client.force_login(outsider)

    client.post(change_url(visit), {"title_fr": "Pris", "slug": "pris"})

    visit.refresh_from_db()
    assert visit.slug == "paris-rouen-2019"


def test_a_superuser_sees_every_visit(admin_client, visit):
    other = VisitFactory(title_fr="CIFER à Paris", slug="cifer-paris")

    listing = admin_client.get(changelist_url(Visit), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "CIFER à Paris" in listing
    assert admin_client.get(change_url(other)).status_code == 200


def test_an_organiser_may_give_a_visit_only_to_their_own_organisation(client, owner, dest, fta):
    client.force_login(owner)

    response = client.get(reverse("admin:visits_visit_add"))
    choices = response.context["adminform"].form.fields["organiser"].queryset

    assert list(choices) == [dest]


def test_only_a_superuser_grants_organisation_membership(client, owner, dest, admin_client):
    client.force_login(owner)

    organiser_form = client.get(change_url(dest)).context["adminform"].form
    superuser_form = admin_client.get(change_url(dest)).context["adminform"].form

    assert "members" not in organiser_form.fields
    assert "members" in superuser_form.fields


def every_registered_admin():
    ours = {"organisations", "visits", "participants"}
    # Records of what happened are read, never added; their own tests read their pages: a
    # published programme version (tests/visits/changes), a personal-link e-mail
    # (tests/participants/test_link_delivery.py), a sheet imported in the background
    # (tests/participants/test_import_in_background.py), a proposed change to a shared
    # record (tests/organisations/test_change_proposals.py).
    read_only = {"programmeversion", "linkmailing", "delegationimport", "changeproposal"}
    return [
        model
        for model in admin.site._registry
        if model._meta.app_label in ours and model._meta.model_name not in read_only
    ]


@pytest.mark.parametrize("model", every_registered_admin(), ids=lambda model: model.__name__)
def test_every_add_and_change_page_renders_for_an_organiser(client, owner, visit, model):
    client.force_login(owner)
    PersonFactory()
    VenueFactory()
    row = {
        Visit: lambda: visit,
        Organisation: lambda: visit.organiser,
        Person: lambda: Person.objects.first(),
        Venue: lambda: Venue.objects.first(),
    }.get(model, lambda: model.objects.filter(visit=visit).first())()
    add_url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")

    add_page = client.get(add_url)
    change_page = client.get(change_url(row))

    assert add_page.status_code == 200
    assert change_page.status_code == 200
    assert str(model._meta.verbose_name).lower() in change_page.content.decode().lower()


def test_translation_tabs_use_our_own_jquery_ui_not_a_cdn(client, owner, visit):
    client.force_login(owner)

    page = client.get(change_url(visit)).content.decode()

    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in page
    assert "modeltranslation/js/tabbed_translation_fields.js" in page
    assert "googleapis" not in page
    assert "//" not in [
        src.split("/static/")[0] for src in page.split('src="')[1:] if "http" in src
    ]


def visit_form(visit, **changes) -> dict:
    data = {
        "title_ru": visit.title_ru or "",
        "title_fr": visit.title_fr or "",
        "title_en": visit.title_en or "",
        "slug": visit.slug,
        "status": visit.status,
        "organiser": visit.organiser_id,
        "start_date": visit.start_date.isoformat(),
        "end_date": visit.end_date.isoformat(),
        "time_zone": visit.time_zone,
        "first_language": visit.first_language,
        "second_language": visit.second_language,
    }
    prefixes = {
        "organisation_roles": 0,
        "groups": visit.groups.count(),
        "days": visit.days.count(),
        "sessions": 0,
        "resources": 0,
        "emergency_contacts": 0,
        "booklets": 0,
    }
    for prefix, initial in prefixes.items():
        data |= {f"{prefix}-TOTAL_FORMS": initial, f"{prefix}-INITIAL_FORMS": initial}
    for index, group in enumerate(visit.groups.all()):
        data |= {f"groups-{index}-id": group.pk, f"groups-{index}-visit": visit.pk}
        data |= {f"groups-{index}-name_fr": group.name_fr}
    for index, day in enumerate(visit.days.all()):
        data |= {f"days-{index}-id": day.pk, f"days-{index}-visit": visit.pk}
        data |= {f"days-{index}-date": day.date.isoformat()}
    data["sessions-TOTAL_FORMS"] = data["sessions-INITIAL_FORMS"] = 0
    data["resources-TOTAL_FORMS"] = data["resources-INITIAL_FORMS"] = 0
    return data | changes


def test_a_day_outside_the_visit_is_explained_and_nothing_typed_is_lost(client, owner, visit):
    client.force_login(owner)
    data = visit_form(visit, **{"days-TOTAL_FORMS": 2, "days-1-date": "2019-05-25"})
    data["days-1-heading_fr"] = "Journée à Rouen"
    data["title_en"] = "Study visit to Paris and Rouen"

    response = client.post(change_url(visit), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "2019-05-25 is outside the visit, which runs from 2019-05-12 to 2019-05-18." in page
    assert 'value="Journée à Rouen"' in page
    assert 'value="Study visit to Paris and Rouen"' in page
    assert visit.days.count() == 1


def test_moving_a_visit_with_its_days_in_one_form_works(client, owner, visit):
    client.force_login(owner)
    data = visit_form(visit, start_date="2020-05-10", end_date="2020-05-16")
    data["days-0-date"] = "2020-05-11"

    response = client.post(change_url(visit), data)

    assert response.status_code == 302, response.context["errors"]
    assert list(visit.days.values_list("date", flat=True)) == [dt.date(2020, 5, 11)]


def test_a_session_that_ends_before_it_starts_is_explained(client, owner, visit):
    client.force_login(owner)
    session = visit.sessions.get()

    response = client.post(
        change_url(session),
        {
            "visit": visit.pk,
            "kind": "meeting",
            "starts_at_0": "2019-05-13",
            "starts_at_1": "15:00",
            "ends_at_0": "2019-05-13",
            "ends_at_1": "14:00",
            "title_fr": "Rencontre déplacée",
        },
    )

    page = response.content.decode()
    assert "A session must end after it starts." in page
    assert 'value="Rencontre déplacée"' in page
    session.refresh_from_db()
    assert session.title_fr == "Rencontre à la Mairie de Paris"


def test_a_session_cannot_be_for_a_group_of_another_visit(client, admin_client, visit):
    session = visit.sessions.get()
    stranger = GroupFactory(
        visit=VisitFactory(slug="cifer-paris"), name_fr="Ljubljana", name_en="Ljubljana"
    )
    start = session.starts_at.astimezone(PARIS)
    end = session.ends_at.astimezone(PARIS)

    response = admin_client.post(
        change_url(session),
        {
            "visit": visit.pk,
            "kind": "meeting",
            "starts_at_0": start.date().isoformat(),
            "starts_at_1": start.strftime("%H:%M"),
            "ends_at_0": end.date().isoformat(),
            "ends_at_1": end.strftime("%H:%M"),
            "title_fr": session.title_fr,
            "groups": [stranger.pk],
        },
    )

    # Another visit's groups are not even offered: the choice is refused as unknown.
    assert f"Select a valid choice. {stranger.pk} is not one of the available choices." in (
        response.content.decode()
    )
    assert list(session.groups.all()) == list(visit.groups.all())


def test_session_times_are_typed_in_the_visits_own_time_zone(client, owner, dest, settings):
    settings.TIME_ZONE = "UTC"
    visit = VisitFactory(
        organiser=dest,
        time_zone="Europe/Ljubljana",
        start_date=dt.date(2022, 10, 3),
        end_date=dt.date(2022, 10, 7),
    )
    client.force_login(owner)

    response = client.post(
        reverse("admin:visits_session_add"),
        {
            "visit": visit.pk,
            "kind": "meeting",
            "starts_at_0": "2022-10-04",
            "starts_at_1": "10:00",
            "ends_at_0": "2022-10-04",
            "ends_at_1": "11:30",
            "time_precision": "exact",
            "title_fr": "SOS Racisme",
        },
    )

    assert response.status_code == 302
    session = visit.sessions.get()
    assert session.starts_at == dt.datetime(2022, 10, 4, 8, 0, tzinfo=dt.UTC)
    page = client.get(change_url(session)).content.decode()
    assert 'value="10:00"' in page  # hours and minutes, no seconds


@pytest.fixture
def speaker(visit):
    person = PersonFactory(name_fr="Jean Dupont", email="jean.dupont@example.org", phone="+33 1 00")
    visit.sessions.get().speakers.add(person)
    return person


def test_a_speakers_private_contacts_are_for_the_organisers_of_their_visits(
    client, owner, outsider, speaker
):
    client.force_login(owner)
    owner_form = client.get(change_url(speaker)).context["adminform"].form
    client.force_login(outsider)
    outsider_page = client.get(change_url(speaker))

    assert owner_form.initial["email"] == "jean.dupont@example.org"
    assert "email" not in outsider_page.context["adminform"].form.fields
    assert "jean.dupont@example.org" not in outsider_page.content.decode()


def test_an_outsider_cannot_delete_what_another_organisations_visit_uses(
    client, outsider, visit, speaker
):
    client.force_login(outsider)
    host = OrganisationFactory(name_fr="Singa France")
    visit.sessions.get().hosts.add(host)
    unused = OrganisationFactory(name_fr="Nouvelle association")

    for record in (speaker, host, visit.sessions.get().venue):
        delete_url = change_url(record).replace("/change/", "/delete/")
        assert client.post(delete_url, {"post": "yes"}).status_code == 403
    delete_unused = change_url(unused).replace("/change/", "/delete/")

    assert client.post(delete_unused, {"post": "yes"}).status_code == 302
    assert list(visit.sessions.get().speakers.all()) == [speaker]
    assert list(visit.sessions.get().hosts.all()) == [host]
    assert not Organisation.objects.filter(pk=unused.pk).exists()


@pytest.mark.parametrize("model", [Session, Day, Resource, Participant, Group])
def test_list_filters_name_no_visit_of_another_organisation(client, outsider, visit, model):
    client.force_login(outsider)

    page = client.get(changelist_url(model), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Visite d&#x27;étude à Paris et Rouen" not in page
    assert "Musées et bibliothèques" not in page


def test_a_misspelt_time_zone_is_explained_and_nothing_typed_is_lost(client, owner, visit):
    client.force_login(owner)
    data = visit_form(visit, time_zone="Europe/Pariss", title_en="Study visit, new title")

    response = client.post(change_url(visit), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Europe/Pariss is not a time zone name such as Europe/Paris." in page
    assert 'value="Study visit, new title"' in page
    visit.refresh_from_db()
    assert visit.time_zone == "Europe/Paris"


def test_one_travel_time_per_pair_of_cities_whichever_way_round(client, owner, visit):
    client.force_login(owner)
    data = visit_form(visit)
    data |= {"travel_times-TOTAL_FORMS": 2, "travel_times-INITIAL_FORMS": 0}
    data |= {"travel_times-0-city_from": "Paris", "travel_times-0-city_to": "Rouen"}
    data |= {"travel_times-0-minutes": 120, "travel_times-1-minutes": 90}
    data |= {"travel_times-1-city_from": "rouen", "travel_times-1-city_to": "paris"}

    response = client.post(change_url(visit), data)

    assert "rouen – paris is already given above as Paris – Rouen." in response.content.decode()
    assert visit.travel_times.count() == 0


@pytest.mark.parametrize("value", ["Europe/Ljubljana", "", None, "Europe/Pariss"])
def test_the_time_zone_list_is_the_one_djangos_select_writes(value):
    """The list is written from options made once (visits.admin.visit.TimeZoneSelect), and
    says the same as Django's own select would: the zone selected, or the blank for none,
    or nothing selected for a name not in the list."""
    import re

    from django import forms

    from visits.admin.visit import TimeZoneSelect, time_zone_choices

    attrs = {"id": "id_time_zone", "required": True, "disabled": False}
    ours = TimeZoneSelect().render("time_zone", value, attrs)
    django_s = forms.Select(choices=time_zone_choices()).render("time_zone", value, attrs)

    def tags(html):
        return re.sub(r">\s+<", "><", html.strip())

    assert tags(ours) == tags(django_s)
    assert ours.count("<option") > 400
    if value == "Europe/Ljubljana":
        assert '<option value="Europe/Ljubljana" selected>' in ours
