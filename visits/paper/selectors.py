"""What each kind of paper prints, read in one language. A fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

import segno
from django.utils import translation
from django.utils.translation import get_language_info, gettext

from organisations.languages import language_codes, translated_text
from participants.models import Participant
from participants.selectors import participant_personal_url
from visits.booklets.labels import choice_label
from visits.booklets.typography import day_label, typeset
from visits.models import EmergencyContact, Session, Visit, VisitOrganisation
from visits.selectors import programme_sessions

# Sessions nobody signs for: a meal, a transfer, free time are not in a funder's report.
NOT_SIGNED_FOR = {Session.Kind.MEAL, Session.Kind.TRANSFER, Session.Kind.FREE_TIME}
BADGES_PER_PAGE = 10


def _text(obj, field_name: str, language: str) -> str:
    value, shown = translated_text(obj=obj, field_name=field_name, language=language)
    return typeset(value.strip(), shown)


@dataclass
class Attendee:
    name_latin: str
    name_native: str
    organisation: str
    position: str
    city: str


@dataclass
class PaperSession:
    title: str
    kind: str
    day: str
    time: str
    place: str
    interpretation: str
    attendees: list[Attendee] = field(default_factory=list)


@dataclass
class Contact:
    name: str
    role: str
    phone: str
    email: str
    line: str = ""


def _delegation(visit: Visit) -> list[Participant]:
    return list(
        Participant.objects.filter(visit=visit)
        .prefetch_related("groups")
        .order_by("name_latin", "name_native", "pk")
    )


def _attending(session: Session, delegation: list[Participant]) -> list[Participant]:
    """Everyone for a session without groups; otherwise the members of its groups."""
    groups = {group.pk for group in session.groups.all()}
    if not groups:
        return delegation
    return [p for p in delegation if groups & {group.pk for group in p.groups.all()}]


def _attendee(participant: Participant) -> Attendee:
    return Attendee(
        name_latin=participant.name_latin,
        name_native=participant.name_native,
        organisation=participant.home_organisation,
        position=participant.position,
        city=participant.city,
    )


def _place(session: Session, language: str) -> str:
    if session.venue is None:
        return _text(session, "meeting_point", language)
    name = _text(session.venue, "name", language)
    address = session.venue.full_address
    return f"{name}, {address}" if address else name


def _interpretation(session: Session, language: str) -> str:
    if not session.interpretation:
        return ""
    with translation.override(language):
        label = str(session.get_interpretation_display())
    note = _text(session, "interpretation_note", language)
    return f"{label} ({note})" if note else label


def _paper_session(session: Session, delegation, language: str) -> PaperSession:
    zone = session.visit.zone
    starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    with translation.override(language):
        kind = str(session.get_kind_display())
    return PaperSession(
        title=_text(session, "title", language),
        kind=kind,
        day=day_label(starts.date(), language),
        # An approximate time is stored as a placeholder span: the words, as the booklet
        # prints them, after the day and a comma.
        time=(
            choice_label(Session.TimePrecision(session.time_precision), language).lower()
            if session.is_approximate
            else f"{starts:%H:%M}–{ends:%H:%M}"
        ),
        place=_place(session, language),
        interpretation=_interpretation(session, language),
        attendees=[_attendee(p) for p in _attending(session, delegation)],
    )


def _sessions(visit: Visit) -> list[Session]:
    sessions = list(programme_sessions(visit=visit))
    for session in sessions:
        session.visit = visit
    return sessions


def _contacts(emergency_contacts: list[EmergencyContact], language: str) -> list[Contact]:
    contacts = []
    for contact in emergency_contacts:
        role = _text(contact, "role", language)
        who = f"{contact.name}, {role}" if role else contact.name
        with translation.override(language):
            line = gettext("%(who)s: %(phone)s") % {"who": who, "phone": contact.phone}
        contacts.append(Contact(contact.name, role, contact.phone, contact.email, line))
    return contacts


def _language_names(codes, language: str) -> str:
    with translation.override(language):
        names = [str(get_language_info(code)["name_translated"]) for code in sorted(codes)]
    # "russe", "русский", but "Russian": English writes the names of languages capitalised.
    return ", ".join(names if language == "en" else [name.lower() for name in names])


@dataclass
class HostSheet:
    """One host's page, in the host's own language."""

    host: str
    language: str
    visit_title: str
    organiser: str
    delegation_languages: str
    contacts: list[Contact]
    sessions: list[PaperSession] = field(default_factory=list)

    @property
    def people_count(self) -> int:
        return max((len(session.attendees) for session in self.sessions), default=0)


def host_language(host, asked: str) -> str:
    """The host's language if the portal speaks it; otherwise (unknown, or a language an
    imported record brought from elsewhere) the language the paper was asked in."""
    return host.language if host.language in language_codes() else asked


def host_sheets(*, visit: Visit, language: str) -> dict:
    """For each host organisation, who is coming, how many, when, in which language: a page
    in the host's language, so that its staff read it without the organiser translating."""
    delegation = _delegation(visit)
    spoken = {p.preferred_language for p in delegation if p.preferred_language}
    contacts = list(EmergencyContact.objects.filter(visit=visit))
    sheets: dict[int, HostSheet] = {}
    for session in _sessions(visit):
        for host in session.hosts.all():
            sheet = sheets.get(host.pk)
            if sheet is None:
                own = host_language(host, language)
                sheet = sheets[host.pk] = HostSheet(
                    host=_text(host, "name", own),
                    language=own,
                    visit_title=_text(visit, "title", own),
                    organiser=_text(visit.organiser, "name", own),
                    delegation_languages=_language_names(spoken, own),
                    contacts=_contacts(contacts, own),
                )
            sheet.sessions.append(_paper_session(session, delegation, sheet.language))
    return {"sheets": sorted(sheets.values(), key=lambda sheet: sheet.host.casefold())}


def attendance_sheets(*, visit: Visit, language: str) -> dict:
    """One sheet per session for the funders' reports, with a column to sign."""
    delegation = _delegation(visit)
    funders = [
        _text(role.organisation, "name", language)
        for role in VisitOrganisation.objects.filter(
            visit=visit, role=VisitOrganisation.Role.SUPPORTER
        ).select_related("organisation")
    ]
    return {
        "sheets": [
            _paper_session(session, delegation, language)
            for session in _sessions(visit)
            if session.kind not in NOT_SIGNED_FOR
        ],
        "funders": funders,
        "organiser": _text(visit.organiser, "name", language),
    }


@dataclass
class Badge:
    name_native: str
    name_latin: str
    organisation: str
    city: str
    role: str
    qr_svg: str


def badges(*, visit: Visit, language: str) -> dict:
    """A4 sheets of name badges: both scripts, home organisation and city, and a QR code
    that opens the participant's own itinerary."""
    items = []
    for participant in _delegation(visit):
        role = ""
        if participant.role != Participant.Role.DELEGATE:
            with translation.override(language):
                role = str(participant.get_role_display())
        code = segno.make(participant_personal_url(participant=participant), error="m")
        items.append(
            Badge(
                name_native=participant.name_native,
                name_latin=participant.name_latin,
                organisation=participant.home_organisation,
                city=participant.city,
                role=role,
                qr_svg=code.svg_inline(scale=1, border=0, omitsize=True, dark="#1b2a41"),
            )
        )
    pages = [items[i : i + BADGES_PER_PAGE] for i in range(0, len(items), BADGES_PER_PAGE)]
    return {"pages": pages}
