"""A visit with two groups and a delegation reading three languages, for the change tests."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from tests.factories import (
    GroupFactory,
    OrganisationFactory,
    ParticipantFactory,
    SessionFactory,
    VenueFactory,
    VisitFactory,
)

PARIS = ZoneInfo("Europe/Paris")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2019, 5, day, hour, minute, tzinfo=PARIS)


@dataclass
class Delegation:
    visit: object
    libraries: object
    museums: object
    anna: object  # libraries, reads Russian
    claire: object  # libraries, reads French
    john: object  # museums, reads English
    nadia: object  # no group, reads Russian
    library_visit: object  # for the libraries group only
    welcome: object  # for everyone


def build_delegation() -> Delegation:
    visit = VisitFactory(slug="paris-2019", organiser=OrganisationFactory(name_fr="D'EST"))
    libraries = GroupFactory(visit=visit, name_en="Libraries", name_fr="Bibliothèques")
    museums = GroupFactory(visit=visit, name_en="Museums", name_fr="Musées")
    people = {}
    for key, language, groups in (
        ("anna", "ru", [libraries]),
        ("claire", "fr", [libraries]),
        ("john", "en", [museums]),
        ("nadia", "ru", []),
    ):
        people[key] = ParticipantFactory(
            visit=visit,
            name_latin=key.title(),
            preferred_language=language,
            email=f"{key}@example.org",
            groups=groups,
        )
    hall = VenueFactory(
        name_en="Town hall", name_fr="Hôtel de Ville", name_ru="Мэрия", address="5 rue de Lobau"
    )
    library_visit = SessionFactory(
        visit=visit,
        title_en="Visit of the BnF",
        title_fr="Visite de la BnF",
        title_ru="Посещение БнФ",
        starts_at=at(14, 10),
        ends_at=at(14, 12),
        venue=hall,
        groups=[libraries],
    )
    welcome = SessionFactory(
        visit=visit,
        title_en="Welcome",
        title_fr="Accueil",
        title_ru="Приветствие",
        starts_at=at(13, 9),
        ends_at=at(13, 10),
        venue=hall,
    )
    return Delegation(
        visit, libraries, museums, library_visit=library_visit, welcome=welcome, **people
    )
