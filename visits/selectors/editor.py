"""Reads of the admin's programme editor: the days, their sessions and free times."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch

from organisations.languages import language_codes
from visits.models import Day, Phase, Session, TimePrecision, Visit

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
    """A visit's sessions in time order with their venue, and their hosts, speakers and
    groups as lists (``host_list``, ``speaker_list``, ``group_list``): what the programme
    editor shows and the programme check reads, so that the editor's page, which shows
    both, loads them once. Lists, not ``.all()``: a prefetch kept for ``.all()`` makes a
    related manager and a queryset for each session and relation, a quarter of the editor's
    time at 300 sessions."""
    return list(
        Session.objects.filter(visit=visit)
        .select_related("venue")
        .prefetch_related(
            Prefetch("hosts", to_attr="host_list"),
            Prefetch("speakers", to_attr="speaker_list"),
            Prefetch("groups", to_attr="group_list"),
        )
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
