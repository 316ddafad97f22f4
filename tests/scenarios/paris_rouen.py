"""A clean two-day programme, Paris then Rouen, with nothing for the programme check to find.

Each test of the check, the visit's tools and the delegation import spoils it in one way.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from organisations.models import Organisation, Venue
from tests.factories import (
    DayFactory,
    OrganisationFactory,
    SessionFactory,
    VenueFactory,
    VisitFactory,
)
from visits.models import Session, Visit

PARIS = ZoneInfo("Europe/Paris")


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
