"""Small builders of programmes for the itinerary and public-page tests.

Plain functions rather than fixtures so that tests in other folders (the public programme)
build the very same delegation.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from visits.models import Day, EmergencyContact, Resource, Session, Visit


def build_visit(
    *,
    slug: str = "paris-2026",
    start: datetime.date = datetime.date(2026, 3, 16),
    days: int = 5,
    time_zone: str = "Europe/Paris",
    status: str = Visit.Status.PUBLISHED,
) -> Visit:
    organiser = Organisation.objects.create(
        name_fr="Association Échanges", name_ru="Ассоциация «Обмены»", name_en="Exchanges"
    )
    return Visit.objects.create(
        slug=slug,
        title_fr="Visite d'étude à Paris",
        title_ru="Учебный визит в Париж",
        title_en="Study visit to Paris",
        start_date=start,
        end_date=start + datetime.timedelta(days=days - 1),
        time_zone=time_zone,
        organiser=organiser,
        status=status,
        practical_information_fr="Hôtel : prendre la ligne 4.",
        practical_information_ru="Гостиница: линия метро 4.",
        practical_information_en="Hotel: take metro line 4.",
    )


def at(visit: Visit, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware datetime on the visit's n-th day (0 is the first), in the visit's zone."""
    date = visit.start_date + datetime.timedelta(days=day)
    return datetime.datetime.combine(
        date, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(visit.time_zone)
    )


def build_session(
    visit: Visit,
    *,
    day: int = 0,
    hour: int = 10,
    minutes: int = 90,
    title: str = "Session",
    groups: list[Group] | None = None,
    venue: Venue | None = None,
    **fields,
) -> Session:
    starts_at = at(visit, day, hour)
    session = Session.objects.create(
        visit=visit,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=minutes),
        title_fr=fields.pop("title_fr", f"{title} (fr)"),
        title_ru=fields.pop("title_ru", f"{title} (ru)"),
        title_en=fields.pop("title_en", f"{title} (en)"),
        venue=venue,
        **fields,
    )
    if groups:
        session.groups.set(groups)
    return session


def build_participant(
    visit: Visit,
    *,
    name_latin: str,
    name_native: str = "",
    email: str = "",
    preferred_language: str = "ru",
    groups: list[Group] | None = None,
    **fields,
) -> Participant:
    participant = Participant.objects.create(
        visit=visit,
        name_latin=name_latin,
        name_native=name_native or name_latin,
        email=email,
        preferred_language=preferred_language,
        **fields,
    )
    if groups:
        participant.groups.set(groups)
    return participant


@dataclass
class Delegation:
    visit: Visit
    libraries: Group
    museums: Group
    anna: Participant
    pierre: Participant
    olga: Participant
    plenary: Session
    library_visit: Session
    museum_visit: Session
    venue: Venue
    host: Organisation
    speaker: Person

    @property
    def participants(self) -> list[Participant]:
        return [self.anna, self.pierre, self.olga]


def build_delegation(**visit_fields) -> Delegation:
    """A visit with two groups, three participants and three sessions on the first day."""
    visit = build_visit(**visit_fields)
    Day.objects.create(
        visit=visit,
        date=visit.start_date,
        heading_fr="Arrivée et bibliothèques",
        heading_ru="Прибытие и библиотеки",
        heading_en="Arrival and libraries",
        city_fr="Paris",
        city_ru="Париж",
        city_en="Paris",
    )
    libraries = Group.objects.create(
        visit=visit, name_fr="Bibliothèques", name_ru="Библиотеки", name_en="Libraries"
    )
    museums = Group.objects.create(
        visit=visit, name_fr="Musées", name_ru="Музеи", name_en="Museums"
    )
    anna = build_participant(
        visit,
        name_latin="Anna Ivanova",
        name_native="Анна Иванова",
        email="anna.ivanova@example.ru",
        preferred_language="ru",
        groups=[libraries],
        phone="+7 900 111 22 33",
        needs="Vegetarian meals",
        private_notes="Arrives late on Monday",
    )
    pierre = build_participant(
        visit,
        name_latin="Pyotr Sokolov",
        name_native="Пётр Соколов",
        email="pyotr.sokolov@example.ru",
        preferred_language="fr",
        groups=[museums],
        private_notes="Needs an invitation letter",
    )
    olga = build_participant(
        visit,
        name_latin="Olga Smirnova",
        name_native="Ольга Смирнова",
        email="olga.smirnova@example.ru",
        preferred_language="en",
    )
    host = Organisation.objects.create(
        name_fr="Bibliothèque publique d'information",
        name_ru="Публичная информационная библиотека",
        name_en="Public Information Library",
        description_fr="La grande bibliothèque du Centre Pompidou.",
        description_ru="Большая библиотека Центра Помпиду.",
        description_en="The large library of the Centre Pompidou.",
        website="https://www.bpi.fr/",
    )
    venue = Venue.objects.create(
        name_fr="Centre Pompidou",
        name_ru="Центр Помпиду",
        name_en="Centre Pompidou",
        address="Place Georges-Pompidou",
        postal_code="75004",
        city_fr="Paris",
        city_ru="Париж",
        city_en="Paris",
        country_fr="France",
        latitude="48.860611",
        longitude="2.352228",
        directions_fr="Métro Rambuteau, entrée rue du Renard.",
        directions_ru="Метро Rambuteau, вход с улицы Ренар.",
    )
    speaker = Person.objects.create(
        name_fr="Claire Martin",
        name_ru="Клэр Мартен",
        name_en="Claire Martin",
        role_fr="directrice",
        role_ru="директор",
        role_en="director",
        organisation=host,
        email="claire.martin@bpi.example.fr",
        phone="+33 1 44 78 12 33",
        private_notes="Prefers mornings",
    )
    plenary = build_session(
        visit,
        hour=9,
        minutes=60,
        title="Welcome",
        title_ru="Приветствие",
        title_fr="Accueil",
        title_en="Welcome",
        kind=Session.Kind.MEETING,
        venue=venue,
        private_notes="Budget: 300 EUR for coffee",
        interpretation=Session.Interpretation.CONSECUTIVE,
        interpretation_note_fr="russe–français",
    )
    plenary.hosts.set([host])
    plenary.speakers.set([speaker])
    Resource.objects.create(
        visit=visit,
        session=plenary,
        title_fr="Rapport annuel",
        title_ru="Годовой отчёт",
        url="https://www.bpi.fr/rapport",
    )
    library_visit = build_session(
        visit,
        hour=11,
        title="Library tour",
        title_ru="Экскурсия по библиотеке",
        title_fr="Visite de la bibliothèque",
        title_en="Library tour",
        kind=Session.Kind.SITE_VISIT,
        groups=[libraries],
        private_notes="Guide paid in cash",
    )
    museum_visit = build_session(
        visit,
        hour=11,
        title="Museum tour",
        title_ru="Экскурсия по музею",
        title_fr="Visite du musée",
        title_en="Museum tour",
        kind=Session.Kind.SITE_VISIT,
        groups=[museums],
    )
    EmergencyContact.objects.create(
        visit=visit,
        name="Marie Dubois",
        role_fr="coordinatrice",
        role_ru="координатор",
        phone="+33 6 12 34 56 78",
        email="marie.dubois@echanges.example.org",
    )
    return Delegation(
        visit=visit,
        libraries=libraries,
        museums=museums,
        anna=anna,
        pierre=pierre,
        olga=olga,
        plenary=plenary,
        library_visit=library_visit,
        museum_visit=museum_visit,
        venue=venue,
        host=host,
        speaker=speaker,
    )
