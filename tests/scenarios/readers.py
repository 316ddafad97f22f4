"""Four readers in three languages and two groups, for what participants are told."""

from dataclasses import dataclass

from tests.factories import (
    GroupFactory,
    OrganisationFactory,
    ParticipantFactory,
    SessionFactory,
    VenueFactory,
    VisitFactory,
)
from tests.scenarios.paris_rouen import may_2019


@dataclass
class Readers:
    visit: object
    libraries: object
    museums: object
    anna: object  # libraries, reads Russian
    claire: object  # libraries, reads French
    john: object  # museums, reads English
    nadia: object  # no group, reads Russian
    library_visit: object  # for the libraries group only
    welcome: object  # for everyone


def readers_in_paris() -> Readers:
    """Anna (ru) and Claire (fr) in the libraries group, John (en) in museums, Nadia (ru) in
    none; a library visit for the libraries group and a welcome for everyone."""
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
        starts_at=may_2019(14, 10),
        ends_at=may_2019(14, 12),
        venue=hall,
        groups=[libraries],
    )
    welcome = SessionFactory(
        visit=visit,
        title_en="Welcome",
        title_fr="Accueil",
        title_ru="Приветствие",
        starts_at=may_2019(13, 9),
        ends_at=may_2019(13, 10),
        venue=hall,
    )
    return Readers(
        visit, libraries, museums, library_visit=library_visit, welcome=welcome, **people
    )
