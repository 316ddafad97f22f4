"""Background reading files: served beside the page that lists them, to its readers only."""

from urllib.parse import urljoin

import pytest
from django.core.files.base import ContentFile

from tests.factories import OrganisationFactory, OrganiserFactory, ParticipantFactory
from tests.scenarios import published_visit
from visits.models import Resource, Visit

pytestmark = pytest.mark.django_db

PLAN = "Mobilisation de la communauté de Paris pour l'accueil des réfugiés".encode()


def plan_of(visit: Visit) -> Resource:
    resource = Resource(visit=visit, title_fr="Plan de mobilisation")
    resource.file.save("plan-paris-2016.md", ContentFile(PLAN))
    return resource


def test_a_published_visits_file_opens_from_the_public_page(client):
    visit = published_visit()
    plan = plan_of(visit)

    page = client.get("/v/paris-2026/?lang=fr").content.decode()
    response = client.get(f"/v/paris-2026/resources/{plan.pk}/")

    assert f'<a href="/v/paris-2026/resources/{plan.pk}/">Plan de mobilisation</a>' in page
    assert b"".join(response.streaming_content) == PLAN
    assert 'filename="plan-paris-2016.md"' in response["Content-Disposition"]


def test_a_drafts_file_opens_only_through_a_personal_link(client):
    visit = published_visit(status=Visit.Status.DRAFT)
    anna = ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna Ivanova", name_native="Anna Ivanova"
    )
    plan = plan_of(visit)

    page = client.get(f"/p/{anna.access_token}/").content.decode()
    # The page links to it relative to the personal address, where it opens.
    personal = client.get(urljoin(f"/p/{anna.access_token}/", f"resources/{plan.pk}/"))
    public = client.get(f"/v/paris-2026/resources/{plan.pk}/")
    media = client.get(f"/media/{plan.file.name}")

    assert f'href="resources/{plan.pk}/"' in page
    assert b"".join(personal.streaming_content) == PLAN
    assert personal["Referrer-Policy"] == "no-referrer"
    assert (public.status_code, media.status_code) == (404, 404)


def test_a_personal_link_opens_no_file_of_another_visit(client):
    anna = ParticipantFactory(
        bare=True, visit=published_visit(), name_latin="Anna Ivanova", name_native="Anna Ivanova"
    )
    other = plan_of(published_visit(slug="cifer-paris"))

    response = client.get(f"/p/{anna.access_token}/resources/{other.pk}/")

    assert response.status_code == 404


def test_the_admins_file_link_opens_for_the_visits_organisers_only(client):
    visit = published_visit(status=Visit.Status.DRAFT)
    plan = plan_of(visit)
    owner = OrganiserFactory(username="anna", organisation=visit.organiser)
    outsider = OrganiserFactory(
        username="milena", organisation=OrganisationFactory(name_fr="France terre d'asile")
    )
    admin_page_link = f"/media/{plan.file.name}"

    anonymous = client.get(admin_page_link)
    client.force_login(outsider)
    stranger = client.get(admin_page_link)
    client.force_login(owner)
    organiser = client.get(admin_page_link)

    assert (anonymous.status_code, stranger.status_code) == (404, 404)
    assert b"".join(organiser.streaming_content) == PLAN
    assert (
        f'href="{admin_page_link}"'
        in client.get(f"/admin/visits/resource/{plan.pk}/change/").content.decode()
    )
