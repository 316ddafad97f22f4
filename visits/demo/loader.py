"""The two demo visits, written into the database by ``manage.py load_demo``.

Loading is idempotent: every row is found again by a natural key (a visit by its slug, an
organisation by its French name, a venue by its French name and city, a session by its
visit, start and French title, a participant by visit and e-mail) and updated in place,
so a second run changes nothing and keeps every participant's personal link. The demo
visits belong to the loader: days, sessions, groups, participants, resources, contacts and
partner roles of those two visits that the data no longer lists are removed. Shared
records (organisations, venues, people) are never deleted.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from visits.demo import cifer, paris_rouen
from visits.demo.logistics import demo_logistics_load
from visits.demo.organisations import ORGANISATIONS
from visits.demo.people import PEOPLE
from visits.demo.records import ResourceRecord, SessionRecord, VisitRecord, same
from visits.demo.venues import VENUES
from visits.models import Day, EmergencyContact, Resource, Session, Visit, VisitOrganisation
from visits.services import organiser_group_ensure, shared_record_owners_fill

DEMO_VISITS: tuple[VisitRecord, ...] = (paris_rouen.VISIT, cifer.VISIT)
FILES = Path(__file__).resolve().parent / "files"

DEMO_ORGANISER_USERNAME = "organiser"
# The demo organiser works for the organisers of both demo visits.
DEMO_ORGANISER_ORGANISATIONS = ("dest", "france-terre-asile")


@dataclass
class Catalogue:
    """The shared rows of the demo, by the keys the demo data uses."""

    organisations: dict[str, Organisation]
    venues: dict[str, Venue]
    people: dict[str, Person]


def demo_load() -> list[Visit]:
    """Create or refresh the shared records and both demo visits; return the visits.

    Runs in one transaction: a failure leaves the database as it was. Resource files are
    written through the default storage (MEDIA_ROOT) only when missing or changed.
    """
    with transaction.atomic():
        catalogue = _catalogue_load()
        visits = [_visit_load(record, catalogue) for record in DEMO_VISITS]
        demo_logistics_load(next(v for v in visits if v.slug == paris_rouen.VISIT.slug))
        # Each organisation, venue and speaker is kept by the organiser who first uses it.
        shared_record_owners_fill()
        return visits


def demo_organiser_ensure(*, password: str) -> AbstractBaseUser:
    """Create or refresh the staff account ``organiser`` for the demo visits.

    Staff, never superuser: it sees the demo visits because it belongs to their organising
    organisations, as a real organiser would. The password is set on every run so that it
    always matches the one printed.
    """
    with transaction.atomic():
        user, _created = get_user_model().objects.get_or_create(
            username=DEMO_ORGANISER_USERNAME,
            defaults={"email": "organiser@example.org"},
        )
        user.is_staff = True
        user.is_superuser = False
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(organiser_group_ensure())
        for key in DEMO_ORGANISER_ORGANISATIONS:
            _organisation_find(key).members.add(user)
        return user


def _organisation_find(key: str) -> Organisation:
    return Organisation.objects.get(name_fr=ORGANISATIONS[key].name.fr)


def _catalogue_load() -> Catalogue:
    organisations = {}
    for key, record in ORGANISATIONS.items():
        organisations[key], _ = Organisation.objects.update_or_create(
            name_fr=record.name.fr,
            defaults={
                **record.name.columns("name"),
                **record.description.columns("description"),
                **record.city.columns("city"),
                **record.country.columns("country"),
                "kind": record.kind,
                "language": record.language,
                "website": record.website,
            },
        )
    venues = {}
    for key, record in VENUES.items():
        venues[key], _ = Venue.objects.update_or_create(
            name_fr=record.name.fr,
            city_fr=record.city.fr,
            defaults={
                **record.name.columns("name"),
                **record.city.columns("city"),
                **record.country.columns("country"),
                **record.directions.columns("directions"),
                "address": record.address,
                "postal_code": record.postal_code,
                "latitude": Decimal(record.latitude) if record.latitude else None,
                "longitude": Decimal(record.longitude) if record.longitude else None,
                "organisation": organisations.get(record.organisation),
            },
        )
    people = {}
    for key, record in PEOPLE.items():
        people[key], _ = Person.objects.update_or_create(
            name_fr=record.name,
            organisation=organisations.get(record.organisation),
            defaults={
                **same(record.name).columns("name"),
                **record.role.columns("role"),
                "private_notes": record.private_notes,
            },
        )
    return Catalogue(organisations=organisations, venues=venues, people=people)


def _visit_load(record: VisitRecord, catalogue: Catalogue) -> Visit:
    visit, _ = Visit.objects.update_or_create(
        slug=record.slug,
        defaults={
            **record.title.columns("title"),
            **record.subtitle.columns("subtitle"),
            **record.cities.columns("cities"),
            **record.goals.columns("goals"),
            **record.content.columns("content"),
            **record.themes.columns("themes"),
            **record.practical_information.columns("practical_information"),
            **record.schedule_note.columns("schedule_note"),
            "start_date": record.start_date,
            "end_date": record.end_date,
            "time_zone": record.time_zone,
            "organiser": catalogue.organisations[record.organiser],
            "first_language": record.first_language,
            "second_language": record.second_language,
            "status": record.status,
        },
    )

    roles = []
    for position, (key, role) in enumerate(record.partners):
        row, _ = VisitOrganisation.objects.update_or_create(
            visit=visit,
            organisation=catalogue.organisations[key],
            role=role,
            defaults={"position": position},
        )
        roles.append(row.pk)
    visit.organisation_roles.exclude(pk__in=roles).delete()

    days = []
    for day in record.days:
        row, _ = Day.objects.update_or_create(
            visit=visit,
            date=day.date,
            defaults={**day.heading.columns("heading"), **day.city.columns("city")},
        )
        days.append(row.pk)
    visit.days.exclude(pk__in=days).delete()

    groups = {}
    for key, group in record.groups.items():
        groups[key], _ = Group.objects.update_or_create(
            visit=visit,
            name_fr=group.name.fr,
            defaults={**group.name.columns("name"), **group.description.columns("description")},
        )
    visit.groups.exclude(pk__in=[group.pk for group in groups.values()]).delete()

    sessions = {}
    kept = []
    for session in record.sessions:
        row = _session_load(visit, session, catalogue, groups)
        kept.append(row.pk)
        if session.key:
            sessions[session.key] = row
    visit.sessions.exclude(pk__in=kept).delete()

    participants = []
    for person in record.participants:
        row, _ = Participant.objects.update_or_create(
            visit=visit,
            email=person.email,
            defaults={
                "name_native": person.name_native,
                "name_latin": person.name_latin,
                "home_organisation": person.home_organisation,
                "position": person.position,
                "city": person.city,
                "preferred_language": person.preferred_language,
                "role": person.role,
                "phone": person.phone,
                "needs": person.needs,
                "private_notes": person.private_notes,
            },
        )
        row.groups.set([groups[key] for key in person.groups])
        participants.append(row.pk)
    visit.participants.exclude(pk__in=participants).delete()

    contacts = []
    for position, contact in enumerate(record.emergency_contacts):
        row, _ = EmergencyContact.objects.update_or_create(
            visit=visit,
            name=contact.name,
            defaults={
                **contact.role.columns("role"),
                "phone": contact.phone,
                "email": contact.email,
                "position": position,
            },
        )
        contacts.append(row.pk)
    visit.emergency_contacts.exclude(pk__in=contacts).delete()

    resources = [
        _resource_load(visit, resource, position, sessions).pk
        for position, resource in enumerate(record.resources)
    ]
    visit.resources.exclude(pk__in=resources).delete()
    return visit


def _session_load(
    visit: Visit, record: SessionRecord, catalogue: Catalogue, groups: dict[str, Group]
) -> Session:
    starts_at, ends_at = (
        dt.datetime.combine(record.date, dt.time.fromisoformat(moment), tzinfo=visit.zone)
        for moment in (record.start, record.end)
    )
    session, _ = Session.objects.update_or_create(
        visit=visit,
        starts_at=starts_at,
        title_fr=record.title.fr,
        defaults={
            **record.title.columns("title"),
            **record.description.columns("description"),
            **record.meeting_point.columns("meeting_point"),
            **record.interpretation_note.columns("interpretation_note"),
            "ends_at": ends_at,
            "kind": record.kind,
            "venue": catalogue.venues[record.venue] if record.venue else None,
            "interpretation": record.interpretation,
            "private_notes": record.private_notes,
        },
    )
    session.hosts.set([catalogue.organisations[key] for key in record.hosts])
    session.speakers.set([catalogue.people[key] for key in record.speakers])
    session.groups.set([groups[key] for key in record.groups])
    return session


def _resource_load(
    visit: Visit, record: ResourceRecord, position: int, sessions: dict[str, Session]
) -> Resource:
    resource = Resource.objects.filter(visit=visit, title_fr=record.title.fr).first()
    if resource is None:
        resource = Resource(visit=visit)
    for name, value in {
        **record.title.columns("title"),
        **record.summary.columns("summary"),
    }.items():
        setattr(resource, name, value)
    resource.session = sessions[record.session] if record.session else None
    resource.language = record.language
    resource.position = position

    content = (FILES / record.file_name).read_bytes()
    if not _stored_file_matches(resource, content):
        old_name = resource.file.name if resource.file else ""
        resource.file.save(record.file_name, ContentFile(content), save=False)
        if old_name and old_name != resource.file.name:
            resource.file.storage.delete(old_name)
    resource.save()
    return resource


def _stored_file_matches(resource: Resource, content: bytes) -> bool:
    """Whether the resource already holds exactly this file, so a rerun writes nothing."""
    if not resource.file:
        return False
    storage = resource.file.storage
    if not storage.exists(resource.file.name):
        return False
    with storage.open(resource.file.name, "rb") as stored:
        return stored.read() == content
