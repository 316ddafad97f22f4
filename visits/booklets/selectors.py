"""Reads for booklets: everything one booklet prints, gathered once, as plain values.

The same ``BookletContent`` feeds the template and the content version (see version.py):
what is not in it cannot be printed, and whatever is in it changes the version, so a
booklet can never show content its version does not account for.

Each printed item carries one *column* per booklet language. A one-language booklet has
one column; a bilingual one two, laid side by side. A field empty in a language falls
back to another language and says so with its own ``lang``, so the reader never meets an
empty gap and hyphenation follows the text actually printed.

At the end, the download's read: which stored booklet answers a request
(``booklet_stored``), by the visit's programme revision alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

import segno
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from organisations.compiled import CompiledQuery
from organisations.languages import language_codes
from organisations.models import Organisation, Venue
from participants.models import Participant
from participants.selectors import participant_personal_url
from visits.booklets.labels import Labels, choice_label
from visits.booklets.models import Booklet
from visits.booklets.revision import programme_key_of
from visits.booklets.typography import (
    Cell,
    Text,
    day_label,
    paired_blocks,
    phase_dates,
    plain,
    text,
    typeset,
    website_label,
)
from visits.dates import date_range, needs_year, offset_changes, utc_offset
from visits.logistics.selectors import ParticipantLogistics, participant_logistics
from visits.models import Day, EmergencyContact, Resource, Session, Visit, VisitOrganisation
from visits.selectors import (
    ORGANISER,
    programme_sections,
    programme_sessions,
    resource_href,
    shown_dates_and_phases,
    visit_organisations_with_roles,
)
from visits.typography import collation_key

_NOT_HASHED = {"hash": False}
# The emergency number of the European Union, answered from any mobile phone in Europe and
# in many countries beyond; a booklet prints it beside the organisers' own numbers.
EMERGENCY_NUMBER = "112"


def parse_languages(value: str) -> list[str]:
    """``"ru+fr"`` -> ``["ru", "fr"]``; ValueError names what is wrong."""
    codes = [code.strip().lower() for code in value.replace(" ", "+").split("+") if code]
    known = language_codes()
    # "fr,ru" or "fr/ru" is two languages joined the wrong way, not an unknown one.
    if not codes or len(codes) > 2 or not all(code.isalpha() for code in codes):
        raise ValueError(f"Give one language or two joined by '+', such as ru+fr; got {value!r}.")
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValueError(
            f"Unknown language {', '.join(unknown)}; the portal has {', '.join(known)}."
        )
    if len(set(codes)) != len(codes):
        raise ValueError(f"The two languages must differ; got {value!r}.")
    return codes


# --- the content ----------------------------------------------------------------------


@dataclass
class SpeakerLine:
    name: Text
    role: Text
    organisation: Text


@dataclass
class SessionColumn:
    lang: str
    kind: str
    title: Text
    description: Text
    venue: Text
    venue_city: Text
    meeting_point: Text
    hosts: list[Text]
    speakers: list[SpeakerLine]
    interpretation: Text
    resources: list[Text]
    l: Labels = field(repr=False, metadata=_NOT_HASHED)  # noqa: E741
    # An approximate time in words ("Morning", "Time to be confirmed"); empty when exact.
    time: str = ""
    # The groups a session is for, in this language; empty when it is for everyone.
    groups: list[Text] = field(default_factory=list)


@dataclass
class SessionView:
    starts: str
    ends: str
    address: str
    columns: list[SessionColumn]
    is_approximate: bool = False
    # Another session of other groups runs at the same time: they are alternatives.
    parallel: bool = False

    @property
    def description_rows(self) -> list[list[Cell]]:
        return paired_blocks([column.description for column in self.columns])


@dataclass
class DayColumn:
    lang: str
    date: str
    heading: Text
    city: Text
    l: Labels = field(repr=False, metadata=_NOT_HASHED)  # noqa: E741


@dataclass
class DayView:
    anchor: str
    date: str
    running: str
    columns: list[DayColumn]
    sessions: list[SessionView]
    # The zone's offset that day, printed when the programme crosses a clock change.
    utc_offset: str = ""


@dataclass
class PhaseColumn:
    lang: str
    title: Text
    description: Text
    dates: str


@dataclass
class PhaseView:
    """A phase with its days; without columns, the days outside every phase."""

    anchor: str
    columns: list[PhaseColumn]
    days: list[DayView]

    @property
    def description_rows(self) -> list[list[Cell]]:
        return paired_blocks([column.description for column in self.columns])


@dataclass
class OrganisationColumn:
    lang: str
    name: Text
    kind: str
    place: Text
    description: Text


@dataclass
class OrganisationView:
    website: str
    website_label: str
    columns: list[OrganisationColumn]

    @property
    def description_rows(self) -> list[list[Cell]]:
        return paired_blocks([column.description for column in self.columns])


@dataclass
class VenueColumn:
    lang: str
    name: Text
    directions: Text
    l: Labels = field(repr=False, metadata=_NOT_HASHED)  # noqa: E741


@dataclass
class VenueView:
    address: str
    columns: list[VenueColumn]


@dataclass
class ResourceColumn:
    lang: str
    title: Text
    summary: Text


@dataclass
class ResourceView:
    link: str
    columns: list[ResourceColumn]

    @property
    def short_link(self) -> str:
        """The address as a reader can read it: no scheme, and a long path cut in the
        middle. The QR code beside it carries the whole address."""
        return short_address(self.link)

    @property
    def qr_svg(self) -> str:
        code = segno.make(self.link, error="l", micro=False)
        return code.svg_inline(scale=1, border=0, omitsize=True, dark="#1b2a41")

    @property
    def summary_rows(self) -> list[list[Cell]]:
        return paired_blocks([column.summary for column in self.columns])


@dataclass
class ContactView:
    name: str
    phone: str
    email: str
    roles: list[Text]


@dataclass
class Credit:
    """Organisations credited together under the parts they play ("Partners")."""

    label: str
    names: list[Text]


@dataclass
class VisitColumn:
    lang: str
    title: Text
    subtitle: Text
    cities: Text
    dates: str
    goals: Text
    content: Text
    themes: list[str]
    practical_information: Text
    schedule_note: Text
    organiser: Text
    credits: list[Credit]
    l: Labels = field(repr=False, metadata=_NOT_HASHED)  # noqa: E741


@dataclass
class BookletContent:
    slug: str
    languages: list[str]
    paper: str
    participant_names: list[str]
    online_url: str
    visit: list[VisitColumn]
    sections: list[PhaseView]
    hosts: list[OrganisationView]
    venues: list[VenueView]
    resources: list[ResourceView]
    contacts: list[ContactView]
    labels: list[Labels] = field(metadata=_NOT_HASHED)
    # A participant's own journeys and nights (in the first language); None for the whole
    # delegation's booklet, which may be public.
    logistics: ParticipantLogistics | None = None
    # The delegation's and personal booklets print whom to call; the public one says where
    # the delegation finds it.
    with_contacts: bool = False
    emergency_number: str = ""
    organiser_website: str = ""
    organiser_website_label: str = ""

    @property
    def days(self) -> list[DayView]:
        return [day for section in self.sections for day in section.days]

    @property
    def is_bilingual(self) -> bool:
        return len(self.languages) == 2

    @property
    def first(self) -> VisitColumn:
        return self.visit[0]

    @property
    def has_about(self) -> bool:
        return any(
            column.goals or column.content or column.themes or column.practical_information
            for column in self.visit
        )

    @property
    def about_parts(self) -> list[dict]:
        """The parts of "About the visit" that have text, each with its heading in every
        language and its paragraphs paired across languages (the themes as one list)."""
        parts = []
        for key, name in (
            ("goals", "goals"),
            ("content", "content"),
            ("themes", "themes"),
            ("practical", "practical_information"),
        ):
            if name == "themes":
                rows = [
                    [
                        Cell(c.lang, format_html_join("", "<li>{}</li>", ((t,) for t in c.themes)))
                        for c in self.visit
                    ]
                ]
                present = any(c.themes for c in self.visit)
            else:
                texts = [getattr(column, name) for column in self.visit]
                rows = paired_blocks(texts)
                present = any(texts)
            if present:
                titles = [Cell(c.lang, c.l[key]) for c in self.visit]
                parts.append({"key": key, "titles": titles, "rows": rows})
        return parts

    @property
    def organiser_names(self) -> list[Text]:
        """The organiser's name in each language, once when the languages agree."""
        names: list[Text] = []
        for column in self.visit:
            if column.organiser and column.organiser.value not in {n.value for n in names}:
                names.append(column.organiser)
        return names

    @property
    def headings(self) -> dict[str, list[Text]]:
        """Section titles in every booklet language, for headings and the contents."""
        keys = ("contents", "about", "programme", "hosts", "venues", "resources", "contacts")
        return {
            key: once(
                [
                    Text(labels[key], language)
                    for labels, language in zip(self.labels, self.languages, strict=True)
                ]
            )
            for key in keys
        }

    @property
    def qr_svg(self) -> str:
        """The QR code of the online programme as inline SVG (no file to fetch)."""
        code = segno.make(self.online_url, error="m", micro=False)
        return code.svg_inline(scale=1, border=0, omitsize=True, dark="#1b2a41")


# --- formatting -----------------------------------------------------------------------


def short_address(url: str, *, longest: int = 42) -> str:
    shown = website_label(url)
    if len(shown) <= longest:
        return shown
    host, _, path = shown.partition("/")
    tail = path.rsplit("/", 1)[-1] or path
    return f"{host}/…/{tail[-(longest - len(host) - 3) :]}" if tail else host


def once(texts: list[Text]) -> list[Text]:
    """The same word in both languages is printed once: "Programme", not "Programme /
    Programme" in a French–English booklet."""
    kept: list[Text] = []
    for item in texts:
        if not any(item.value.casefold() == seen.value.casefold() for seen in kept):
            kept.append(item)
    return kept


# --- reading --------------------------------------------------------------------------


def booklet_sessions(*, visit: Visit, participant: Participant | None) -> list[Session]:
    """The sessions a booklet prints: the same as the programme pages show, all of them or
    those of one participant's groups (a session with no group is for everyone)."""
    participant_id = participant.pk if participant is not None else None
    return list(
        programme_sessions(visit=visit, participant_id=participant_id).order_by(
            "starts_at", "ends_at", "id"
        )
    )


def online_programme_url(*, visit: Visit, participant: Participant | None) -> str:
    if participant is not None:
        return participant_personal_url(participant=participant)
    return f"{settings.SITE_URL}/v/{visit.slug}/"


def booklet_content(
    *,
    visit: Visit,
    languages: list[str],
    paper: str,
    participant: Participant | None = None,
    delegation: bool = False,
) -> BookletContent:
    """Everything one booklet prints. A fixed number of queries, whatever the programme.

    ``delegation``: the whole delegation's booklet with whom to call, for organisers and
    for participants through their personal links; without it (and without a participant)
    the booklet is the public one and prints no one's phone or e-mail."""
    zone = visit.zone
    labels = [Labels.for_language(language) for language in languages]
    sessions = booklet_sessions(visit=visit, participant=participant)
    roles = list(
        VisitOrganisation.objects.filter(visit=visit)
        .select_related("organisation")
        .order_by("role", "position", "id")
    )
    organiser = visit.organiser
    credited = visit_organisations_with_roles(visit=visit)

    visit_columns = [
        VisitColumn(
            lang=language,
            title=text(visit, "title", language),
            subtitle=text(visit, "subtitle", language),
            cities=text(visit, "cities", language),
            dates=date_range(visit.start_date, visit.end_date, language),
            goals=text(visit, "goals", language),
            content=text(visit, "content", language),
            themes=[
                typeset(line.strip(" •-–—\t"), language)
                for line in text(visit, "themes", language).value.splitlines()
                if line.strip(" •-–—\t")
            ],
            practical_information=text(visit, "practical_information", language),
            schedule_note=text(visit, "schedule_note", language),
            organiser=text(organiser, "name", language),
            credits=_credits(credited, label_set, language),
            l=label_set,
        )
        for language, label_set in zip(languages, labels, strict=True)
    ]

    # Days: every Day row, plus any date a session falls on in the visit's own zone; for a
    # participant, as their itinerary shows them (not the days of other groups only).
    days_by_date = {day.date: day for day in Day.objects.filter(visit=visit)}
    by_date: dict[datetime.date, list[Session]] = {}
    for session in sessions:
        by_date.setdefault(session.starts_at.astimezone(zone).date(), []).append(session)
    dates, phases = shown_dates_and_phases(
        visit=visit,
        dates=set(days_by_date) | set(by_date),
        session_dates=set(by_date),
        participant_id=participant.pk if participant is not None else None,
    )
    with_year = needs_year(visit.start_date, visit.end_date, timezone.localdate(timezone=zone))
    clock_changes = len(offset_changes(visit.start_date, visit.end_date, zone)) > 1
    day_views = {}
    for date in sorted(dates):
        day = days_by_date.get(date)
        columns = [
            DayColumn(
                lang=language,
                date=day_label(date, language, with_year=with_year),
                heading=text(day, "heading", language) if day else Text("", language),
                city=text(day, "city", language) if day else Text("", language),
                l=label_set,
            )
            for language, label_set in zip(languages, labels, strict=True)
        ]
        first = columns[0]
        running = " · ".join(part for part in (first.date, first.city.value) if part)
        day_views[date] = DayView(
            anchor=f"day-{date.isoformat()}",
            date=date.isoformat(),
            running=running,
            columns=columns,
            sessions=_with_parallels(
                [
                    _session_view(session, languages, labels, zone)
                    for session in by_date.get(date, [])
                ],
                by_date.get(date, []),
            ),
            utc_offset=utc_offset(date, zone) if clock_changes else "",
        )
    # The same phases and the same order as the itinerary, with the booklet's own days.
    sections = []
    for section in programme_sections(days=[_Dated(date) for date in day_views], phases=phases):
        phase = section.phase
        sections.append(
            PhaseView(
                anchor=f"phase-{phase.pk}" if phase else "",
                columns=[
                    PhaseColumn(
                        lang=language,
                        title=text(phase, "title", language),
                        description=text(phase, "description", language),
                        dates=phase_dates(phase.start_date, phase.end_date, language),
                    )
                    for language in languages
                ]
                if phase
                else [],
                days=[day_views[day.date] for day in section.days],
            )
        )

    # Hosts: the visit's host organisations and every host of a printed session.
    hosts: dict[int, Organisation] = {}
    for role in roles:
        if role.role == VisitOrganisation.Role.HOST:
            hosts[role.organisation_id] = role.organisation
    for session in sessions:
        for organisation in session.hosts.all():
            hosts.setdefault(organisation.id, organisation)
    host_views = [
        OrganisationView(
            website=organisation.website,
            website_label=website_label(organisation.website),
            columns=[
                OrganisationColumn(
                    lang=language,
                    name=text(organisation, "name", language),
                    kind=choice_label(Organisation.Kind(organisation.kind), language),
                    place=plain(
                        ", ".join(
                            part.value
                            for part in (
                                text(organisation, "city", language),
                                text(organisation, "country", language),
                            )
                            if part
                        ),
                        language,
                    ),
                    description=text(organisation, "description", language),
                )
                for language in languages
            ],
        )
        for organisation in sorted(
            hosts.values(),
            key=lambda org: collation_key(text(org, "name", languages[0]).value, languages[0]),
        )
    ]

    venues: dict[int, Venue] = {}
    for session in sessions:
        if session.venue_id:
            venues.setdefault(session.venue_id, session.venue)
    venue_views = [
        VenueView(
            address=venue.full_address,
            columns=[
                VenueColumn(
                    lang=language,
                    name=text(venue, "name", language),
                    directions=text(venue, "directions", language),
                    l=label_set,
                )
                for language, label_set in zip(languages, labels, strict=True)
            ],
        )
        for venue in sorted(
            venues.values(),
            key=lambda venue: collation_key(text(venue, "name", languages[0]).value, languages[0]),
        )
    ]

    resources = list(Resource.objects.filter(visit=visit, session__isnull=True))
    for session in sessions:
        resources.extend(session.resources.all())
    resource_views = [
        ResourceView(
            link=resource_href(
                resource=resource,
                page_url=online_programme_url(visit=visit, participant=participant),
            ),
            columns=[
                ResourceColumn(
                    lang=language,
                    title=text(resource, "title", language),
                    summary=text(resource, "summary", language),
                )
                for language in languages
            ],
        )
        for resource in resources
    ]

    contacts = [
        ContactView(
            name=contact.name,
            phone=contact.phone.replace(" ", "\u00a0"),
            email=contact.email,
            roles=[text(contact, "role", language) for language in languages],
        )
        # Phones and e-mails of people: only in a participant's own booklet and in the
        # delegation's. The public booklet of a published visit is public, like its page.
        for contact in (
            EmergencyContact.objects.filter(visit=visit) if participant or delegation else []
        )
    ]
    with_contacts = bool(participant or delegation)

    participant_names = []
    if participant is not None:
        participant_names = [participant.name_native]
        if participant.name_latin and participant.name_latin != participant.name_native:
            participant_names.append(participant.name_latin)

    return BookletContent(
        slug=visit.slug,
        languages=list(languages),
        paper=paper,
        participant_names=participant_names,
        online_url=online_programme_url(visit=visit, participant=participant),
        visit=visit_columns,
        sections=sections,
        hosts=host_views,
        venues=venue_views,
        resources=resource_views,
        contacts=contacts,
        labels=labels,
        logistics=participant_logistics(participant=participant, language=languages[0])
        if participant is not None
        else None,
        with_contacts=with_contacts,
        emergency_number=EMERGENCY_NUMBER if with_contacts else "",
        organiser_website=(organiser.website if with_contacts else ""),
        organiser_website_label=(website_label(organiser.website) if with_contacts else ""),
    )


@dataclass
class _Dated:
    """A date standing for a day, to lay the booklet's days out in phases."""

    date: datetime.date


def _credits(credited, label_set: Labels, language: str) -> list[Credit]:
    """The cover's credits after the organiser: organisations with the same parts together,
    each organisation once, under all its parts ("Partners · With the support of")."""
    keys = {
        VisitOrganisation.Role.SENDING: "sending",
        VisitOrganisation.Role.SUPPORTER: "supporters",
        VisitOrganisation.Role.PARTNER: "partners",
    }
    groups: dict[tuple[str, ...], list[Text]] = {}
    for entry in credited:
        # Hosts have their own section; the organiser has its own line.
        parts = tuple(keys[role] for role in entry.roles if role in keys)
        if parts and ORGANISER not in entry.roles:
            groups.setdefault(parts, []).append(text(entry.organisation, "name", language))
    order = list(keys.values())
    return [
        Credit(label=" · ".join(label_set[part] for part in parts), names=names)
        for parts, names in sorted(
            groups.items(), key=lambda item: [order.index(part) for part in item[0]]
        )
    ]


def _with_parallels(views: list[SessionView], sessions: list[Session]) -> list[SessionView]:
    """Mark sessions that overlap a session of other groups: a reader of the whole
    delegation's booklet must see them as alternatives, not one after the other."""
    for index, session in enumerate(sessions):
        mine = {group.pk for group in session.groups.all()}
        for other in sessions:
            if other is session or not (mine or other.groups.all()):
                continue
            theirs = {group.pk for group in other.groups.all()}
            overlaps = other.starts_at < session.ends_at and session.starts_at < other.ends_at
            if overlaps and mine != theirs:
                views[index].parallel = True
                break
    return views


def _session_view(session: Session, languages: list[str], labels: list[Labels], zone):
    venue = session.venue
    speakers = list(session.speakers.all())
    host_ids = {host.pk for host in session.hosts.all()}
    return SessionView(
        starts=f"{session.starts_at.astimezone(zone):%H:%M}",
        ends=f"{session.ends_at.astimezone(zone):%H:%M}",
        address=venue.full_address if venue else "",
        is_approximate=session.is_approximate,
        columns=[
            SessionColumn(
                lang=language,
                kind=choice_label(Session.Kind(session.kind), language),
                title=text(session, "title", language),
                description=text(session, "description", language),
                venue=text(venue, "name", language) if venue else Text("", language),
                venue_city=text(venue, "city", language) if venue else Text("", language),
                meeting_point=text(session, "meeting_point", language),
                hosts=[text(host, "name", language) for host in session.hosts.all()],
                speakers=[
                    SpeakerLine(
                        name=text(person, "name", language),
                        role=text(person, "role", language),
                        # Not repeated when the speaker's organisation hosts the session.
                        organisation=(
                            text(person.organisation, "name", language)
                            if person.organisation and person.organisation_id not in host_ids
                            else Text("", language)
                        ),
                    )
                    for person in speakers
                ],
                interpretation=_interpretation(session, language),
                resources=[
                    text(resource, "title", language) for resource in session.resources.all()
                ],
                l=label_set,
                time=(
                    choice_label(Session.TimePrecision(session.time_precision), language)
                    if session.is_approximate
                    else ""
                ),
                groups=[text(group, "name", language) for group in session.groups.all()],
            )
            for language, label_set in zip(languages, labels, strict=True)
        ],
    )


def _interpretation(session: Session, language: str) -> Text:
    """ "Consecutive interpretation: Russian – French", with the note in its own language."""
    if not session.interpretation:
        return Text("", language)
    kind = choice_label(Session.Interpretation(session.interpretation), language)
    note = text(session, "interpretation_note", language)
    if not note:
        return Text(kind, language)
    colon = "\u202f: " if language == "fr" else ": "
    return Text(f"{kind}{colon}{note.value}", note.lang if note.lang == language else language)


def visit_for_booklet(*, slug: str) -> Visit | None:
    return Visit.objects.select_related("organiser").filter(slug=slug).first()


def booklet_modes(*, visit: Visit) -> list[tuple[str, str]]:
    """The (languages, paper) pairs worth offering for a visit: each configured language
    alone, the visit's two languages side by side, on A4 and A5."""
    modes = []
    language_sets = []
    if len(visit.languages) == 2:
        language_sets.append("+".join(visit.languages))
    for code in [*visit.languages, *language_codes()]:
        if code not in language_sets:
            language_sets.append(code)
    for languages in language_sets:
        for paper in ("a4", "a5"):
            modes.append((languages, paper))
    return modes


@dataclass(frozen=True)
class BookletOffer:
    languages: str
    paper: str
    label: str


def booklet_offers(*, visit: Visit, language: str) -> list[BookletOffer]:
    """The booklets a reader of ``language`` is offered: their language alone, and the
    visit's two languages side by side when the visit has two, each on A5 and A4."""
    names = {code: capfirst(get_language_info(code)["name_local"]) for code in language_codes()}
    language_sets = [language] if language in names else []
    if len(visit.languages) == 2:
        language_sets.append("+".join(visit.languages))
    offers = []
    for languages in language_sets:
        shown = " + ".join(names[code] for code in languages.split("+"))
        for paper in ("a5", "a4"):
            offers.append(BookletOffer(languages, paper, f"{shown}, {paper.upper()}"))
    return offers


# ---- the stored booklet: which one a download hands over ----------------------------

# How long the download's fast path trusts a found row without asking the database: a row
# deleted meanwhile (superseded files are swept) makes the download take the slow path.
STORED_SECONDS = 600


@dataclass
class BookletMode:
    languages: list[str]
    paper: str
    # "delegation": the whole delegation's booklet with whom to call (not for the public).
    audience: str = Booklet.Audience.PUBLIC

    @property
    def is_delegation(self) -> bool:
        return self.audience == Booklet.Audience.DELEGATION

    @property
    def key(self) -> str:
        return "+".join(self.languages)


def booklet_audience(mode: BookletMode, participant: Participant | None) -> str:
    """Whom a booklet is filed for: a personal booklet has its contacts anyway, so it is
    filed as the public mode."""
    return mode.audience if participant is None else Booklet.Audience.PUBLIC


# Building and compiling the published visit's revision lookup cost more than running it
# (a download is otherwise one row and a file): compiled once per process
# (organisations.compiled), with a stand-in slug.
_published_revision = CompiledQuery(
    lambda slug: (
        Visit.objects.filter(slug=slug, status=Visit.Status.PUBLISHED)
        .order_by()
        .values("id", "programme_revision")[:1]
    ),
    slug="stand-in slug: no real slug has spaces",
)


def _published_visit_revision(slug: str) -> tuple[int, int] | None:
    """(id, programme revision) of the published visit with this slug, or None."""
    for row in _published_revision.dicts(slug=slug):
        return row["id"], row["programme_revision"]
    return None


def booklet_stored(
    *, slug: str, mode: BookletMode, participant: Participant | None = None
) -> Booklet | None:
    """The ready booklet of the published visit ``slug`` current for its revision, or None:
    the download's fast path.

    Only the visit's revision is read from the database; the booklet row of that revision
    comes from the cache, where it stays valid because a new revision is a new key (a row
    found once for a revision is the answer for it). Building the booklet query itself cost
    more than the rest of a download.
    """
    row = _published_visit_revision(slug)
    if row is None:
        return None
    visit_id, revision = row
    audience = booklet_audience(mode, participant)
    participant_id = participant.pk if participant is not None else None
    key = (
        "booklet-stored:"
        + ":".join(
            str(part)
            for part in (visit_id, programme_key_of(revision), mode.key, mode.paper, participant_id)
        )
        + f":{audience}"
    )
    booklet = cache.get(key)
    if booklet is None:
        booklet = (
            Booklet.objects.filter(
                visit_id=visit_id,
                languages=mode.key,
                paper=mode.paper,
                participant_id=participant_id,
                audience=audience,
                status=Booklet.Status.READY,
                programme_key=programme_key_of(revision),
            )
            .exclude(file="")
            .only(
                "pk",
                "visit_id",
                "languages",
                "paper",
                "participant_id",
                "audience",
                "file",
                "content_version",
                "status",
            )
            .order_by("-id")
            .first()
        )
        if booklet is not None:
            cache.set(key, booklet, STORED_SECONDS)
    return booklet
