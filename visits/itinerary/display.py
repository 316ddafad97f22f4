"""What the itinerary and the public page show of a programme, read once as plain values.

The pages used to look every translated field up from the template, 166 times a page, each
through modeltranslation. Here each session is read once, in the reader's language, into a
card of ready strings (escaped HTML where a text may fall back to another language), so
that the templates only print. The same pass decides what is said once for the whole visit
(the usual interpretation, a host's description) and what each card adds to it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.template.defaultfilters import linebreaks_filter
from django.utils import dateformat
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from organisations.languages import fallback_order
from visits import dates
from visits.models import Resource, Session
from visits.selectors import (
    Programme,
    resource_href,
    venue_address,
    venue_has_address,
    venue_map_url,
)
from visits.typography import typeset

# Sessions that nobody hosts: a host block there only repeats the one of the meeting.
UNHOSTED_KINDS = {Session.Kind.TRANSFER, Session.Kind.FREE_TIME, Session.Kind.MEAL}


class Reader:
    """Reads translated fields in one language with its fallbacks, typeset, as HTML that
    marks a fallback with its ``lang`` so screen readers and hyphenation follow it."""

    def __init__(self, language: str):
        self.language = language
        self.order = fallback_order(language)

    # Choice labels read once a page (under the reader's language), not once a session, and
    # only by a page that prints them: one served from the cached parts reads none.
    @cached_property
    def kinds(self) -> dict[str, str]:
        return {value: str(label) for value, label in Session.Kind.choices}

    @cached_property
    def precisions(self) -> dict[str, str]:
        return {value: str(label) for value, label in Session.TimePrecision.choices}

    @cached_property
    def interpretations(self) -> dict[str, str]:
        return {value: str(label) for value, label in Session.Interpretation.choices}

    @cached_property
    def resource_languages(self) -> dict[str, str]:
        field = Resource._meta.get_field("language")
        return {value: str(label) for value, label in field.flatchoices}

    def text(self, obj, field_name: str) -> tuple[str, str]:
        for code in self.order:
            value = getattr(obj, f"{field_name}_{code}", None) or ""
            if value.strip():
                return typeset(value.strip(), code), code
        return "", self.language

    def plain(self, obj, field_name: str) -> str:
        return self.text(obj, field_name)[0]

    def html(self, obj, field_name: str, *, paragraphs: bool = False) -> SafeString:
        text, code = self.text(obj, field_name)
        if not text:
            return mark_safe("")
        body = linebreaks_filter(text, autoescape=True) if paragraphs else conditional_escape(text)
        if code == self.language:
            return mark_safe(body)
        tag = "div" if paragraphs else "span"
        return format_html('<{} lang="{}" class="fallback">{}</{}>', tag, code, body, tag)


@dataclass
class VenueView:
    name: SafeString
    street: str
    directions: SafeString
    map_url: str


@dataclass
class HostView:
    name: SafeString
    website: str
    # Only where the host first appears on the page: its story is told once.
    description: SafeString


@dataclass
class ResourceView:
    title: SafeString
    href: str
    is_link: bool
    language_label: str
    summary: SafeString


@dataclass
class SessionCard:
    pk: int
    kind: str
    kind_label: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    date: datetime.date
    is_approximate: bool
    approximate_label: str
    starts_hm: str
    ends_hm: str
    starts_iso: str
    ends_iso: str
    title: SafeString
    title_text: str
    groups: str
    group_ids: tuple[int, ...]
    description: SafeString
    venue: VenueView | None
    venue_name: SafeString
    meeting_point: SafeString
    hosts: list[HostView]
    speakers: list[SafeString]
    interpretation: SafeString
    resources: list[ResourceView]
    to_be_confirmed: bool
    is_past: bool = False
    is_current: bool = False
    is_next: bool = False

    @property
    def state(self) -> str:
        if self.is_current:
            return "is-current"
        if self.is_next:
            return "is-next"
        return "is-past" if self.is_past else ""


@dataclass
class DayView:
    date: datetime.date
    anchor: str
    label: str
    short_label: str
    offset: str
    is_today: bool
    is_past: bool
    groups: str
    heading: SafeString
    city: SafeString
    # Sessions in time slots: a slot of several runs in parallel (groups splitting up).
    slots: list[list[SessionCard]] = field(default_factory=list)
    # Today's sessions that are over, folded above the next one.
    earlier: list[SessionCard] = field(default_factory=list)

    @property
    def session_count(self) -> int:
        return sum(len(slot) for slot in self.slots) + len(self.earlier)


@dataclass
class ContactView:
    name: str
    role: SafeString
    phone: str
    email: str


@dataclass
class SectionView:
    phase_pk: int | None
    dates: str
    title: SafeString
    groups: str
    description: SafeString
    days: list[DayView]


@dataclass
class ProgrammeView:
    sections: list[SectionView]
    days: list[DayView]
    cards: dict[int, SessionCard]
    usual_interpretation: SafeString
    folds_past: bool
    current: list[SessionCard] = field(default_factory=list)
    next: list[SessionCard] = field(default_factory=list)
    resources: list[ResourceView] = field(default_factory=list)
    contacts: list[ContactView] = field(default_factory=list)

    @property
    def open_day(self) -> DayView | None:
        """The day the page opens on: today, else the next day with something planned."""
        return next((day for day in self.days if not day.is_past), None)


def zone_words(zone_name: str) -> str:
    """A zone as a reader says it: "Paris time", "heure de Paris", "по парижскому времени"."""
    words = ZONE_WORDS.get(zone_name)
    if words is not None:
        return pgettext("time zone", words)
    city = zone_name.rsplit("/", 1)[-1].replace("_", " ")
    return gettext("%(city)s time") % {"city": city}


# The zones delegations travel to most; the others read "<city> time" in each language.
ZONE_WORDS = {
    "Europe/Paris": "Paris time",
    "Europe/Moscow": "Moscow time",
    "Europe/Berlin": "Berlin time",
    "Europe/Brussels": "Brussels time",
    "Europe/London": "London time",
}


CYRILLIC_LANGUAGES = {"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky"}


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def names_for_reader(*, latin: str, native: str, language: str) -> list[str]:
    """A person's names, the one in the reader's script first ("Анна Иванова" then
    "Anna Ivanova" for a Russian reader, the other way round for a French one)."""
    names = [name for name in (latin.strip(), native.strip()) if name]
    if len(names) == 2 and names[0] == names[1]:
        names = names[:1]
    if len(names) == 2 and (language in CYRILLIC_LANGUAGES) == _is_cyrillic(native):
        names.reverse()
    return names


def person_line(names: list[str]) -> SafeString:
    """The names as the itinerary's masthead prints them: the other script's one aside."""
    if len(names) > 1:
        return format_html('{} <span class="native">{}</span>', names[0], names[1])
    return conditional_escape(names[0] if names else "")


def _groups_label(groups, reader: Reader) -> str:
    return ", ".join(reader.plain(group, "name") for group in groups)


def _speaker_line(person, host_ids: set[int], reader: Reader) -> SafeString:
    """ "Name, role (Organisation)"; the organisation only when it is not the session's host."""
    role = reader.html(person, "role")
    if not reader.plain(person, "name"):
        line = format_html("<strong>{}</strong>", role)
    elif role:
        line = format_html("<strong>{}</strong>, {}", reader.html(person, "name"), role)
    else:
        line = format_html("<strong>{}</strong>", reader.html(person, "name"))
    organisation = person.organisation
    if organisation is not None and organisation.pk not in host_ids:
        line = format_html(
            '{} <span class="muted">({})</span>', line, reader.html(organisation, "name")
        )
    return line


def _interpretation(session: Session, reader: Reader) -> SafeString:
    if not session.interpretation:
        return mark_safe("")
    label = reader.interpretations[session.interpretation]
    note = reader.html(session, "interpretation_note")
    if not note:
        return conditional_escape(label)
    # French sets a narrow no-break space before the colon.
    colon = "\u202f:" if reader.language == "fr" else ":"
    return format_html("{}{} {}", label, colon, note)


def resource_view(resource: Resource, *, page_path: str, reader: Reader) -> ResourceView:
    return ResourceView(
        title=reader.html(resource, "title"),
        href=resource_href(resource=resource, page_url=page_path),
        is_link=bool(resource.url),
        language_label=reader.resource_languages.get(resource.language, "")
        if resource.language
        else "",
        summary=reader.html(resource, "summary", paragraphs=True),
    )


def session_card(
    session: Session,
    *,
    reader: Reader,
    page_path: str,
    usual_interpretation: str,
    described_hosts: set[int],
    venues: dict[int, VenueView],
    show_past: bool = True,
) -> SessionCard:
    starts, ends = session.local_starts_at, session.local_ends_at
    hosts: list[HostView] = []
    host_ids = {host.pk for host in session.host_list}
    if session.kind not in UNHOSTED_KINDS:
        for host in session.host_list:
            described = host.pk in described_hosts
            described_hosts.add(host.pk)
            hosts.append(
                HostView(
                    name=reader.html(host, "name"),
                    website=host.website,
                    description=(
                        mark_safe("")
                        if described
                        else reader.html(host, "description", paragraphs=True)
                    ),
                )
            )
    venue_view = None
    venue_name = mark_safe("")
    if session.venue is not None:
        venue = session.venue
        venue_view = venues.get(venue.pk)
        if venue_view is None:
            address = venue_address(venue=venue, language=reader.language)
            name = conditional_escape(address.name)
            if address.name_language != reader.language:
                name = format_html(
                    '<span lang="{}" class="fallback">{}</span>', address.name_language, name
                )
            venue_view = venues[venue.pk] = VenueView(
                name=name,
                street=address.street,
                directions=reader.html(venue, "directions", paragraphs=True),
                map_url=venue_map_url(venue=venue) if venue_has_address(venue) else "",
            )
        venue_name = venue_view.name
    interpretation = _interpretation(session, reader)
    groups = session.group_list
    title, _code = reader.text(session, "title")
    return SessionCard(
        pk=session.pk,
        kind=session.kind,
        kind_label=reader.kinds[session.kind],
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        date=starts.date(),
        is_approximate=session.is_approximate,
        approximate_label=reader.precisions[session.time_precision],
        starts_hm=starts.strftime("%H:%M"),
        ends_hm=ends.strftime("%H:%M"),
        starts_iso=starts.isoformat(),
        ends_iso=ends.isoformat(),
        title=reader.html(session, "title"),
        title_text=title,
        groups=_groups_label(groups, reader),
        group_ids=tuple(group.pk for group in groups),
        description=reader.html(session, "description", paragraphs=True),
        venue=venue_view,
        venue_name=venue_name,
        meeting_point=reader.html(session, "meeting_point"),
        hosts=hosts,
        speakers=[_speaker_line(person, host_ids, reader) for person in session.speaker_list],
        interpretation=mark_safe("") if interpretation == usual_interpretation else interpretation,
        resources=[
            resource_view(resource, page_path=page_path, reader=reader)
            for resource in session.resource_list
        ],
        to_be_confirmed=session.time_precision == Session.TimePrecision.TO_BE_CONFIRMED,
        is_past=session.is_past and show_past,
        is_current=session.is_current,
        is_next=session.is_next,
    )


def usual_interpretation(sessions: list[Session], reader: Reader) -> SafeString:
    """The interpretation most interpreted sessions share, said once above the programme;
    only a session that differs says its own."""
    counts = Counter(_interpretation(s, reader) for s in sessions if s.interpretation)
    if not counts:
        return mark_safe("")
    label, count = counts.most_common(1)[0]
    return label if count * 2 > sum(counts.values()) and count > 1 else mark_safe("")


def time_slots(cards: list[SessionCard]) -> list[list[SessionCard]]:
    """Cards in start order, those that overlap in time for different groups side by side."""
    slots: list[list[SessionCard]] = []
    for card in cards:
        last = slots[-1] if slots else None
        parallel = (
            last is not None
            and card.group_ids
            and all(other.group_ids for other in last)
            and not card.is_approximate
            and not any(other.is_approximate for other in last)
            and card.starts_at < max(other.ends_at for other in last)
            and not set(card.group_ids) & {pk for other in last for pk in other.group_ids}
        )
        if parallel:
            last.append(card)
        else:
            slots.append([card])
    return slots


def programme_display(*, programme: Programme, language: str, page_path: str) -> ProgrammeView:
    """The programme as the pages show it, in ``language`` (call under that language)."""
    reader = Reader(language)
    usual = usual_interpretation(programme.sessions, reader)
    described_hosts: set[int] = set()
    venues: dict[int, VenueView] = {}
    cards: dict[int, SessionCard] = {}
    folds_past = programme.phase == "during"
    today = programme.today
    days: list[DayView] = []
    day_by_date: dict[datetime.date, DayView] = {}
    for programme_day in programme.days:
        date = programme_day.date
        label = f"{dateformat.format(date, 'l')} {dates.day_month(date)}" + (
            f" {date.year}" if programme.dates_with_year else ""
        )
        day = programme_day.day
        day_view = DayView(
            date=date,
            anchor=f"day-{date:%Y-%m-%d}",
            label=label,
            short_label=f"{dateformat.format(date, 'D')} {date.day}",
            offset=programme_day.utc_offset if programme.crosses_clock_change else "",
            is_today=programme_day.is_today,
            is_past=folds_past and date < today,
            groups=_groups_label(programme_day.groups, reader),
            heading=reader.html(day, "heading") if day else mark_safe(""),
            city=reader.html(day, "city") if day else mark_safe(""),
        )
        day_cards = []
        for session in programme_day.sessions:
            card = session_card(
                session,
                reader=reader,
                page_path=page_path,
                usual_interpretation=usual,
                described_hosts=described_hosts,
                venues=venues,
                # Before and after the visit, every session or none is over: no flag.
                show_past=folds_past,
            )
            cards[card.pk] = card
            day_cards.append(card)
        if day_view.is_today and folds_past:
            day_view.earlier = [card for card in day_cards if card.is_past]
            day_cards = [card for card in day_cards if not card.is_past]
        day_view.slots = time_slots(day_cards)
        days.append(day_view)
        day_by_date[date] = day_view
    sections = []
    for section in programme.sections:
        phase = section.phase
        sections.append(
            SectionView(
                phase_pk=phase.pk if phase else None,
                dates=dates.date_range(phase.start_date, phase.end_date) if phase else "",
                title=reader.html(phase, "title") if phase else mark_safe(""),
                groups=_groups_label(phase.groups, reader) if phase else "",
                description=(
                    reader.html(phase, "description", paragraphs=True) if phase else mark_safe("")
                ),
                days=[day_by_date[d.date] for d in section.days],
            )
        )
    return ProgrammeView(
        sections=sections,
        days=days,
        cards=cards,
        usual_interpretation=usual,
        folds_past=folds_past,
        current=[cards[s.pk] for s in programme.current if s.pk in cards],
        next=[cards[s.pk] for s in programme.next_sessions if s.pk in cards],
        resources=[
            resource_view(resource, page_path=page_path, reader=reader)
            for resource in programme.visit_resources
        ],
        contacts=[
            ContactView(
                name=contact.name,
                role=reader.html(contact, "role"),
                phone=contact.phone,
                email=contact.email,
            )
            for contact in programme.emergency_contacts
        ],
    )
