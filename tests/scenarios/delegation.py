"""A published week in Paris with a delegation of three, read in Russian, French, English."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from tests.factories import (
    DayFactory,
    EmergencyContactFactory,
    GroupFactory,
    OrganisationFactory,
    ParticipantFactory,
    PersonFactory,
    ResourceFactory,
    SessionFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Session, Visit


def visit_time(visit: Visit, day: int, hour: int, minute: int = 0) -> dt.datetime:
    """An aware datetime on the visit's n-th day (0 is the first), in the visit's zone."""
    date = visit.start_date + dt.timedelta(days=day)
    return dt.datetime.combine(date, dt.time(hour, minute), tzinfo=ZoneInfo(visit.time_zone))


def published_visit(
    *,
    slug: str = "paris-2026",
    start: dt.date = dt.date(2026, 3, 16),
    days: int = 5,
    time_zone: str = "Europe/Paris",
    status: str = Visit.Status.PUBLISHED,
) -> Visit:
    """A visit with practical information in three languages and no programme yet."""
    return VisitFactory(
        bare=True,
        slug=slug,
        title_fr="Visite d'étude à Paris",
        title_ru="Учебный визит в Париж",
        title_en="Study visit to Paris",
        start_date=start,
        end_date=start + dt.timedelta(days=days - 1),
        time_zone=time_zone,
        organiser=OrganisationFactory(
            bare=True,
            name_fr="Association Échanges",
            name_ru="Ассоциация «Обмены»",
            name_en="Exchanges",
        ),
        status=status,
        practical_information_fr="Hôtel : prendre la ligne 4.",
        practical_information_ru="Гостиница: линия метро 4.",
        practical_information_en="Hotel: take metro line 4.",
    )


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


def delegation_in_paris(**visit_fields) -> Delegation:
    """Anna (Russian, libraries), Pyotr (French, museums) and Olga (English, no group).

    On the first day: a welcome for everyone at the Centre Pompidou (host, speaker, reading,
    interpretation noted in French only), then a library tour and a museum tour at once,
    one for each group. Private details everywhere, for the pages that must not show them.
    """
    visit = published_visit(**visit_fields)
    DayFactory(
        visit=visit,
        date=visit.start_date,
        heading_fr="Arrivée et bibliothèques",
        heading_ru="Прибытие и библиотеки",
        heading_en="Arrival and libraries",
        city_fr="Paris",
        city_ru="Париж",
        city_en="Paris",
    )
    libraries = GroupFactory(
        visit=visit, name_fr="Bibliothèques", name_ru="Библиотеки", name_en="Libraries"
    )
    museums = GroupFactory(visit=visit, name_fr="Musées", name_ru="Музеи", name_en="Museums")
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Анна Иванова",
        email="anna.ivanova@example.ru",
        preferred_language="ru",
        groups=[libraries],
        phone="+7 900 111 22 33",
        needs="Vegetarian meals",
        private_notes="Arrives late on Monday",
    )
    pierre = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Pyotr Sokolov",
        name_native="Пётр Соколов",
        email="pyotr.sokolov@example.ru",
        preferred_language="fr",
        groups=[museums],
        private_notes="Needs an invitation letter",
    )
    olga = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Olga Smirnova",
        name_native="Ольга Смирнова",
        email="olga.smirnova@example.ru",
        preferred_language="en",
    )
    host = OrganisationFactory(
        bare=True,
        name_fr="Bibliothèque publique d'information",
        name_ru="Публичная информационная библиотека",
        name_en="Public Information Library",
        description_fr="La grande bibliothèque du Centre Pompidou.",
        description_ru="Большая библиотека Центра Помпиду.",
        description_en="The large library of the Centre Pompidou.",
        website="https://www.bpi.fr/",
    )
    venue = VenueFactory(
        bare=True,
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
    speaker = PersonFactory(
        bare=True,
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
    plenary = SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 0, 9),
        ends_at=visit_time(visit, 0, 10),
        title_ru="Приветствие",
        title_fr="Accueil",
        title_en="Welcome",
        kind=Session.Kind.MEETING,
        venue=venue,
        private_notes="Budget: 300 EUR for coffee",
        interpretation=Session.Interpretation.CONSECUTIVE,
        interpretation_note_fr="russe–français",
        hosts=[host],
        speakers=[speaker],
    )
    ResourceFactory(
        bare=True,
        visit=visit,
        session=plenary,
        title_fr="Rapport annuel",
        title_ru="Годовой отчёт",
        url="https://www.bpi.fr/rapport",
    )
    library_visit = SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 0, 11),
        ends_at=visit_time(visit, 0, 12, 30),
        title_ru="Экскурсия по библиотеке",
        title_fr="Visite de la bibliothèque",
        title_en="Library tour",
        kind=Session.Kind.SITE_VISIT,
        groups=[libraries],
        private_notes="Guide paid in cash",
    )
    museum_visit = SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 0, 11),
        ends_at=visit_time(visit, 0, 12, 30),
        title_ru="Экскурсия по музею",
        title_fr="Visite du musée",
        title_en="Museum tour",
        kind=Session.Kind.SITE_VISIT,
        groups=[museums],
    )
    EmergencyContactFactory(
        bare=True,
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


def session_on_day(
    visit: Visit,
    *,
    day: int = 0,
    hour: int = 10,
    minutes: int = 90,
    title: str = "Session",
    groups=None,
    venue=None,
    **fields,
) -> Session:
    """A session on the visit's n-th day at ``hour``, titled "<title> (fr)", "(ru)", "(en)"."""
    starts_at = visit_time(visit, day, hour)
    return SessionFactory(
        bare=True,
        visit=visit,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        title_fr=fields.pop("title_fr", f"{title} (fr)"),
        title_ru=fields.pop("title_ru", f"{title} (ru)"),
        title_en=fields.pop("title_en", f"{title} (en)"),
        venue=venue,
        groups=groups or [],
        **fields,
    )
