"""Nothing lost: a visit exported, imported into an emptied installation and exported again
is the same document, files and personal links included."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from organisations.models import Organisation, Person, Venue
from participants.models import Journey, Participant, StaffMember, Stay
from tests.factories import (
    JourneyFactory,
    ParticipantFactory,
    StaffMemberFactory,
    StayFactory,
)
from tests.scenarios import librarian, librarians_in_paris_and_rouen
from visits.models import Phase, Resource, Session, TravelTime, Visit
from visits.transfer import PARTS, visit_export

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 programme of the library of Rouen \x00\xff binary"


@pytest.fixture
def visit():
    visit = librarians_in_paris_and_rouen(days=3)
    anna = librarian(visit)
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_native="Борис Петров",
        name_latin="Boris Petrov",
        role="interpreter",
    )
    session = Session.objects.get(title_fr="Le musée pour tous")
    resource = Resource(visit=visit, session=session, title_fr="Plan", title_ru="План")
    resource.file.save("plan-de-rouen.pdf", ContentFile(PDF), save=False)
    resource.save()
    TravelTime.objects.create(visit=visit, city_from="Paris", city_to="Rouen", minutes=95)
    # A phase for one group, Anna's train and nights, the interpreter as staff: nothing lost.
    phase = Phase.objects.create(
        visit=visit, title_fr="Semaine", start_date=visit.start_date, end_date=visit.end_date
    )
    phase.groups.set(anna.groups.all())
    JourneyFactory(participant=anna, transfer=session, booking_reference="SNCF42")
    StayFactory(participant=anna, check_in=visit.start_date, check_out=visit.end_date)
    StaffMemberFactory(visit=visit, sessions=[session])
    # The museum's host sheet is printed in French, here and after the move.
    session.hosts.update(language="fr")
    assert anna.groups.exists()
    return visit


def restored_session() -> Session:
    return Session.objects.get(title_fr="Le musée pour tous")


def empty_the_installation() -> None:
    for stored in Resource.objects.exclude(file=""):
        stored.file.delete(save=False)
    Visit.objects.all().delete()
    Person.objects.all().delete()
    Venue.objects.all().delete()
    Organisation.objects.all().delete()


def test_a_visit_survives_export_and_import_exactly(visit, tmp_path, client):
    first = tmp_path / "first.json"
    call_command("export_visit", visit.slug, str(first))
    exported = json.loads(first.read_text())
    token = Participant.objects.get(name_latin="Anna Ivanova").access_token

    empty_the_installation()
    call_command("import_visit", str(first))
    second = tmp_path / "second.json"
    call_command("export_visit", visit.slug, str(second))

    assert json.loads(second.read_text()) == exported
    # Every part holds what the visit has, translations included.
    assert {part.name: len(exported[part.name]) for part in PARTS} == {
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "venues": Venue.objects.count(),
        "visit_organisations": 2,
        "days": 3,
        "groups": 2,
        "phases": Phase.objects.count(),
        "sessions": Session.objects.count(),
        "participants": 2,
        "journeys": Journey.objects.count(),
        "nights": Stay.objects.count(),
        "staff": StaffMember.objects.count(),
        "emergency_contacts": 2,
        "resources": Resource.objects.count(),
        "travel_times": 1,
    }
    assert exported["visit"]["title_ru"] == Visit.objects.get().title_ru != ""
    assert exported["participants"][0]["needs"] == "Vegetarian — private"
    assert exported["journeys"][0]["booking_reference"] == "SNCF42"
    assert "fr" in {organisation["language"] for organisation in exported["organisations"]}
    assert Organisation.objects.filter(hosted_sessions=restored_session(), language="fr").exists()
    assert len(exported["phases"]) == len(exported["nights"]) == len(exported["staff"]) == 1
    # The file comes back byte for byte, and the participant's link still opens their page.
    restored = Resource.objects.get(title_fr="Plan")
    assert restored.session.title_fr == "Le musée pour tous"
    assert restored.file.read() == PDF
    page = client.get(f"/p/{token}/")
    assert page.status_code == 200
    assert "Anna Ivanova" in page.content.decode() or "Анна Иванова" in page.content.decode()


def test_shared_records_already_here_are_reused(visit):
    document = visit_export(visit=visit)
    organisations = Organisation.objects.count()
    Visit.objects.all().delete()

    from visits.transfer import visit_import

    imported = visit_import(document=document)

    assert Organisation.objects.count() == organisations
    assert imported.organiser.name_fr == "Association Échanges franco‑russes"


def test_a_visit_whose_short_name_is_taken_is_refused_without_writing(visit, tmp_path):
    export = tmp_path / "visit.json"
    call_command("export_visit", visit.slug, str(export))
    sessions = Session.objects.count()

    with pytest.raises(CommandError, match="A visit with the short name 'paris-rouen-2025'"):
        call_command("import_visit", str(export))
    assert Session.objects.count() == sessions


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "This is not a visit export (not JSON"),
        ('{"format": "other"}', "This is not a visit export in the study-visit-export/1"),
        ('{"format": "study-visit-export/1"}', "This visit export is incomplete or damaged"),
    ],
)
def test_a_damaged_file_is_refused_with_words(tmp_path, content, message):
    damaged = tmp_path / "damaged.json"
    damaged.write_text(content)

    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        call_command("import_visit", str(damaged))
    assert not Visit.objects.exists()


def test_an_unknown_visit_is_named(tmp_path):
    with pytest.raises(CommandError, match="There is no visit with the short name 'nowhere'"):
        call_command("export_visit", "nowhere", str(tmp_path / "x.json"))
