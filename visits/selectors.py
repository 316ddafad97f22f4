"""Reads of a visit's programme, shared by the participant's itinerary and the public page.

Every query here is fixed in number whatever the size of the programme: sessions come in
one query and each relation they show (venue, hosts, speakers, groups, resources) in one
more, so a week of 300 sessions costs as many queries as a day of 10.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
    Value,
)
from django.db.models.functions import Cast, JSONObject

from organisations.compiled import CompiledQuery
from organisations.languages import language_codes, translated_text
from organisations.models import Organisation, Person, Venue
from participants.models import Group
from visits.dates import needs_year, offset_changes, programme_time_range, utc_offset
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    TimePrecision,
    Visit,
)
from visits.permissions import visit_scope
from visits.typography import typeset


def language_or_default(*, requested: str | None, default: str) -> str:
    """The requested language if the portal offers it, else the default."""
    codes = language_codes()
    if requested in codes:
        return requested
    return default if default in codes else settings.LANGUAGE_CODE


def published_visit_by_slug(*, slug: str) -> Visit | None:
    """A visit the public may read; drafts and archived visits are not public."""
    return (
        Visit.objects.filter(slug=slug, status=Visit.Status.PUBLISHED)
        .select_related("organiser")
        .first()
    )


@dataclass(frozen=True)
class PublishedVisitState:
    """What says whether a published visit's page is still the one kept: no translated
    columns, so the row is cheap to read on every request."""

    pk: int
    first_language: str
    programme_revision: int
    latest_version: int | None


# Read on every request for a public page: compiled once per process.
_published_state = CompiledQuery(
    lambda slug: (
        Visit.objects.filter(slug=slug, status=Visit.Status.PUBLISHED)
        # Grouped by these columns only (values before annotate), not the whole wide row.
        .values("id", "first_language", "programme_revision")
        .annotate(latest_version=Max("programme_versions__number"))
        .order_by()[:1]
    ),
    slug="stand-in slug: no real slug has spaces",
)


def published_visit_state(*, slug: str) -> PublishedVisitState | None:
    for row in _published_state.dicts(slug=slug):
        return PublishedVisitState(
            pk=row["id"],
            first_language=row["first_language"],
            programme_revision=row["programme_revision"],
            latest_version=row["latest_version"],
        )
    return None


def concerns_reader(group_ids: Iterable[int], reader_group_ids: AbstractSet[int]) -> bool:
    """Who sees what, the one rule: a session or phase of no group is for everyone, one of
    groups for the members of any of them. ``sessions_for_groups_filter`` is the same rule
    in SQL (a test holds the two to each other)."""
    group_ids = tuple(group_ids)
    return not group_ids or not reader_group_ids.isdisjoint(group_ids)


def _pks(rows) -> Iterator[int]:
    return (row.pk for row in rows)


def sessions_for_groups_filter(*, participant_id: int) -> Q:
    """Sessions for everyone (no group) plus those of the participant's groups: the rule of
    ``concerns_reader``, in SQL."""
    through = Session.groups.through
    has_groups = Exists(through.objects.filter(session_id=OuterRef("pk")))
    for_participant = Exists(
        through.objects.filter(session_id=OuterRef("pk"), group__participants__id=participant_id)
    )
    return ~Q(has_groups) | Q(for_participant)


def programme_sessions(*, visit: Visit, participant_id: int | None = None) -> QuerySet[Session]:
    """The sessions of a visit with everything a programme page shows, in start order.

    A session stored at an impossible time (year 1, typed before the form refused it)
    cannot be shown in the visit's zone and is left out; the forms refuse such times now.
    """
    sessions = Session.objects.filter(visit=visit, starts_at__range=programme_time_range())
    if participant_id is not None:
        sessions = sessions.filter(sessions_for_groups_filter(participant_id=participant_id))
    return sessions.select_related("venue").prefetch_related(
        "hosts",
        Prefetch("speakers", queryset=Person.objects.select_related("organisation")),
        "groups",
        Prefetch("resources", queryset=Resource.objects.order_by("position", "id")),
    )


class ProgrammeSessions(list):
    """Sessions with their hosts, speakers, groups and resources, the visit's own
    resources (those of no session) read in the same query as the sessions' ones, and the
    dates (in the visit's zone) with a session for anyone, shown to this reader or not."""

    visit_resources: list[Resource]
    busy_dates: set[datetime.date]


def programme_sessions_with_links(
    *,
    visit: Visit,
    resources: list,
    participant_id: int | None = None,
    group_ids: set[int] = frozenset(),
) -> ProgrammeSessions:
    """The sessions of ``programme_sessions`` with their relations as plain lists
    (``host_list``, ``speaker_list``, ``group_list``, ``resource_list``); for a participant
    (``group_ids`` their groups) those for everyone or for one of their groups.

    Django's prefetch builds a filtered queryset per session and relation, through
    modeltranslation's rewriting, only to hold a cached list: at 300 sessions that was most
    of the page's time. Here each relation is one query over the visit's link table, spread
    over the sessions in Python; the related managers' caches are filled with the same
    lists so that ``session.hosts.all()`` still reads them without a query.

    Every session of the visit is read, a participant's share chosen here by the group
    links already read: the other groups' sessions give the busy dates, which would
    otherwise cost a query, or a row a session in every page's frame.
    """
    # A session stored at an impossible time (year 1, typed before years were checked)
    # would overflow every zone conversion: pages leave it out, as programme_sessions does.
    sessions = Session.objects.filter(visit=visit, starts_at__range=programme_time_range())
    every = list(sessions.select_related("venue").rewrite(False))
    zone = visit.zone
    busy_dates = {session.starts_at.astimezone(zone).date() for session in every}
    by_pk = {session.pk: session for session in every}
    links: dict[str, dict[int, list]] = {}
    for name, through, target, related in (
        ("hosts", Session.hosts.through, "organisation", ("organisation",)),
        ("speakers", Session.speakers.through, "person", ("person", "person__organisation")),
        ("groups", Session.groups.through, "group", ("group",)),
    ):
        found: dict[int, list] = {}
        rows = through.objects.filter(session__visit=visit).select_related(*related)
        for row in rows.order_by("id"):
            if row.session_id in by_pk:
                found.setdefault(row.session_id, []).append(getattr(row, target))
        links[name] = found
    if participant_id is not None:
        shown = [
            session
            for session in every
            if concerns_reader(
                (group.pk for group in links["groups"].get(session.pk, ())), group_ids
            )
        ]
    else:
        shown = every
    result = ProgrammeSessions(shown)
    result.busy_dates = busy_dates
    links["hosts"] = {
        pk: sorted(hosts, key=lambda host: (host.name or "", host.pk))
        for pk, hosts in links["hosts"].items()
    }
    links["speakers"] = {
        pk: sorted(people, key=lambda person: (person.name or "", person.pk))
        for pk, people in links["speakers"].items()
    }
    links["groups"] = {
        pk: sorted(groups, key=lambda group: (group.name or "", group.pk))
        for pk, groups in links["groups"].items()
    }
    links["resources"] = {}
    result.visit_resources = []
    for resource in resources:
        if resource.session_id is None:
            result.visit_resources.append(resource)
        elif resource.session_id in by_pk:
            links["resources"].setdefault(resource.session_id, []).append(resource)
    for session in result:
        cache = session.__dict__.setdefault("_prefetched_objects_cache", {})
        for name in ("hosts", "speakers", "groups", "resources"):
            found = links[name].get(session.pk, [])
            setattr(session, f"{name[:-1]}_list", found)
            cache[name] = found
    return result


@dataclass
class FrameRow:
    """A row of a visit's small tables (days, phases, groups, contacts) read as plain values:
    ``id``, dates and each translated column by language (``heading_ru``, ``title_fr``…)."""

    kind: str
    values: dict

    def __getattr__(self, name: str):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def pk(self):
        return self.values["id"]

    def covers(self, date: datetime.date) -> bool:
        return self.values["start_date"] <= date <= self.values["end_date"]


class ProgrammeFrame:
    """Everything around a programme's sessions, read in one query as (kind, JSON text) rows.

    A page whose parts are kept needs of it only ``digest`` (which says whether what was
    built earlier still shows the programme as it stands) and the reader's groups; the
    rows are decoded the first time a page is built from them, not on every request."""

    def __init__(self, rows: list[tuple[str, str]]):
        # Sorted as text: the UNION gives its rows in no promised order.
        self.raw_rows = sorted(rows)
        self.digest = hashlib.sha256(
            "\n".join(f"{kind} {data}" for kind, data in self.raw_rows).encode()
        ).hexdigest()
        self.participant_group_ids = {
            json.loads(data)["id"] for kind, data in self.raw_rows if kind == "mine"
        }

    @functools.cached_property
    def _decoded(self) -> dict:
        found: dict = {"day": [], "phase": [], "group": {}, "contact": [], "resource": []}
        phase_groups: dict[int, list[int]] = {}
        for kind, data in self.raw_rows:
            # The fingerprint (what the sessions show, last changed) counts in the digest
            # only; the reader's groups are read at once.
            if kind in ("fingerprint", "mine"):
                continue
            values = json.loads(data)
            if kind == "day":
                values["date"] = _as_date(values["date"])
                found["day"].append(FrameRow(kind, values))
            elif kind == "phase":
                values["start_date"] = _as_date(values["start_date"])
                values["end_date"] = _as_date(values["end_date"])
                found["phase"].append(FrameRow(kind, values))
            elif kind == "phase_group":
                phase_groups.setdefault(values["id"], []).append(values["group"])
            elif kind == "group":
                found["group"][values["id"]] = FrameRow(kind, values)
            else:
                found[kind].append(FrameRow(kind, values))
        found["phase"].sort(key=lambda p: (p.start_date, p.position, p.pk))
        found["contact"].sort(key=lambda c: (c.position, c.pk))
        found["day"].sort(key=lambda d: d.date)
        found["resource"].sort(key=lambda r: (r.position, r.pk))
        groups = found["group"]
        for phase in found["phase"]:
            phase.values["group_ids"] = sorted(
                phase_groups.get(phase.pk, []), key=lambda pk: _group_name_key(groups, pk)
            )
            phase.values["groups"] = [groups[pk] for pk in phase.values["group_ids"]]
        return found

    days = property(lambda self: self._decoded["day"])
    phases = property(lambda self: self._decoded["phase"])
    groups = property(lambda self: self._decoded["group"])
    contacts = property(lambda self: self._decoded["contact"])
    resources = property(lambda self: self._decoded["resource"])


def _translated_columns(model, *names: str) -> dict:
    return {f"{name}_{code}": F(f"{name}_{code}") for name in names for code in language_codes()}


def _frame_part(queryset: QuerySet, kind: str, **columns) -> QuerySet:
    # modeltranslation's rewriting is not needed: every column is named with its language.
    queryset = queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset
    # As text on every database (PostgreSQL's driver would decode JSON for each request):
    # the frame decodes it only when a page is built from it.
    return queryset.order_by().values(
        frame_part=Value(kind), frame_data=Cast(JSONObject(**columns), TextField())
    )


def _aggregates(queryset: QuerySet, **expressions) -> Subquery:
    """Aggregates of a table's rows that belong to the visit, as one scalar subquery (one
    pass over the rows, whatever the number of figures)."""
    return Subquery(
        queryset.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(figures=JSONObject(**expressions))
        .values("figures")[:1]
    )


def _fingerprint_columns() -> dict:
    """Counts, sums of ids and latest changes of the sessions and everything they show
    that lives outside the visit's small tables: a row added, removed or edited changes
    one of them (a removed and re-added link gets a new, larger id)."""
    sessions = Session.objects.filter(visit=OuterRef("pk"))
    columns: dict = {
        "visit": F("updated_at"),
        "sessions": _aggregates(
            sessions,
            count=Count("id"),
            ids=Sum("id"),
            changed=Max("updated_at"),
            venue_changed=Max("venue__updated_at"),
        ),
    }
    for name, through, changed in (
        ("hosts", Session.hosts.through, ("organisation__updated_at",)),
        (
            "speakers",
            Session.speakers.through,
            ("person__updated_at", "person__organisation__updated_at"),
        ),
        ("groups", Session.groups.through, ()),
    ):
        links = through.objects.filter(session__visit=OuterRef("pk"))
        columns[name] = _aggregates(
            links,
            count=Count("id"),
            ids=Sum("id"),
            **{f"changed_{index}": Max(path) for index, path in enumerate(changed)},
        )
    return columns


def _as_date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value[:10])


def _frame_query(*, visit: Visit, participant_id: int | None) -> QuerySet:
    parts = [
        _frame_part(
            Day.objects.filter(visit=visit),
            "day",
            id=F("id"),
            date=F("date"),
            **_translated_columns(Day, "heading", "city"),
        ),
        _frame_part(
            Phase.objects.filter(visit=visit),
            "phase",
            id=F("id"),
            start_date=F("start_date"),
            end_date=F("end_date"),
            position=F("position"),
            **_translated_columns(Phase, "title", "description"),
        ),
        _frame_part(
            Phase.groups.through.objects.filter(phase__visit=visit),
            "phase_group",
            id=F("phase_id"),
            group=F("group_id"),
        ),
        _frame_part(
            Group.objects.filter(visit=visit),
            "group",
            id=F("id"),
            **_translated_columns(Group, "name"),
        ),
        _frame_part(
            EmergencyContact.objects.filter(visit=visit),
            "contact",
            id=F("id"),
            name=F("name"),
            phone=F("phone"),
            email=F("email"),
            position=F("position"),
            **_translated_columns(EmergencyContact, "role"),
        ),
    ]
    parts.append(
        _frame_part(
            Resource.objects.filter(visit=visit),
            "resource",
            id=F("id"),
            session_id=F("session_id"),
            url=F("url"),
            file=F("file"),
            language=F("language"),
            position=F("position"),
            **_translated_columns(Resource, "title", "summary"),
        )
    )
    parts.append(
        _frame_part(Visit.objects.filter(pk=visit.pk), "fingerprint", **_fingerprint_columns())
    )
    if participant_id is not None:
        parts.append(
            _frame_part(
                Group.participants.through.objects.filter(participant_id=participant_id),
                "mine",
                id=F("group_id"),
            )
        )
    first, *others = parts
    return first.union(*others, all=True)


# Building and compiling the frame's query costs more than running it: it is compiled once
# per process (organisations.compiled), without a participant and with one.
_frame_query_public = CompiledQuery(
    lambda visit_id: _frame_query(visit=Visit(pk=visit_id), participant_id=None),
    visit_id=-987_654_321,
)
_frame_query_personal = CompiledQuery(
    lambda visit_id, participant_id: _frame_query(
        visit=Visit(pk=visit_id), participant_id=participant_id
    ),
    visit_id=-987_654_321,
    participant_id=-123_456_789,
)


def _frame_rows(*, visit: Visit, participant_id: int | None) -> list[tuple]:
    if participant_id is None:
        return _frame_query_public.tuples(visit_id=visit.pk)
    return _frame_query_personal.tuples(visit_id=visit.pk, participant_id=participant_id)


def programme_frame(*, visit: Visit, participant_id: int | None = None) -> ProgrammeFrame:
    """A visit's days, phases with their groups, groups, emergency contacts, resources and,
    for a participant, their groups: one UNION query of plain rows instead of one query
    each, whatever the size of the programme (no row per session: the fingerprint stands
    for the sessions, and a page built earlier is kept by it)."""
    return ProgrammeFrame(_frame_rows(visit=visit, participant_id=participant_id))


def _group_name_key(groups: dict[int, FrameRow], pk: int):
    group = groups.get(pk)
    return (group.values.get(f"name_{settings.LANGUAGE_CODE}") or "", pk) if group else ("", pk)


@dataclass
class ProgrammeDay:
    date: datetime.date
    day: FrameRow | None
    sessions: list[Session] = field(default_factory=list)
    is_today: bool = False
    utc_offset: str = ""

    @property
    def groups(self) -> list[Group]:
        """The groups a day concerns when every session of it is for some groups only."""
        if not self.sessions or any(not session.group_list for session in self.sessions):
            return []
        groups = {group.pk: group for s in self.sessions for group in s.group_list}
        return [groups[pk] for pk in sorted(groups)]


@dataclass
class ProgrammePhase:
    """A phase with the days that fall in it, or (``phase`` None) days outside every phase."""

    phase: FrameRow | None
    days: list[ProgrammeDay] = field(default_factory=list)


def frame_dates_and_phases(
    *,
    frame: ProgrammeFrame,
    dates: set[datetime.date],
    session_dates: set[datetime.date],
    busy_dates: set[datetime.date],
    participant_id: int | None,
) -> tuple[set[datetime.date], list[FrameRow]]:
    """Which of a programme's dates and phases a reader sees.

    ``dates`` are those with a Day or a session shown, ``session_dates`` those with a session
    shown, ``busy_dates`` those with a session for anyone. Everyone sees every date and
    phase, except that a participant does not see a day that concerns only other groups:
    one whose sessions are all for other groups, or that lies only in phases of other
    groups. Days have no groups of their own: their sessions and phases say whom they
    concern, and a list of groups on the day could only disagree.
    """
    all_phases = frame.phases
    if participant_id is None:
        return dates, all_phases
    group_ids = frame.participant_group_ids
    phases = [phase for phase in all_phases if concerns_reader(phase.group_ids, group_ids)]
    return _dates_shown(
        dates=dates,
        session_dates=session_dates,
        busy_dates=busy_dates,
        all_phases=all_phases,
        phases=phases,
    ), phases


def _dates_shown(*, dates, session_dates, busy_dates, all_phases, phases) -> set[datetime.date]:
    """The dates of ``dates`` a participant sees (``frame_dates_and_phases`` says which):
    those with a session of theirs, else those with no session for anyone that lie in no
    phase or in one of their ``phases`` (the reader's of ``all_phases``)."""
    if not dates - session_dates:
        return dates

    def shown(date: datetime.date) -> bool:
        if date in session_dates:
            return True
        if date in busy_dates:
            return False
        in_phases = [phase for phase in all_phases if phase.covers(date)]
        return not in_phases or any(phase in phases for phase in in_phases)

    return {date for date in dates if shown(date)}


def visible_phases(*, visit: Visit, group_ids: set[int] | None) -> list[Phase]:
    """A visit's phases in order; with ``group_ids`` (a participant's groups) only those for
    everyone or for one of these groups. Groups come prefetched for the pages to name them."""
    phases = list(Phase.objects.filter(visit=visit).prefetch_related("groups"))
    if group_ids is None:
        return phases
    return [phase for phase in phases if concerns_reader(_pks(phase.groups.all()), group_ids)]


def participant_group_ids(*, participant_id: int) -> set[int]:
    return set(Group.objects.filter(participants__id=participant_id).values_list("pk", flat=True))


def shown_dates_and_phases(
    *,
    visit: Visit,
    dates: set[datetime.date],
    session_dates: set[datetime.date],
    participant_id: int | None,
) -> tuple[set[datetime.date], list[Phase]]:
    """Which of a programme's dates and phases a reader sees.

    ``dates`` are those with a Day or a session shown, ``session_dates`` those with a session
    shown. Everyone sees every date and phase, except that a participant does not see a day
    that concerns only other groups: one whose sessions are all for other groups, or that
    lies only in phases of other groups. Days have no groups of their own: their sessions
    and phases say whom they concern, and a list of groups on the day could only disagree.
    """
    all_phases = visible_phases(visit=visit, group_ids=None)
    if participant_id is None:
        return dates, all_phases
    phases = all_phases
    if any(phase.groups.all() for phase in all_phases):
        group_ids = participant_group_ids(participant_id=participant_id)
        phases = [
            phase for phase in all_phases if concerns_reader(_pks(phase.groups.all()), group_ids)
        ]
    if not dates - session_dates:
        return dates, phases
    zone = visit.zone
    # Dates with a session in the whole programme, whoever it is for.
    busy = {
        starts_at.astimezone(zone).date()
        for starts_at in Session.objects.filter(visit=visit).values_list("starts_at", flat=True)
    }
    return _dates_shown(
        dates=dates,
        session_dates=session_dates,
        busy_dates=busy,
        all_phases=all_phases,
        phases=phases,
    ), phases


def programme_sections(
    *, days: list[ProgrammeDay], phases: list[FrameRow] | list[Phase]
) -> list[ProgrammePhase]:
    """Days laid out in their phases, in the order of the calendar.

    A date falls in the first phase (by order) that covers it among those given. Each phase
    is one section even when it has no day yet (a preparation phase told in words); days
    outside every phase make sections of their own between the phases.
    """
    by_phase: dict[int, ProgrammePhase] = {phase.pk: ProgrammePhase(phase) for phase in phases}
    entries: list[tuple[datetime.date, int, object]] = [
        (phase.start_date, 0, phase) for phase in phases
    ]
    for day in days:
        phase = next((p for p in phases if p.covers(day.date)), None)
        if phase is not None:
            by_phase[phase.pk].days.append(day)
        else:
            entries.append((day.date, 1, day))
    sections: list[ProgrammePhase] = []
    for _date, _order, entry in sorted(entries, key=lambda item: (item[0], item[1])):
        if isinstance(entry, FrameRow | Phase):
            sections.append(by_phase[entry.pk])
        elif sections and sections[-1].phase is None:
            sections[-1].days.append(entry)
        else:
            sections.append(ProgrammePhase(None, [entry]))
    return sections


@dataclass
class Programme:
    """A visit's programme laid out by day, with the times read in the visit's zone."""

    visit: Visit
    days: list[ProgrammeDay]
    sections: list[ProgrammePhase]
    sessions: list[Session]
    now: datetime.datetime
    current: list[Session]
    next_sessions: list[Session]
    emergency_contacts: list[FrameRow]
    visit_resources: list[Resource]

    @property
    def next_session(self) -> Session | None:
        return self.next_sessions[0] if self.next_sessions else None

    @property
    def today(self) -> datetime.date:
        return self.now.astimezone(self.visit.zone).date()

    @property
    def phase(self) -> str:
        """ "before", "during" or "after" the visit, by the visit's own calendar."""
        if self.today < self.visit.start_date:
            return "before"
        if self.today > self.visit.end_date:
            return "after"
        return "during"

    @property
    def days_until_start(self) -> int:
        return (self.visit.start_date - self.today).days

    @property
    def dates_with_year(self) -> bool:
        return needs_year(self.visit.start_date, self.visit.end_date, self.today)

    @property
    def crosses_clock_change(self) -> bool:
        """Whether the zone's offset changes during the visit: each day then shows its own."""
        return len(offset_changes(self.visit.start_date, self.visit.end_date, self.visit.zone)) > 1

    @property
    def has_phases(self) -> bool:
        return any(section.phase is not None for section in self.sections)


def programme_build(
    *,
    visit: Visit,
    now: datetime.datetime,
    participant_id: int | None = None,
    with_contacts: bool = False,
    frame: ProgrammeFrame | None = None,
) -> Programme:
    """Read a visit's programme (a participant's share of it when given) laid out by day.

    Sessions fall on days by their local date in the visit's zone, days in phases by their
    date. Every date of the visit that has a Day or a session gets a ProgrammeDay, so a free
    day still shows its heading, except the days of other groups (``shown_dates_and_phases``).
    """
    zone = visit.zone
    if frame is None:
        frame = programme_frame(visit=visit, participant_id=participant_id)
    sessions = programme_sessions_with_links(
        visit=visit,
        resources=frame.resources,
        participant_id=participant_id,
        group_ids=frame.participant_group_ids,
    )
    days_by_date = {day.date: day for day in frame.days}
    today = now.astimezone(zone).date()

    grouped: dict[datetime.date, list[Session]] = {}
    for session in sessions:
        session.local_starts_at = session.starts_at.astimezone(zone)
        session.local_ends_at = session.ends_at.astimezone(zone)
        unconfirmed = session.time_precision == Session.TimePrecision.TO_BE_CONFIRMED
        session.is_current = not unconfirmed and session.starts_at <= now < session.ends_at
        session.is_next = False
        session.is_past = session.ends_at <= now
        grouped.setdefault(session.local_starts_at.date(), []).append(session)

    dates, phases = frame_dates_and_phases(
        frame=frame,
        dates=set(days_by_date) | set(grouped),
        session_dates=set(grouped),
        busy_dates=sessions.busy_dates,
        participant_id=participant_id,
    )
    days = [
        ProgrammeDay(
            date=date,
            day=days_by_date.get(date),
            sessions=grouped.get(date, []),
            is_today=date == today,
            utc_offset=utc_offset(date, zone),
        )
        for date in sorted(dates)
    ]

    running = visit.start_date <= today <= visit.end_date
    current = [session for session in sessions if session.is_current] if running else []
    next_sessions: list[Session] = []
    if running:
        # Sessions that start together (groups splitting up) are all "next".
        upcoming = [
            session
            for session in sessions
            if session.starts_at > now
            and session.time_precision != Session.TimePrecision.TO_BE_CONFIRMED
        ]
        if upcoming:
            next_sessions = [s for s in upcoming if s.starts_at == upcoming[0].starts_at]
        for session in next_sessions:
            session.is_next = True

    return Programme(
        visit=visit,
        days=days,
        sections=programme_sections(days=days, phases=phases),
        sessions=sessions,
        now=now,
        current=current,
        next_sessions=next_sessions,
        emergency_contacts=frame.contacts if with_contacts else [],
        visit_resources=sessions.visit_resources,
    )


@dataclass(frozen=True)
class VenueAddress:
    """A venue as a reader finds it: its name in the reader's language, and its address as
    it stands on the street and as a map application searches for it."""

    name: str
    name_language: str
    street: str

    @property
    def one_line(self) -> str:
        """ "Мэрия Парижа, Place de l'Hôtel de Ville, 75004 Paris, France"."""
        return ", ".join(part for part in (self.name, self.street) if part)


def address_language() -> str:
    """The language addresses are written in: the organisers' own (the portal's), in which
    the street line is typed, so that city and country never mix scripts with it."""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def venue_street_address(venue: Venue) -> str:
    """ "Place de l'Hôtel de Ville, 75004 Paris, France": one script, the street's own."""
    language = address_language()
    city = translated_text(obj=venue, field_name="city", language=language)[0]
    country = translated_text(obj=venue, field_name="country", language=language)[0]
    locality = " ".join(part for part in (venue.postal_code, city) if part)
    return ", ".join(part.strip() for part in (venue.address, locality, country) if part.strip())


def venue_address(*, venue: Venue, language: str) -> VenueAddress:
    """The one way a venue is written on the pages, in the calendar and in the booklets."""
    name, name_language = translated_text(obj=venue, field_name="name", language=language)
    return VenueAddress(
        name=typeset(name.strip(), name_language),
        name_language=name_language,
        street=venue_street_address(venue),
    )


def venue_has_address(venue: Venue) -> bool:
    """Whether a map can find the venue: a street or coordinates, not a city alone."""
    return bool(venue.address.strip()) or venue.latitude is not None


def venue_map_url(*, venue: Venue) -> str:
    """An OpenStreetMap link: the pin when we have coordinates, else a search by address."""
    if venue.latitude is not None and venue.longitude is not None:
        lat, lon = f"{venue.latitude:f}", f"{venue.longitude:f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    return "https://www.openstreetmap.org/search?" + urlencode({"query": venue_search_text(venue)})


def venue_geo_uri(*, venue: Venue) -> str:
    """A geo: URI (RFC 5870) that phones open in their own map application."""
    if venue.latitude is not None and venue.longitude is not None:
        return f"geo:{venue.latitude:f},{venue.longitude:f}"
    return "geo:0,0?q=" + quote(venue_search_text(venue))


def venue_search_text(venue: Venue) -> str:
    street = venue_street_address(venue)
    return street if venue.address.strip() else ", ".join(p for p in (venue.name, street) if p)


def resource_href(*, resource: Resource, page_url: str) -> str:
    """Where a reader opens a resource: its link, or its file served beside the page read.

    Files are never served from MEDIA_URL: the views behind these addresses check that the
    visit is published or the reader holds a personal link, so a draft's reading stays
    private.
    """
    if resource.url:
        return resource.url
    if not resource.file:
        return ""
    base = page_url.split("?")[0].rstrip("/")
    # Without a page, relative to it: one cached programme serves every reader's address.
    return f"{base}/resources/{resource.pk}/" if base else f"resources/{resource.pk}/"


def shared_record_usage(record, user) -> tuple[bool, bool]:
    """Whether visits of this user's organisations use a shared record, and whether others do.

    Registered with ``organisations.usage`` so that the organisations' admin can protect a
    record another organisation's programme relies on without importing this app.
    """
    if isinstance(record, Organisation):
        visits = Visit.objects.filter(
            Q(organiser=record)
            | Q(organisation_roles__organisation=record)
            | Q(sessions__hosts=record)
        )
    elif isinstance(record, Person):
        visits = Visit.objects.filter(sessions__speakers=record)
    elif isinstance(record, Venue):
        visits = Visit.objects.filter(sessions__venue=record)
    else:
        return False, False
    scope = visit_scope(user=user)
    return visits.filter(scope).exists(), visits.exclude(scope).exists()


@dataclass
class OrganisationRoles:
    """An organisation of a visit with every part it plays, so it is listed once."""

    organisation: Organisation
    roles: list[str]


ORGANISER = "organiser"


def visit_organisations_with_roles(*, visit: Visit) -> list[OrganisationRoles]:
    """The organiser, then each supporter, partner, sending organisation and host once,
    in the order of their first role, each with all its roles ("organiser" included when
    the organiser plays another part too)."""
    by_organisation: dict[int, OrganisationRoles] = {
        visit.organiser_id: OrganisationRoles(visit.organiser, [ORGANISER])
    }
    for role in visit.organisation_roles.select_related("organisation").order_by(
        "role", "position", "id"
    ):
        entry = by_organisation.setdefault(
            role.organisation_id, OrganisationRoles(role.organisation, [])
        )
        if role.role not in entry.roles:
            entry.roles.append(role.role)
    return list(by_organisation.values())


# -- the programme editor ------------------------------------------------------------------

# Short visits show every date, free ones included, so that a session can be added on any;
# a programme of months shows only the dates that have a day or a session.
EDITOR_ALL_DATES_UP_TO = 31


@dataclass
class EditorSlot:
    """Sessions of one day that overlap in time: shown side by side (groups splitting up)."""

    sessions: list[Session]
    ends_at: datetime.datetime


@dataclass
class EditorDay:
    date: datetime.date
    day: Day | None
    slots: list[EditorSlot] = field(default_factory=list)
    # All day or time to be confirmed: listed above the timed sessions, never "overlapping"
    # every one of them.
    whole_day: list[Session] = field(default_factory=list)

    @property
    def next_free_time(self) -> datetime.time:
        """Where "add a session here" at the end of the day starts: after the last session."""
        if not self.slots:
            return datetime.time(9, 0)
        return max(slot.ends_at for slot in self.slots).time()


def session_missing_languages(*, session: Session, languages: list[str]) -> list[str]:
    """The booklet languages in which a session's title, or a description it has elsewhere,
    is empty: the editor's badge, so a gap shows before the check page says so."""
    missing = []
    has_description = any(getattr(session, f"description_{code}") for code in language_codes())
    for code in languages:
        if not getattr(session, f"title_{code}") or (
            has_description and not getattr(session, f"description_{code}")
        ):
            missing.append(code)
    return missing


@dataclass
class EditorPhase:
    """A phase of the programme with its days; ``phase`` is None for the days outside any
    phase, and for the whole programme of a visit without phases."""

    phase: Phase | None
    days: list[EditorDay]


def programme_phases_for_editor(*, visit: Visit, days: list[EditorDay]) -> list[EditorPhase]:
    """The editor's days under their phases, in the order the programme runs. A date falls
    in the first phase (by order) that covers it, as on the participants' pages."""
    phases = list(Phase.objects.filter(visit=visit).prefetch_related("groups"))
    if not phases:
        return [EditorPhase(phase=None, days=days)]
    by_phase: dict[int | None, list[EditorDay]] = {}
    for day in days:
        home = next((phase for phase in phases if phase.covers(day.date)), None)
        by_phase.setdefault(home.pk if home else None, []).append(day)
    sections = [EditorPhase(phase=phase, days=by_phase.get(phase.pk, [])) for phase in phases]
    if None in by_phase:
        sections.append(EditorPhase(phase=None, days=by_phase[None]))
    first_day = {
        id(section): section.days[0].date if section.days else None for section in sections
    }
    return sorted(
        sections,
        key=lambda section: (
            section.phase.start_date if section.phase else first_day[id(section)],
            section.phase.position if section.phase else 0,
        ),
    )


def programme_sessions_to_edit(*, visit: Visit) -> list[Session]:
    """A visit's sessions in time order with their venue, hosts, speakers and groups: what
    the programme editor shows and the programme check reads, so that the editor's page,
    which shows both, loads them once."""
    return list(
        Session.objects.filter(visit=visit)
        .select_related("venue")
        .prefetch_related("hosts", "speakers", "groups")
        .order_by("starts_at", "ends_at", "id")
    )


def programme_for_editor(*, visit: Visit, sessions: list[Session] | None = None) -> list[EditorDay]:
    """A visit's days in date order, each with its sessions in time order, overlapping
    sessions together. Times are read in the visit's zone. A fixed number of queries.

    ``sessions``, when given, are the visit's as ``programme_sessions_to_edit`` reads them.
    """
    zone = visit.zone
    if sessions is None:
        sessions = programme_sessions_to_edit(visit=visit)
    days_by_date = {day.date: day for day in Day.objects.filter(visit=visit)}
    by_date: dict[datetime.date, list[Session]] = {}
    for session in sessions:
        session.local_starts_at = session.starts_at.astimezone(zone)
        session.local_ends_at = session.ends_at.astimezone(zone)
        session.missing_languages = session_missing_languages(
            session=session, languages=visit.languages
        )
        by_date.setdefault(session.local_starts_at.date(), []).append(session)

    dates = set(days_by_date) | set(by_date)
    # Every phase shows at least its first day, where its first session can be added.
    dates |= set(Phase.objects.filter(visit=visit).values_list("start_date", flat=True))
    span = (visit.end_date - visit.start_date).days + 1
    if span <= EDITOR_ALL_DATES_UP_TO:
        dates |= {visit.start_date + datetime.timedelta(days=n) for n in range(span)}
    editor_days = []
    for date in sorted(dates):
        editor_day = EditorDay(date=date, day=days_by_date.get(date))
        for session in by_date.get(date, []):
            if session.is_all_day:
                editor_day.whole_day.append(session)
                continue
            slot = editor_day.slots[-1] if editor_day.slots else None
            if slot is not None and session.local_starts_at < slot.ends_at:
                slot.sessions.append(session)
                slot.ends_at = max(slot.ends_at, session.local_ends_at)
            else:
                editor_day.slots.append(
                    EditorSlot(sessions=[session], ends_at=session.local_ends_at)
                )
        editor_days.append(editor_day)
    return editor_days


def programme_next_free_time(*, visit: Visit) -> datetime.datetime:
    """Where the editor's form starts a new session when no slot was chosen: when the last
    session of the programme ends, or 9:00 on the first day of an empty programme."""
    timed = Session.objects.filter(visit=visit).exclude(
        time_precision__in=[TimePrecision.ALL_DAY, TimePrecision.TO_BE_CONFIRMED]
    )
    last = timed.order_by("-ends_at").first()
    if last is None:
        return datetime.datetime.combine(visit.start_date, datetime.time(9), tzinfo=visit.zone)
    return last.ends_at.astimezone(visit.zone)
