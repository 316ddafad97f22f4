"""Every URL of the portal, asked by four people: who may read what it shows.

The URLs come from the resolver itself, so a new view joins this matrix by being routed;
one whose parameters this module cannot fill fails ``test_every_url_is_in_the_matrix``
until a value is added to ``kwargs_for``. Each page is asked by:

- the public (no account, no personal link),
- a participant of another visit (their own personal link, never this visit's),
- an organiser of another organisation (logged in to the admin),
- the owner: the organiser of the visit for admin pages, the participant whose link it is
  for personal pages, the staff member for the staff page.

The first three never see a private value of the visit (contacts, needs, notes, booking
references, the uploaded file); the owner gets the page, and sees those values where the
page is meant to show them.
"""

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from organisations.models import ChangeProposal
from participants.models import DelegationImport, LinkMailing
from tests.factories import (
    GroupFactory,
    JourneyFactory,
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
from visits.booklets.models import Booklet
from visits.changes.services import programme_version_publish
from visits.logistics.paper import PAPER_KINDS
from visits.models import Day, Phase, Visit

pytestmark = pytest.mark.django_db

# Values only the visit's organisers (and the participant for their own) may ever read.
SECRETS = (
    "secret-anna@example.org",
    "+33 6 12 34 56 78",
    "SECRET-NEEDS-vegetarian",
    "SECRET-PARTICIPANT-NOTE",
    "SECRET-SESSION-NOTE",
    "SECRETREF42",
)


def is_redirect_or_catch_all(route: str) -> bool:
    """Django's unnamed admin routes, no page of their own: the redirect of an object's bare
    address to its change page, and the catch-all that answers 404 or sends to the login."""
    return route == "admin/(?P<url>.*)$" or (
        route.startswith("admin/") and route.endswith("/<path:object_id>/")
    )


# Admin pages that change something and answer GET with a form, a redirect or 405.
ACTIONS = {
    "admin:logout",
    "admin:login",
    "admin:visits_visit_booklet_render",
    "admin:participants_participant_process_import",
    "admin:visits_visit_programme_publish",
    "admin:organisations_changeproposal_accept",
    "admin:organisations_changeproposal_decline",
}

# Addresses that are no page for anyone: what the owner gets there instead.
NO_PAGE_HERE = {
    "set_language": {302},
    # It only names the service worker's scope.
    "itinerary:service_worker_scope": {404},
    # It needs the field and the term to look up; without them Django refuses.
    "admin:autocomplete": {403},
    # A visit has no address on the site of its own: Django answers 404.
    "admin:view_on_site": {404},
    # A valid link moves its token into the session and redirects to the form.
    "password_reset_confirm": {302},
    # Starting an organising organisation is a superuser's work.
    "admin:organisations_organisation_add_organising": {403},
    # One copies another organisation's record, not one's own.
    "admin:organisations_organisation_copy": {403},
    "admin:organisations_person_copy": {403},
    "admin:organisations_venue_copy": {403},
    # One proposes changes to another organisation's record; one changes one's own.
    "admin:organisations_organisation_propose": {403},
    "admin:organisations_person_propose": {403},
    "admin:organisations_venue_propose": {403},
    # Proposals are made from the record's page and kept as the record of an answer.
    "admin:organisations_changeproposal_add": {403},
    "admin:organisations_changeproposal_delete": {403},
    # A background import starts from the participants' Import page.
    "admin:participants_delegationimport_add": {403},
    # Versions are made by publishing, never typed or deleted.
    "admin:visits_programmeversion_add": {403},
    "admin:visits_programmeversion_delete": {403},
    # Personal-link e-mails are recorded by sending them, never typed or deleted.
    "admin:participants_linkmailing_add": {403},
    "admin:participants_linkmailing_delete": {403},
}

APPS_OF_ORGANISERS = ("visits", "participants", "organisations")


def routes():
    """(name, route, converters) of every routed view, as the resolver holds them."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = (
                    f"{namespace}:{pattern.namespace}".strip(":")
                    if pattern.namespace
                    else namespace
                )
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                route = prefix + str(pattern.pattern)
                # Named groups of a regex route are parameters too (admin:app_list).
                parameters = [*pattern.pattern.converters, *pattern.pattern.regex.groupindex]
                yield name, route, dict.fromkeys(parameters)

    return list(walk(get_resolver().url_patterns))


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    owner_organisation = OrganisationFactory()
    visit = VisitFactory(organiser=owner_organisation, status=Visit.Status.PUBLISHED)
    Day.objects.create(visit=visit, date=visit.start_date)
    Phase.objects.create(
        visit=visit, title_fr="Semaine", start_date=visit.start_date, end_date=visit.end_date
    )
    venue = VenueFactory(organisation=owner_organisation, owner=owner_organisation)
    speaker = PersonFactory(organisation=owner_organisation)
    session = SessionFactory(
        visit=visit, venue=venue, private_notes="SECRET-SESSION-NOTE", speakers=[speaker]
    )
    anna = ParticipantFactory(
        visit=visit,
        email="secret-anna@example.org",
        phone="+33 6 12 34 56 78",
        needs="SECRET-NEEDS-vegetarian",
        private_notes="SECRET-PARTICIPANT-NOTE",
    )
    JourneyFactory(participant=anna, booking_reference="SECRETREF42")
    LinkMailing.objects.create(
        participant=anna, sent_to=anna.email, status=LinkMailing.Status.FAILED, error="SMTP"
    )
    staff = StaffMemberFactory(visit=visit, sessions=[session])
    resource = ResourceFactory(
        visit=visit, url="", file=ContentFile(b"%PDF-1.4 PUBLIC-READING", name="plan.pdf")
    )
    booklet = Booklet.objects.create(
        visit=visit,
        languages="ru+fr",
        paper="a5",
        content_version="0" * 64,
        status=Booklet.Status.READY,
    )
    booklet.file.save("booklet.pdf", ContentFile(b"%PDF-1.4 BOOKLET"), save=True)
    GroupFactory(visit=visit)
    DelegationImport.objects.create(
        visit=visit, file_name="delegation.csv", sheet_format="csv", status="done", language="fr"
    )
    programme_version_publish(visit=visit)
    other_visit = VisitFactory(status=Visit.Status.PUBLISHED)
    stranger = ParticipantFactory(visit=other_visit)
    proposal = ChangeProposal.objects.create(
        record_type=ContentType.objects.get_for_model(venue),
        record_id=venue.pk,
        kept_by=owner_organisation,
        proposed_by_organisation=other_visit.organiser,
        changes={"directions_fr": {"old": "", "new": "Métro Cité"}},
    )
    return {
        "visit": visit,
        "session": session,
        "participant": anna,
        "staff": staff,
        "resource": resource,
        "booklet": booklet,
        "owner": OrganiserFactory(organisation=owner_organisation),
        "other_organiser": OrganiserFactory(organisation=other_visit.organiser),
        "stranger": stranger,
        "speaker": speaker,
        "venue": venue,
        "proposal": proposal,
    }


def admin_model(name: str):
    """The model of an admin URL name such as ``admin:visits_visit_booklet_download``."""
    app_label, _, remainder = name.split(":", 1)[1].partition("_")
    models = apps.get_app_config(app_label).get_models()
    matching = [m for m in models if remainder.startswith(m._meta.model_name + "_")]
    return max(matching, key=lambda m: len(m._meta.model_name))


def admin_object(world, model):
    """The owner's object of an admin page's model: the visit's own, or the owner's self."""
    visit = world["visit"]
    app_label, model_name = model._meta.app_label, model._meta.model_name
    if model is Visit:
        return visit
    if app_label == "auth" and model_name == "user":
        return world["owner"]
    if app_label == "organisations":
        return {
            "organisation": visit.organiser,
            "person": world["speaker"],
            "changeproposal": world["proposal"],
        }.get(model_name, world["venue"])
    if any(field.name == "visit" for field in model._meta.get_fields()):
        return model.objects.filter(visit=visit).first()
    if any(field.name == "participant" for field in model._meta.get_fields()):
        return model.objects.filter(participant__visit=visit).first()
    return model.objects.first()


def kwargs_for(world, name: str, converters: dict, token: str) -> dict:
    """Values for a route's parameters; a parameter not known here fails the matrix."""
    visit = world["visit"]
    values = {}
    for parameter in converters:
        if parameter == "object_id" and name == "admin:view_on_site":
            values[parameter] = visit.pk
        elif parameter == "object_id":
            obj = admin_object(world, admin_model(name))
            values[parameter] = obj.pk if obj is not None else 0
        elif parameter == "id":
            values[parameter] = world["owner"].pk
        elif parameter == "content_type_id":
            values[parameter] = ContentType.objects.get_for_model(Visit).pk
        elif parameter == "token" and name == "password_reset_confirm":
            values[parameter] = default_token_generator.make_token(world["owner"])
        elif parameter == "uidb64":
            values[parameter] = urlsafe_base64_encode(force_bytes(world["owner"].pk))
        elif parameter == "token":
            values[parameter] = token
        elif parameter == "language":
            values[parameter] = "fr"
        elif parameter == "pk":
            values[parameter] = world["resource"].pk
        elif parameter == "slug":
            values[parameter] = visit.slug
        elif parameter == "languages":
            values[parameter] = "ru+fr"
        elif parameter == "paper":
            values[parameter] = "a5"
        elif parameter == "name":
            values[parameter] = world["resource"].file.name.removeprefix("resources/")
        elif parameter == "visit_id":
            values[parameter] = visit.pk
        elif parameter == "kind":
            values[parameter] = next(iter(PAPER_KINDS))
        elif parameter == "extension":
            values[parameter] = "pdf"
        elif parameter == "booklet_id":
            values[parameter] = world["booklet"].pk
        elif parameter == "app_label":
            values[parameter] = "visits"
        else:
            raise LookupError(f"{name}: add a value for <{parameter}> to kwargs_for")
    return values


# Organisers' pages that live outside /admin/.
ORGANISERS_OUTSIDE_ADMIN = {"visits:organiser_resource"}

# Pages that need a query string to be a page at all.
QUERIES = {"admin:participants_staffmember_list": "?lang=fr"}


def address(world, name: str, route: str, converters: dict, token: str) -> str:
    if name.endswith("_simple_history"):
        # django-simple-history routes one past version with two unnamed groups.
        obj = admin_object(world, admin_model(name))
        return reverse(name, args=[obj.pk, obj.history.first().history_id])
    kwargs = kwargs_for(world, name, converters, token)
    return reverse(name, kwargs=kwargs) + QUERIES.get(name, "")


def body_text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def owner_token(world, name: str) -> str:
    return (
        world["staff"].access_token
        if name.startswith("logistics:")
        else world["participant"].access_token
    )


def page_routes():
    return [(name, route, converters) for name, route, converters in routes() if name]


def test_every_url_is_in_the_matrix(world):
    unnamed = [route for name, route, _c in routes() if name is None]
    assert [route for route in unnamed if not is_redirect_or_catch_all(route)] == []
    for name, route, converters in page_routes():
        address(world, name, route, converters, owner_token(world, name))


ROLES = ("public", "participant of another visit", "organiser of another organisation")


@pytest.mark.parametrize("role", ROLES)
def test_nobody_else_reads_a_private_value_anywhere(world, role):
    client = Client()
    if role == "organiser of another organisation":
        client.force_login(world["other_organiser"])
    token = (
        world["stranger"].access_token
        if role == "participant of another visit"
        else "not-a-token-of-anyone-at-all-0000"
    )
    leaks = []
    for name, route, converters in page_routes():
        url = address(world, name, route, converters, token)
        response = client.get(url)
        if response.status_code >= 500:
            leaks.append(f"{url}: {response.status_code}")
            continue
        text = body_text(response)
        found = [secret for secret in SECRETS if secret in text]
        if found:
            leaks.append(f"{url}: {', '.join(found)}")
    assert leaks == []


def test_the_owner_gets_every_page(world):
    organiser = Client()
    organiser.force_login(world["owner"])
    personal = Client()
    refused = []
    for name, route, converters in page_routes():
        url = address(world, name, route, converters, owner_token(world, name))
        for_organisers = name.startswith("admin:") or name in ORGANISERS_OUTSIDE_ADMIN
        client = organiser if for_organisers else personal
        response = client.get(url)
        app = name.split(":", 1)[1].split("_", 1)[0] if name.startswith("admin:") else ""
        if name in ACTIONS:
            expected = {200, 302, 405}
        elif name.startswith("admin:") and app in ("auth", "axes"):
            # Accounts and lockouts are the superuser's, not an organiser's.
            expected = {403, 302}
        elif name in NO_PAGE_HERE:
            expected = NO_PAGE_HERE[name]
        else:
            expected = {200}
        if response.status_code not in expected:
            refused.append(f"{url}: {response.status_code}")
    assert refused == []


def test_the_owner_sees_what_the_others_may_not(world):
    """The matrix would pass vacuously if no page showed the secrets: the owners' do."""
    organiser = Client()
    organiser.force_login(world["owner"])
    participant_page = organiser.get(
        reverse("admin:participants_participant_change", args=[world["participant"].pk])
    )
    assert "secret-anna@example.org" in body_text(participant_page)
    assert "SECRET-NEEDS-vegetarian" in body_text(participant_page)
    session_page = organiser.get(reverse("admin:visits_session_change", args=[world["session"].pk]))
    assert "SECRET-SESSION-NOTE" in body_text(session_page)
    resource = organiser.get(
        reverse(
            "visits:organiser_resource",
            kwargs={"name": world["resource"].file.name.removeprefix("resources/")},
        )
    )
    assert body_text(resource) == "%PDF-1.4 PUBLIC-READING"
    itinerary = Client().get(
        reverse("itinerary:page", kwargs={"token": world["participant"].access_token})
    )
    assert itinerary.status_code == 200
    assert world["participant"].name_native in body_text(itinerary)


def test_a_participants_link_opens_no_other_visits_resource(world):
    stranger = world["stranger"].access_token
    response = Client().get(
        reverse("itinerary:resource", kwargs={"token": stranger, "pk": world["resource"].pk})
    )
    assert response.status_code == 404


def test_a_draft_visits_public_addresses_answer_like_missing_ones(world):
    draft = VisitFactory(organiser=world["visit"].organiser, status=Visit.Status.DRAFT)
    reading = ResourceFactory(
        visit=draft, url="", file=ContentFile(b"%PDF-1.4 DRAFT", name="draft.pdf")
    )
    for url in (
        reverse("visits:public_programme", kwargs={"slug": draft.slug}),
        reverse("visits:public_calendar", kwargs={"slug": draft.slug}),
        reverse("visits:public_resource", kwargs={"slug": draft.slug, "pk": reading.pk}),
        reverse(
            "booklets:public", kwargs={"slug": draft.slug, "languages": "ru+fr", "paper": "a5"}
        ),
    ):
        assert Client().get(url).status_code == 404, url
