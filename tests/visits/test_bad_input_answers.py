"""Seven inputs that used to end in a server error, each now answered with words."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import OrganiserFactory, SessionFactory, VisitFactory
from tests.participants.test_delegation_import import upload
from tests.visits.admin.test_visit import visit_form
from visits.models import Session, Visit
from visits.models.visit import validate_time_zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    from tests.factories import OrganisationFactory

    return VisitFactory(
        organiser=OrganisationFactory(name_fr="D'EST"),
        slug="paris-2026",
        start_date=dt.date(2026, 3, 16),
        end_date=dt.date(2026, 3, 20),
    )


@pytest.fixture
def owner_client(client, visit):
    client.force_login(OrganiserFactory(username="anna", organisation=visit.organiser))
    return client


def far_future(visit: Visit) -> Visit:
    """A visit typed into year 9999 before the form refused it."""
    Visit.objects.filter(pk=visit.pk).update(
        start_date=dt.date(9999, 12, 25), end_date=dt.date(9999, 12, 31)
    )
    visit.refresh_from_db()
    return visit


def test_an_export_filtered_by_a_visit_that_is_not_a_number_says_so(owner_client):
    address = "/admin/participants/participant/export/?visit__id__exact=abc"
    fields = {"participantresource_name_latin": "on", "resource": "0", "format": "0"}

    page = owner_client.get(address, follow=True)
    response = owner_client.post(address, fields, follow=True)

    message = "“abc” is not a visit. Choose the visit in the list, then export again."
    assert (page.status_code, response.status_code) == (200, 200)
    assert message in page.text
    assert message in response.text
    assert response["Content-Type"].startswith("text/html")


def test_the_import_page_ignores_a_visit_that_is_not_a_number(owner_client):
    response = owner_client.get("/admin/participants/participant/import/?visit__id__exact=abc")

    assert response.status_code == 200


@pytest.mark.parametrize("year", ["9999", "0202", "1899", "2201"])
def test_the_visit_form_refuses_a_year_outside_1900_to_2200(owner_client, visit, year):
    data = visit_form(visit, start_date=f"{year}-03-16", end_date=f"{year}-03-20")

    response = owner_client.post(f"/admin/visits/visit/{visit.pk}/change/", data)

    assert response.status_code == 200
    assert "Give a date between the years 1900 and 2200." in response.text
    visit.refresh_from_db()
    assert visit.start_date == dt.date(2026, 3, 16)


def test_a_visit_already_in_year_9999_lists_opens_and_offers_a_copy(owner_client, visit):
    far_future(visit)

    listing = owner_client.get("/admin/visits/visit/")
    page = owner_client.get(f"/admin/visits/visit/{visit.pk}/change/")
    duplicate = owner_client.get(f"/admin/visits/visit/{visit.pk}/duplicate/")
    copied = owner_client.post(
        f"/admin/visits/visit/{visit.pk}/duplicate/",
        {"start_date": "2027-03-15", "slug": "paris-2027"},
    )

    assert (listing.status_code, page.status_code, duplicate.status_code) == (200, 200, 200)
    assert "paris-2026" in listing.text or str(visit) in listing.text
    assert copied.status_code == 302
    assert Visit.objects.get(slug="paris-2027").start_date == dt.date(2027, 3, 15)


def test_the_duplicate_form_refuses_a_copy_that_would_end_past_year_9999(owner_client, visit):
    response = owner_client.post(
        f"/admin/visits/visit/{visit.pk}/duplicate/",
        {"start_date": "9999-12-30", "slug": "paris-9999"},
    )

    assert response.status_code == 200
    assert "Give a first day between the years" in response.text
    assert not Visit.objects.filter(slug="paris-9999").exists()


def test_a_session_at_the_first_day_of_year_one_in_a_far_zone_is_refused(owner_client, visit):
    Visit.objects.filter(pk=visit.pk).update(time_zone="Asia/Tokyo")

    response = owner_client.post(
        "/admin/visits/session/add/",
        {
            "visit": visit.pk,
            "kind": "meeting",
            "starts_at_0": "0001-01-01",
            "starts_at_1": "00:00",
            "ends_at_0": "0001-01-01",
            "ends_at_1": "01:00",
            "title_fr": "Rencontre",
            "interpretation": "none",
        },
    )

    assert response.status_code == 200
    assert "Give a date between the years 1900 and 2200." in response.text
    assert not Session.objects.exists()


def test_the_public_calendar_of_a_visit_with_a_session_at_year_one_still_answers(client, visit):
    Visit.objects.filter(pk=visit.pk).update(
        status=Visit.Status.PUBLISHED, time_zone="America/Los_Angeles"
    )
    session = SessionFactory(visit=visit, title_fr="Rencontre")
    far = dt.datetime(1, 1, 1, tzinfo=dt.UTC)
    Session.objects.filter(pk=session.pk).update(starts_at=far, ends_at=far + dt.timedelta(hours=1))

    calendar = client.get("/v/paris-2026/programme.ics")
    page = client.get("/v/paris-2026/")

    assert calendar.status_code == 200
    assert calendar.content.startswith(b"BEGIN:VCALENDAR")
    assert page.status_code == 200


def test_a_semicolon_csv_with_a_huge_field_is_refused_with_words(owner_client, visit):
    data = ("Name (Latin);E-mail\n" + "A" * 200_000 + ";a@example.org\n").encode()

    response = upload(owner_client, visit, "delegation.csv", data)

    assert response.status_code == 200
    assert "A cell of this file is longer than" in response.text


@pytest.mark.parametrize(
    ("file_name", "message"),
    [
        (None, "This field is required."),
        ("missing.csv", "This import is no longer waiting to be confirmed; upload the file again."),
        # A file on the server that this organiser did not upload is not read either.
        ("hosts", "This import is no longer waiting to be confirmed; upload the file again."),
    ],
)
def test_process_import_without_its_own_file_answers_with_words(
    owner_client, visit, file_name, message
):
    data = {"format": "0", "visit": visit.pk, "original_file_name": "d.csv", "resource": "0"}
    if file_name:
        data["import_file_name"] = file_name

    response = owner_client.post("/admin/participants/participant/process_import/", data)

    assert response.status_code == 200
    assert message in response.text


@pytest.mark.parametrize("zone", ["localtime", "Factory", "posixrules", "EST5EDT", "Etc/GMT+3"])
def test_only_iana_area_and_location_names_or_utc_are_time_zones(zone):
    with pytest.raises(ValidationError, match="is not a time zone name such as Europe/Paris"):
        validate_time_zone(zone)


@pytest.mark.parametrize(
    "zone", ["Europe/Paris", "UTC", "America/Argentina/Buenos_Aires", "Pacific/Kiritimati"]
)
def test_real_zones_are_accepted(zone):
    validate_time_zone(zone)
