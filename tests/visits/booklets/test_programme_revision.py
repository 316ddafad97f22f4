"""The programme revision: every edit of what a booklet prints makes the next request look
for a new booklet; a request with nothing changed finds the stored file in a query or two."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from organisations.models import Organisation, Person
from participants.models import Group
from tests.factories import HotelFactory, JourneyFactory, StayFactory
from tests.scenarios import librarian as participant
from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from visits.booklets.models import Booklet
from visits.booklets.services import booklet_mode_parse, booklet_request
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    Visit,
    VisitOrganisation,
)

pytestmark = pytest.mark.django_db

RU_FR_A5 = booklet_mode_parse(languages="ru+fr", paper="a5")


def musee(visit):
    return Session.objects.get(visit=visit, title_fr="Le musée pour tous")


def first_session(visit):
    return Session.objects.filter(visit=visit).order_by("starts_at").first()


def edit(change: str, visit: Visit, anna) -> None:
    """One edit of one kind of input, made as the admin makes it (save, add, delete)."""
    if change == "visit":
        visit.title_ru = "Новое название"
        visit.save()
    elif change == "day":
        day = Day.objects.filter(visit=visit).first()
        day.city_fr = "Versailles"
        day.save()
    elif change == "day deleted":
        Day.objects.filter(visit=visit).first().delete()
    elif change == "phase":
        Phase.objects.create(
            visit=visit, title="Semaine 1", start_date=visit.start_date, end_date=visit.end_date
        )
    elif change == "session":
        session = musee(visit)
        session.title_fr = "Le musée pour chacun"
        session.save()
    elif change == "session deleted":
        musee(visit).delete()
    elif change == "session host":
        musee(visit).hosts.add(Organisation.objects.get(name_fr="Mairie du 10e arrondissement"))
    elif change == "host's sessions":
        Organisation.objects.get(name_fr="Mairie du 10e arrondissement").hosted_sessions.add(
            musee(visit)
        )
    elif change == "session speaker":
        first_session(visit).speakers.clear()
    elif change == "session groups":
        musee(visit).groups.add(Group.objects.get(visit=visit, name_fr="Élus"))
    elif change == "group's sessions":
        Group.objects.get(visit=visit, name_fr="Élus").sessions.clear()
    elif change == "resource":
        Resource.objects.create(visit=visit, title="Carte", url="https://example.org/carte")
    elif change == "emergency contact":
        contact = EmergencyContact.objects.filter(visit=visit).first()
        contact.phone = "+33 1 00 00 00 00"
        contact.save()
    elif change == "partner role":
        VisitOrganisation.objects.create(
            visit=visit,
            organisation=Organisation.objects.create(name="Fondation X"),
            role=VisitOrganisation.Role.SUPPORTER,
        )
    elif change == "group":
        group = Group.objects.filter(visit=visit).first()
        group.name_ru = "Новая группа"
        group.save()
    elif change == "participant":
        anna.name_native = "Анна Петрова"
        anna.save()
    elif change == "participant's groups":
        anna.groups.set([Group.objects.get(visit=visit, name_fr="Élus")])
    elif change == "organisation":
        organisation = Organisation.objects.get(name_fr="Musée des Beaux‑Arts de Rouen")
        organisation.description_ru = "Новое описание."
        organisation.save()
    elif change == "organiser":
        visit.organiser.name_fr = "Échanges franco‑russes"
        visit.organiser.save()
    elif change == "venue":
        venue = musee(visit).venue
        venue.address = "1 place de la Gare"
        venue.save()
    elif change == "speaker":
        person = Person.objects.filter(sessions__visit=visit).first()
        person.role_fr = "conservatrice"
        person.save()
    elif change == "speaker's organisation":
        person = Person.objects.filter(sessions__visit=visit).first()
        person.organisation.name_ru = "Другое название"
        person.organisation.save()
    elif change == "journey":
        JourneyFactory(participant=anna)
    elif change == "night":
        StayFactory(participant=anna)
    elif change == "hotel":
        hotel = anna.stays.get().hotel
        hotel.phone = "+33 1 99 99 99 99"
        hotel.save()
    else:
        raise AssertionError(change)


CHANGES = [
    "visit",
    "day",
    "day deleted",
    "phase",
    "session",
    "session deleted",
    "session host",
    "host's sessions",
    "session speaker",
    "session groups",
    "group's sessions",
    "resource",
    "emergency contact",
    "partner role",
    "group",
    "participant",
    "participant's groups",
    "organisation",
    "organiser",
    "venue",
    "speaker",
    "speaker's organisation",
    "journey",
    "night",
    "hotel",
]


@pytest.mark.parametrize("change", CHANGES)
def test_an_edit_of_each_kind_of_input_makes_the_next_request_look_again(change):
    visit = build_visit()
    anna = participant(visit)
    StayFactory(participant=anna, hotel=HotelFactory())  # her nights print in her booklet
    before = booklet_request(visit=visit, mode=RU_FR_A5, participant=anna)
    revision = Visit.objects.get(pk=visit.pk).programme_revision

    edit(change, Visit.objects.get(pk=visit.pk), anna)

    assert Visit.objects.get(pk=visit.pk).programme_revision > revision
    after = booklet_request(visit=visit, mode=RU_FR_A5, participant=anna)
    assert after.programme_key != before.programme_key


@pytest.mark.parametrize(
    "change",
    ["visit", "day", "session", "session host", "organisation", "venue", "participant"],
)
def test_a_printed_edit_makes_a_new_booklet(change):
    visit = build_visit()
    anna = participant(visit)
    before = booklet_request(visit=visit, mode=RU_FR_A5, participant=anna)
    edit(change, Visit.objects.get(pk=visit.pk), anna)
    # As a request does: the visit read again.
    visit = Visit.objects.get(pk=visit.pk)
    after = booklet_request(visit=visit, mode=RU_FR_A5, participant=anna)
    assert after.pk != before.pk
    assert after.content_version != before.content_version


def test_another_visits_edit_leaves_the_revision_alone():
    visit = build_visit()
    other = build_visit(slug="autre-visite")
    revision = Visit.objects.get(pk=visit.pk).programme_revision
    edit("session", other, participant(other))
    assert Visit.objects.get(pk=visit.pk).programme_revision == revision


def ready(booklet: Booklet) -> None:
    """As the worker leaves it: the file stored, the row ready (the file is checked)."""
    name = f"booklets/{booklet.pk}.pdf"
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(b"%PDF-1.7 stored"))
    Booklet.objects.filter(pk=booklet.pk).update(status=Booklet.Status.READY, file=name)


def test_a_request_with_nothing_changed_reads_one_row_and_no_programme():
    visit = build_visit()
    ready(booklet_request(visit=visit, mode=RU_FR_A5))

    with CaptureQueriesContext(connection) as queries:
        booklet = booklet_request(visit=visit, mode=RU_FR_A5)

    assert booklet.is_ready
    assert len(queries) == 1, [query["sql"] for query in queries]
    assert "visits_session" not in queries[0]["sql"]


def test_an_edit_that_prints_nothing_new_keys_the_stored_booklet_again():
    visit = build_visit()
    first = booklet_request(visit=visit, mode=RU_FR_A5)
    ready(first)
    session = musee(visit)
    session.private_notes = "Entrée par la cour"
    session.save()

    again = booklet_request(visit=visit, mode=RU_FR_A5)
    assert again.pk == first.pk
    with CaptureQueriesContext(connection) as queries:
        booklet_request(visit=visit, mode=RU_FR_A5)
    assert len(queries) == 1


def test_the_public_download_of_a_stored_booklet_reads_the_revision_and_streams(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    visit = build_visit()
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    (tmp_path / "booklets").mkdir()
    (tmp_path / "booklets" / f"{booklet.pk}.pdf").write_bytes(b"%PDF-1.7 stored")
    ready(booklet)
    url = f"/v/{visit.slug}/booklet/ru+fr/a5/"

    with CaptureQueriesContext(connection) as first:
        response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 stored"
    # The visit's revision, then the booklet row of that revision, which is then kept.
    assert len(first) == 2, [query["sql"] for query in first]

    with CaptureQueriesContext(connection) as again:
        response = client.get(url)
    assert b"".join(response.streaming_content) == b"%PDF-1.7 stored"
    assert len(again) == 1, [query["sql"] for query in again]
    assert Booklet.objects.count() == 1


def test_an_edit_after_a_download_is_not_answered_with_the_kept_booklet(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit = build_visit()
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    (tmp_path / "booklets").mkdir()
    (tmp_path / "booklets" / f"{booklet.pk}.pdf").write_bytes(b"%PDF-1.7 before the edit")
    ready(booklet)
    url = f"/v/{visit.slug}/booklet/ru+fr/a5/"
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.7 before the edit"

    edit("session", Visit.objects.get(pk=visit.pk), participant(visit))

    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    # Not the booklet kept for the old revision: a new one is asked for (its task is sent
    # when the request's transaction commits, so the page says it is being prepared).
    assert b"before the edit" not in content
    assert Booklet.objects.count() == 2


def test_a_kept_booklet_whose_file_was_swept_is_found_again_not_an_error(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    visit = build_visit()
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    (tmp_path / "booklets").mkdir()
    stored = tmp_path / "booklets" / f"{booklet.pk}.pdf"
    stored.write_bytes(b"%PDF-1.7 stored")
    ready(booklet)
    url = f"/v/{visit.slug}/booklet/ru+fr/a5/"
    assert client.get(url).status_code == 200

    stored.unlink()

    response = client.get(url)
    # Made again, as a new booklet is: the page says so, the row waits for its render.
    with translation.override("ru"):  # the page speaks the booklet's first language
        assert gettext("Your booklet is being made") in response.content.decode()
    assert Booklet.objects.get().status == Booklet.Status.PENDING


def test_a_visit_taken_back_to_draft_no_longer_hands_out_its_stored_booklet(
    client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    visit = build_visit()
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    ready(booklet)
    url = f"/v/{visit.slug}/booklet/ru+fr/a5/"
    assert client.get(url).status_code == 200

    # Written past the signals: the status alone decides, whatever the revision says.
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.DRAFT)

    assert client.get(url).status_code == 404
