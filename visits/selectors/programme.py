"""Reads of a visit's programme, shared by the participant's itinerary, the public page,
the calendars and the booklets.

Every query here is fixed in number whatever the size of the programme: sessions come in
one query and each relation they show (venue, hosts, speakers, groups, resources) in one
more, so a week of 300 sessions costs as many queries as a day of 10.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from organisations.models import Person
from participants.models import Group
from visits.dates import needs_year, offset_changes, programme_time_range, utc_offset
from visits.models import Phase, Resource, Session, Visit
from visits.selectors.frame import FrameRow, ProgrammeFrame, participant_group_ids, programme_frame


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


def _dates_shown(
    *,
    dates: set[datetime.date],
    session_dates: set[datetime.date],
    busy_dates: set[datetime.date],
    all_phases: list[FrameRow] | list[Phase],
    phases: list[FrameRow] | list[Phase],
) -> set[datetime.date]:
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
