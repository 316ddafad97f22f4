"""Librarians and officials in Paris and Rouen: the bilingual visit booklets print."""

import datetime as dt

from organisations.models import Organisation
from participants.models import Participant
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
from tests.scenarios.paris_rouen import PARIS
from visits.models import Session, Visit


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
