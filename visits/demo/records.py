"""The shapes the demo data is written in: plain frozen records, no database in sight.

Keys such as ``"mairie-paris"`` tie the records together inside the demo data only; in the
database every row is found again by its natural key (see ``visits.demo``).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings


@dataclass(frozen=True)
class Text:
    """One text in every language of the portal. A language left empty falls back on read."""

    ru: str = ""
    fr: str = ""
    en: str = ""

    def columns(self, name: str) -> dict[str, str]:
        # The languages come from settings; one added there and not here stays empty.
        return {
            f"{name}_{code}": getattr(self, code, "").strip() for code, _label in settings.LANGUAGES
        }


def same(value: str) -> Text:
    """A proper name written alike in every language."""
    return Text(ru=value, fr=value, en=value)


@dataclass(frozen=True)
class OrganisationRecord:
    name: Text
    kind: str
    description: Text
    website: str = ""
    # The language its host sheet is printed in; empty for a language the portal lacks.
    language: str = ""
    city: Text = Text()
    country: Text = Text()


@dataclass(frozen=True)
class VenueRecord:
    name: Text
    city: Text
    organisation: str = ""
    address: str = ""
    postal_code: str = ""
    country: Text = Text()
    latitude: str | None = None
    longitude: str | None = None
    directions: Text = Text()


@dataclass(frozen=True)
class PersonRecord:
    name: str
    role: Text
    organisation: str = ""
    private_notes: str = ""


@dataclass(frozen=True)
class DayRecord:
    date: dt.date
    heading: Text
    city: Text


@dataclass(frozen=True)
class GroupRecord:
    name: Text
    description: Text = Text()


@dataclass(frozen=True)
class SessionRecord:
    date: dt.date
    start: str
    end: str
    kind: str
    title: Text
    description: Text = Text()
    venue: str = ""
    hosts: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    interpretation: str = ""
    interpretation_note: Text = Text()
    meeting_point: Text = Text()
    private_notes: str = ""
    # Lets a resource name the session it belongs to.
    key: str = ""


@dataclass(frozen=True)
class ParticipantRecord:
    name_native: str
    name_latin: str
    email: str
    home_organisation: str = ""
    position: str = ""
    city: str = ""
    preferred_language: str = "ru"
    role: str = "delegate"
    groups: tuple[str, ...] = ()
    phone: str = ""
    needs: str = ""
    private_notes: str = ""


@dataclass(frozen=True)
class EmergencyContactRecord:
    name: str
    role: Text
    phone: str
    email: str = ""


@dataclass(frozen=True)
class ResourceRecord:
    title: Text
    summary: Text
    file_name: str
    language: str
    session: str = ""


@dataclass(frozen=True)
class VisitRecord:
    slug: str
    title: Text
    subtitle: Text
    cities: Text
    start_date: dt.date
    end_date: dt.date
    organiser: str
    first_language: str
    second_language: str
    goals: Text
    content: Text
    themes: Text
    practical_information: Text
    schedule_note: Text
    time_zone: str = "Europe/Paris"
    status: str = "published"
    # (organisation key, VisitOrganisation.Role value), in the order they are printed.
    partners: tuple[tuple[str, str], ...] = ()
    days: tuple[DayRecord, ...] = ()
    # Group key -> group; sessions and participants name groups by these keys.
    groups: dict[str, GroupRecord] = field(default_factory=dict)
    sessions: tuple[SessionRecord, ...] = ()
    participants: tuple[ParticipantRecord, ...] = ()
    emergency_contacts: tuple[EmergencyContactRecord, ...] = ()
    resources: tuple[ResourceRecord, ...] = ()
