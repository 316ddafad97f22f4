"""A small, clean, bilingual programme that each test of the desk spoils in one way."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from visits.models import Day, Session, Visit
from visits.services import organiser_group_ensure

PARIS = ZoneInfo("Europe/Paris")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2019, 5, day, hour, minute, tzinfo=PARIS)


def organiser(username: str, organisation: Organisation):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(organiser_group_ensure())
    organisation.members.add(user)
    return user


def venue(name: str, city_fr: str, city_ru: str) -> Venue:
    return Venue.objects.create(
        name_fr=name, name_ru=name, city_fr=city_fr, city_ru=city_ru, address="1 rue X"
    )


def host(name: str) -> Organisation:
    return Organisation.objects.create(
        name_fr=name,
        name_ru=name,
        description_fr=f"{name} reçoit la délégation.",
        description_ru=f"{name} принимает делегацию.",
        city_fr="Paris",
        city_ru="Париж",
    )


def session(visit: Visit, title: str, starts, ends, **fields) -> Session:
    groups = fields.pop("groups", [])
    speakers = fields.pop("speakers", [])
    hosts = fields.pop("hosts", [])
    created = Session.objects.create(
        visit=visit,
        title_fr=title,
        title_ru=f"{title} (ru)",
        starts_at=starts,
        ends_at=ends,
        **fields,
    )
    created.groups.set(groups)
    created.speakers.set(speakers)
    created.hosts.set(hosts)
    return created


def clean_visit(slug: str = "paris-rouen-2019") -> Visit:
    """Two days, Paris then Rouen, with a lunch and a transfer: nothing to find."""
    dest = Organisation.objects.create(name_fr="D'EST", name_ru="D'EST")
    visit = Visit.objects.create(
        organiser=dest,
        slug=slug,
        title_fr="Visite d'étude à Paris et Rouen",
        title_ru="Учебный визит в Париж и Руан",
        start_date=dt.date(2019, 5, 13),
        end_date=dt.date(2019, 5, 14),
        first_language="ru",
        second_language="fr",
    )
    Day.objects.create(
        visit=visit, date=dt.date(2019, 5, 13), heading_fr="Paris", heading_ru="Париж"
    )
    Day.objects.create(
        visit=visit, date=dt.date(2019, 5, 14), heading_fr="Rouen", heading_ru="Руан"
    )
    mairie = venue("Hôtel de Ville", "Paris", "Париж")
    rouen = venue("Hôtel de Ville de Rouen", "Rouen", "Руан")
    session(
        visit,
        "Rencontre à la Mairie de Paris",
        at(13, 10),
        at(13, 12),
        venue=mairie,
        hosts=[host("Mairie de Paris")],
    )
    session(visit, "Déjeuner", at(13, 12, 30), at(13, 13, 30), kind=Session.Kind.MEAL)
    session(visit, "Train pour Rouen", at(14, 8), at(14, 9, 30), kind=Session.Kind.TRANSFER)
    session(visit, "Rencontre à la Mairie de Rouen", at(14, 10), at(14, 12), venue=rouen)
    return visit


def group(visit: Visit, name: str) -> Group:
    return Group.objects.create(visit=visit, name_fr=name, name_ru=f"{name} (ru)")


def participant(visit: Visit, name: str, groups=(), **fields) -> Participant:
    created = Participant.objects.create(visit=visit, name_latin=name, name_native=name, **fields)
    created.groups.set(groups)
    return created


def speaker(name: str) -> Person:
    return Person.objects.create(name_fr=name, name_ru=name, role_fr="maire", role_ru="мэр")
