"""Named study visits that many tests share, built from the factories in tests/factories.py.

- ``paris_rouen_programme``: a clean two-day programme (Paris, then Rouen) with nothing for
  the programme check to find; each test of the check, the visit's tools and the delegation
  import spoils it in one way.
- ``delegation_in_paris``: a published week in Paris read in Russian, French and English,
  with two groups, three participants and three sessions on the first day; what the
  itinerary, the calendars, the public page and the personal links show.
- ``librarians_in_paris_and_rouen``: a bilingual (Russian, French) visit of two to three days
  with two groups, hosts, venues, resources and emergency contacts; what booklets print.

Each record is made with ``bare=True`` and every field it needs given here, so a default
added to a factory later cannot change what these scenarios hold.
"""

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
    VisitOrganisationFactory,
)
from visits.models import Session, Visit

PARIS = ZoneInfo("Europe/Paris")


# -- a clean programme for the check ----------------------------------------------------------


def may_2019(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment of the clean programme's May 2019, in Paris."""
    return dt.datetime(2019, 5, day, hour, minute, tzinfo=PARIS)


def plain_session(visit: Visit, title: str, starts, ends, **fields) -> Session:
    """A session as organisers first type it: a French title, its Russian twin, nothing else."""
    return SessionFactory(
        bare=True,
        visit=visit,
        title_fr=title,
        title_ru=f"{title} (ru)",
        starts_at=starts,
        ends_at=ends,
        **fields,
    )


def plain_venue(name: str, city_fr: str, city_ru: str) -> Venue:
    return VenueFactory(
        bare=True, name_fr=name, name_ru=name, city_fr=city_fr, city_ru=city_ru, address="1 rue X"
    )


def plain_host(name: str) -> Organisation:
    return OrganisationFactory(
        bare=True,
        name_fr=name,
        name_ru=name,
        description_fr=f"{name} reçoit la délégation.",
        description_ru=f"{name} принимает делегацию.",
        city_fr="Paris",
        city_ru="Париж",
    )


def paris_rouen_programme(slug: str = "paris-rouen-2019") -> Visit:
    """Two days, Paris then Rouen, with a lunch and a transfer: nothing to find."""
    visit = VisitFactory(
        bare=True,
        organiser=OrganisationFactory(bare=True, name_fr="D'EST", name_ru="D'EST"),
        slug=slug,
        title_fr="Visite d'étude à Paris et Rouen",
        title_ru="Учебный визит в Париж и Руан",
        start_date=dt.date(2019, 5, 13),
        end_date=dt.date(2019, 5, 14),
        first_language="ru",
        second_language="fr",
    )
    DayFactory(
        bare=True, visit=visit, date=dt.date(2019, 5, 13), heading_fr="Paris", heading_ru="Париж"
    )
    DayFactory(
        bare=True, visit=visit, date=dt.date(2019, 5, 14), heading_fr="Rouen", heading_ru="Руан"
    )
    mairie = plain_venue("Hôtel de Ville", "Paris", "Париж")
    rouen = plain_venue("Hôtel de Ville de Rouen", "Rouen", "Руан")
    plain_session(
        visit,
        "Rencontre à la Mairie de Paris",
        may_2019(13, 10),
        may_2019(13, 12),
        venue=mairie,
        hosts=[plain_host("Mairie de Paris")],
    )
    plain_session(
        visit, "Déjeuner", may_2019(13, 12, 30), may_2019(13, 13, 30), kind=Session.Kind.MEAL
    )
    plain_session(
        visit,
        "Train pour Rouen",
        may_2019(14, 8),
        may_2019(14, 9, 30),
        kind=Session.Kind.TRANSFER,
    )
    plain_session(
        visit, "Rencontre à la Mairie de Rouen", may_2019(14, 10), may_2019(14, 12), venue=rouen
    )
    return visit


# -- a delegation in Paris ----------------------------------------------------------------------


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


# -- librarians in Paris and Rouen, for booklets -------------------------------------------------


def may_2025(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 5, day, hour, minute, tzinfo=PARIS)


def librarians_in_paris_and_rouen(
    *, slug: str = "paris-rouen-2025", days: int = 3, extra_sessions: int = 0
) -> Visit:
    """A Russian delegation of librarians and officials, from 12 May 2025, in two groups.

    ``days`` days (Paris, Paris, Rouen); ``extra_sessions`` adds round tables each day. Its
    text uses on purpose the characters a careless font lacks: guillemets, №, en and em
    dashes, no-break spaces (U+00A0, U+202F) and the non-breaking hyphen (U+2011).
    """
    organiser = OrganisationFactory(
        bare=True,
        name_fr="Association Échanges franco‑russes",
        name_ru="Ассоциация «Франко‑российские обмены»",
        kind=Organisation.Kind.ASSOCIATION,
        city_fr="Paris",
        city_ru="Париж",
    )
    embassy = OrganisationFactory(
        bare=True,
        name_fr="Institut culturel de Paris",
        name_ru="Парижский культурный институт",
        kind=Organisation.Kind.CULTURAL_CENTRE,
    )
    sending = OrganisationFactory(
        bare=True,
        name_fr="Bibliothèque régionale de Iaroslavl",
        name_ru="Ярославская областная библиотека",
        kind=Organisation.Kind.LIBRARY,
    )
    mediatheque = OrganisationFactory(
        bare=True,
        name_fr="Médiathèque Françoise‑Sagan",
        name_ru="Медиатека имени Франсуазы Саган",
        kind=Organisation.Kind.LIBRARY,
        description_fr=(
            "Une médiathèque de quartier ouverte en 2015 dans l’ancien hôpital Saint‑Lazare\u202f:"
            " 100\u00a0000 documents, un fonds jeunesse et des ateliers numériques.\n\n"
            "Elle accueille chaque année plus de 300 classes — un exemple de « troisième lieu »."
        ),
        description_ru=(
            "Районная медиатека, открытая в 2015 году в здании бывшей больницы Сен‑Лазар:"
            " 100\u00a0000 единиц хранения, детский фонд и цифровые мастерские.\n\n"
            "Ежегодно принимает более 300 школьных классов — пример «третьего места»."
        ),
        website="https://www.mediatheque-sagan.example.org/",
        city_fr="Paris",
        city_ru="Париж",
        country_fr="France",
        country_ru="Франция",
    )
    mairie = OrganisationFactory(
        bare=True,
        name_fr="Mairie du 10e arrondissement",
        name_ru="Мэрия 10‑го округа Парижа",
        kind=Organisation.Kind.MUNICIPALITY,
        description_fr="Service de la démocratie locale et des conseils de quartier.",
        description_ru="Отдел местной демократии и советов кварталов.",
        website="https://mairie10.example.org",
        city_fr="Paris",
        city_ru="Париж",
    )
    musee = OrganisationFactory(
        bare=True,
        name_fr="Musée des Beaux‑Arts de Rouen",
        name_ru="Музей изящных искусств Руана",
        kind=Organisation.Kind.MUSEUM,
        description_fr="Collections de peinture du XVe au XXIe siècle – médiation pour tous.",
        description_ru="Собрание живописи XV–XXI веков; программы для всех посетителей.",
        city_fr="Rouen",
        city_ru="Руан",
    )
    visit = VisitFactory(
        bare=True,
        slug=slug,
        title_fr="Bibliothèques et participation citoyenne",
        title_ru="Библиотеки и гражданское участие",
        subtitle_fr="Visite d’étude d’une délégation de bibliothécaires russes",
        subtitle_ru="Учебный визит делегации российских библиотекарей",
        start_date=dt.date(2025, 5, 12),
        end_date=dt.date(2025, 5, 11 + days),
        cities_fr="Paris, Rouen",
        cities_ru="Париж, Руан",
        organiser=organiser,
        first_language="ru",
        second_language="fr",
        goals_fr="Découvrir comment les bibliothèques françaises associent les habitants.",
        goals_ru="Узнать, как французские библиотеки вовлекают жителей.",
        content_fr="Rencontres, ateliers et visites de terrain.\nTrois jours, deux villes.",
        content_ru="Встречи, мастер-классы и выезды на места.\nТри дня, два города.",
        themes_fr="Participation des habitants\nMédiation numérique\nAccessibilité",
        themes_ru="Участие жителей\nЦифровая медиация\nДоступность",
        status=Visit.Status.PUBLISHED,
    )
    VisitOrganisationFactory(visit=visit, organisation=embassy, role="supporter")
    VisitOrganisationFactory(visit=visit, organisation=sending, role="sending")
    bibliothecaire = PersonFactory(
        bare=True,
        name_fr="Claire Dubois",
        name_ru="Клер Дюбуа",
        role_fr="directrice",
        role_ru="директор",
        organisation=mediatheque,
        phone="+33 6 00 00 00 01",
    )
    salle = VenueFactory(
        bare=True,
        name_fr="Médiathèque Françoise‑Sagan, salle № 2",
        name_ru="Медиатека Франсуазы Саган, зал № 2",
        address="8 rue Léon‑Schwartzenberg",
        postal_code="75010",
        city_fr="Paris",
        city_ru="Париж",
        directions_fr="Métro Gare de l’Est, sortie 3.",
        directions_ru="Метро Gare de l’Est, выход 3.",
        organisation=mediatheque,
    )
    mairie_venue = VenueFactory(
        bare=True,
        name_fr="Mairie du 10e, salle des fêtes",
        name_ru="Мэрия 10‑го округа, праздничный зал",
        address="72 rue du Faubourg‑Saint‑Martin",
        postal_code="75010",
        city_fr="Paris",
        city_ru="Париж",
    )
    musee_venue = VenueFactory(
        bare=True,
        name_fr="Musée des Beaux‑Arts",
        name_ru="Музей изящных искусств",
        address="Esplanade Marcel‑Duchamp",
        postal_code="76000",
        city_fr="Rouen",
        city_ru="Руан",
    )
    librarians = GroupFactory(
        bare=True, visit=visit, name_fr="Bibliothécaires", name_ru="Библиотекари"
    )
    officials = GroupFactory(bare=True, visit=visit, name_fr="Élus", name_ru="Депутаты")

    cities = [("Paris", "Париж"), ("Paris", "Париж"), ("Rouen", "Руан")]
    for index in range(days):
        city_fr, city_ru = cities[index % len(cities)]
        DayFactory(
            bare=True,
            visit=visit,
            date=dt.date(2025, 5, 12 + index),
            heading_fr=f"Journée {index + 1} : {city_fr}",
            heading_ru=f"День {index + 1}: {city_ru}",
            city_fr=city_fr,
            city_ru=city_ru,
        )

    SessionFactory(
        bare=True,
        visit=visit,
        kind=Session.Kind.SITE_VISIT,
        starts_at=may_2025(12, 9, 30),
        ends_at=may_2025(12, 11),
        title_fr="Visite de la médiathèque Françoise‑Sagan",
        title_ru="Посещение медиатеки Франсуазы Саган",
        description_fr="Présentation des espaces et des services « hors les murs ».",
        description_ru="Знакомство с пространствами и выездными службами.",
        venue=salle,
        interpretation=Session.Interpretation.CONSECUTIVE,
        interpretation_note_fr="russe – français",
        interpretation_note_ru="русский – французский",
        hosts=[mediatheque],
        speakers=[bibliothecaire],
    )
    SessionFactory(
        bare=True,
        visit=visit,
        kind=Session.Kind.MEETING,
        starts_at=may_2025(12, 14),
        ends_at=may_2025(12, 16),
        title_fr="Conseils de quartier : comment ça marche ?",
        title_ru="Советы кварталов: как это работает?",
        venue=mairie_venue,
        private_notes="Code de la porte 1234 — never printed",
        hosts=[mairie],
        groups=[officials],
    )
    SessionFactory(
        bare=True,
        visit=visit,
        kind=Session.Kind.WORKSHOP,
        starts_at=may_2025(12, 14),
        ends_at=may_2025(12, 16),
        title_fr="Atelier de médiation numérique",
        title_ru="Мастер-класс по цифровой медиации",
        venue=salle,
        hosts=[mediatheque],
        groups=[librarians],
    )
    if days >= 3:
        SessionFactory(
            bare=True,
            visit=visit,
            kind=Session.Kind.SITE_VISIT,
            starts_at=may_2025(14, 10),
            ends_at=may_2025(14, 12, 30),
            title_fr="Le musée pour tous",
            title_ru="Музей для всех",
            venue=musee_venue,
            hosts=[musee],
        )
        SessionFactory(
            bare=True,
            visit=visit,
            kind=Session.Kind.TRANSFER,
            starts_at=may_2025(14, 7, 45),
            ends_at=may_2025(14, 9, 15),
            title_fr="Train Paris‑Saint‑Lazare — Rouen",
            title_ru="Поезд Париж — Руан",
            meeting_point_fr="Gare Saint‑Lazare, sous l’horloge",
            meeting_point_ru="Вокзал Сен-Лазар, под часами",
        )
    for index in range(extra_sessions * days):
        day = 12 + index % days
        hour = 17 + (index // days) % 5
        SessionFactory(
            bare=True,
            visit=visit,
            kind=Session.Kind.DISCUSSION,
            starts_at=may_2025(day, hour),
            ends_at=may_2025(day, hour, 50),
            title_fr=f"Table ronde n° {index + 1} : lire en ville",
            title_ru=f"Круглый стол № {index + 1}: чтение в городе",
            description_fr="Échanges avec les bibliothécaires et les habitants du quartier. " * 3,
            description_ru="Обмен опытом с библиотекарями и жителями квартала. " * 3,
            venue=salle if index % 2 else mairie_venue,
            hosts=[mediatheque if index % 2 else mairie],
        )
    ResourceFactory(
        bare=True,
        visit=visit,
        title_fr="Plan lecture publique 2024",
        title_ru="План развития публичного чтения 2024",
        summary_fr="Le plan de la Ville en 20 pages.",
        summary_ru="План города на 20 страницах.",
        url="https://www.example.org/plan-lecture.pdf",
    )
    EmergencyContactFactory(
        bare=True,
        visit=visit,
        name="Marie Lefèvre",
        role_fr="coordinatrice de la visite",
        role_ru="координатор визита",
        phone="+33 6 12 34 56 78",
        email="marie@example.org",
    )
    EmergencyContactFactory(
        bare=True,
        visit=visit,
        name="Ольга Петрова",
        role_fr="interprète",
        role_ru="переводчик",
        phone="+33 7 98 76 54 32",
    )
    return visit


def librarian(visit: Visit, *, group_name_fr: str = "Bibliothécaires") -> Participant:
    """Anna Ivanova, in the named group of ``librarians_in_paris_and_rouen``."""
    return ParticipantFactory(
        bare=True,
        visit=visit,
        name_native="Анна Иванова",
        name_latin="Anna Ivanova",
        email="anna@example.org",
        phone="+7 900 000 00 00",
        needs="Vegetarian — private",
        groups=[visit.groups.get(name_fr=group_name_fr)],
    )
