"""The check an organiser runs before a programme goes to a delegation, an embassy or a printer.

``programme_check(visit=...)`` returns findings, each with a severity, a code, a message in
the active language and the admin page of the object to fix. What is an error and what is
a warning, decided here once:

* Errors make the programme wrong for someone: a participant expected in two places at
  once, a speaker in two sessions at once, a session outside the visit's dates or on a date
  that has no day (the booklet and the itinerary list sessions under their day).
* Approximate times (morning, all day, to be confirmed) are not compared as if they were
  exact: a part of the day that meets another session is a warning ("may overlap"); an
  all-day or unconfirmed session meets nothing but another one like it on the same day
  (a warning too); and no travel time is asked for on either side of an approximate
  session. A session whose time is still to be confirmed is a warning of its own.
* Warnings are for what an organiser may have meant, or still has to complete: two
  sessions of separate groups at the same venue at once (two rooms of one library), too
  little time to travel between cities (the defaults are estimates), a session running
  past midnight, a session with no venue and no meeting point, an empty day, a host with no
  description, a missing or stale translation.

Who attends what: a session with no groups is for everyone; otherwise for the members of
its groups. Sessions of separate groups may run at once, unless a participant belongs to
both groups. Meals, transfers and free time need no venue, and a transfer *is* the travel,
so no travel time is asked for on either side of one.

Travel times come from ``settings.PROGRAMME_CHECK_TRAVEL_MINUTES`` (city pairs, either
direction), ``PROGRAMME_CHECK_SAME_CITY_MINUTES`` (two venues of one city) and
``PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES``, environment variables with their defaults in
config/settings.py, overridden per visit by its travel times.
"""

import datetime as dt
from dataclasses import dataclass
from itertools import combinations

from django.conf import settings
from django.utils.translation import gettext as _

from organisations.languages import active_language
from participants.models import Participant
from visits.logistics_check import logistics_findings
from visits.models import Day, Session, TravelTime, Visit
from visits.selectors import programme_sessions_to_edit
from visits.translations import (
    MISSING,
    STALE,
    admin_change_url,
    translation_status,
    visit_hosts,
)
from visits.typography import in_guillemets

ERROR = "error"
WARNING = "warning"

# Kinds that need no venue of their own.
NO_VENUE_NEEDED = {Session.Kind.MEAL, Session.Kind.TRANSFER, Session.Kind.FREE_TIME}


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    url: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def city_key(name: str) -> str:
    return " ".join((name or "").replace("–", "-").split()).casefold()


def _pair_table(pairs) -> dict[frozenset, int]:
    table = {}
    for (city_a, city_b), minutes in pairs:
        table[frozenset({city_key(city_a), city_key(city_b)})] = int(minutes)
    return table


def travel_minutes_table(*, visit: Visit) -> tuple[dict[frozenset, int], int, int]:
    """The pair table, the same-city buffer and the unknown-pair buffer for this visit."""
    table = _pair_table(settings.PROGRAMME_CHECK_TRAVEL_MINUTES.items())
    same_city = settings.PROGRAMME_CHECK_SAME_CITY_MINUTES
    unknown = settings.PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES
    table.update(
        _pair_table(
            ((row.city_from, row.city_to), row.minutes)
            for row in TravelTime.objects.filter(visit=visit)
        )
    )
    return table, same_city, unknown


def venue_city(venue) -> str:
    # Cities are compared in one language, whatever the organiser's interface shows.
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    codes = [default, *(code for code, _name in settings.LANGUAGES if code != default)]
    for code in codes:
        value = getattr(venue, f"city_{code}", "") or ""
        if value.strip():
            return value.strip()
    return venue.city or ""


class ProgrammeChecker:
    def __init__(self, visit: Visit, sessions: list[Session] | None = None):
        self.visit = visit
        self.zone = visit.zone
        self.findings: list[Finding] = []
        if sessions is None:
            sessions = programme_sessions_to_edit(visit=visit)
        self.sessions = sessions
        self.groups_of = {s.pk: frozenset(g.pk for g in s.group_list) for s in self.sessions}
        self.days = list(Day.objects.filter(visit=visit).order_by("date"))
        self.participant_group_sets = {
            frozenset(group.pk for group in p.groups.all())
            for p in Participant.objects.filter(visit=visit).prefetch_related("groups")
        }

    # -- helpers --------------------------------------------------------------------------

    def add(self, severity: str, code: str, message: str, url: str) -> None:
        self.findings.append(Finding(severity=severity, code=code, message=message, url=url))

    def url(self, obj) -> str:
        return admin_change_url(obj, visit=self.visit)

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)

    def when(self, session: Session) -> str:
        start, end = self.local(session.starts_at), self.local(session.ends_at)
        if session.is_approximate:
            return f"{start:%Y-%m-%d}, {str(session.get_time_precision_display()).lower()}"
        if start.date() == end.date():
            return f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
        return f"{start:%Y-%m-%d %H:%M}–{end:%Y-%m-%d %H:%M}"

    def named(self, session: Session) -> str:
        return f"{in_guillemets(str(session), active_language())} ({self.when(session)})"

    @staticmethod
    def overlap(first: Session, second: Session) -> bool:
        return first.starts_at < second.ends_at and second.starts_at < first.ends_at

    def audiences_meet(self, first: Session, second: Session) -> bool:
        """Whether someone is expected at both sessions."""
        groups_a, groups_b = self.groups_of[first.pk], self.groups_of[second.pk]
        if not groups_a or not groups_b or groups_a & groups_b:
            return True
        return any(
            members & groups_a and members & groups_b for members in self.participant_group_sets
        )

    def tracks(self) -> list[list[Session]]:
        """The sequences of sessions that one participant (or one group) attends."""
        group_ids = set().union(*self.groups_of.values()) if self.groups_of else set()
        audiences = {frozenset()} | {frozenset({g}) for g in group_ids}
        audiences |= self.participant_group_sets
        result = []
        for audience in audiences:
            track = [
                s
                for s in self.sessions
                if not self.groups_of[s.pk] or self.groups_of[s.pk] & audience
            ]
            if track:
                result.append(track)
        return result

    # -- the checks -----------------------------------------------------------------------

    def approximate_overlap(self, first: Session, second: Session) -> bool | None:
        """None when two sessions are compared as exact; else whether to warn that they
        may overlap (their spans are only what the approximate times stand for)."""
        if not (first.is_approximate or second.is_approximate):
            return None
        if first.is_all_day or second.is_all_day:
            # A whole day meets only another whole day, on the same date.
            return first.is_all_day and second.is_all_day
        return True

    def check_overlaps(self) -> None:
        for first, second in combinations(self.sessions, 2):
            if not self.overlap(first, second):
                continue
            approximate = self.approximate_overlap(first, second)
            if approximate is not None:
                if approximate:
                    self.add_approximate_overlap(first, second)
                continue
            audiences_meet = self.audiences_meet(first, second)
            if audiences_meet:
                self.add(
                    ERROR,
                    "session_overlap",
                    _("%(first)s and %(second)s overlap for the same participants.")
                    % {"first": self.named(first), "second": self.named(second)},
                    self.url(second),
                )
            elif first.venue_id and first.venue_id == second.venue_id:
                self.add(
                    WARNING,
                    "venue_double_booked",
                    _(
                        "%(venue)s is booked twice at once, for separate groups: %(first)s and "
                        "%(second)s. Check that it has room for both."
                    )
                    % {
                        "venue": first.venue,
                        "first": self.named(first),
                        "second": self.named(second),
                    },
                    self.url(second),
                )
            first_speakers = {person.pk: person for person in first.speaker_list}
            for person in second.speaker_list:
                if person.pk in first_speakers:
                    self.add(
                        ERROR,
                        "speaker_double_booked",
                        _("%(person)s speaks at %(first)s and at %(second)s at the same time.")
                        % {
                            "person": person.name or person.role,
                            "first": self.named(first),
                            "second": self.named(second),
                        },
                        self.url(second),
                    )

    def add_approximate_overlap(self, first: Session, second: Session) -> None:
        shared_speakers = {p.pk for p in first.speaker_list} & {p.pk for p in second.speaker_list}
        if not (self.audiences_meet(first, second) or shared_speakers):
            return
        self.add(
            WARNING,
            "approximate_overlap",
            _(
                "%(first)s and %(second)s may overlap for the same people; one of them has "
                "no exact time yet."
            )
            % {"first": self.named(first), "second": self.named(second)},
            self.url(second),
        )

    def check_times_to_be_confirmed(self) -> None:
        for session in self.sessions:
            if session.time_precision == Session.TimePrecision.TO_BE_CONFIRMED:
                self.add(
                    WARNING,
                    "time_to_be_confirmed",
                    _("%(session)s: its time is still to be confirmed.")
                    % {"session": self.named(session)},
                    self.url(session),
                )

    def check_travel(self) -> None:
        table, same_city, unknown = travel_minutes_table(visit=self.visit)
        seen = set()
        for track in self.tracks():
            previous = None
            for session in track:
                if session.kind == Session.Kind.TRANSFER or session.is_approximate:
                    # A transfer is the travel; an approximate time gives no gap to measure.
                    previous = None
                    continue
                if not session.venue_id:
                    continue
                if previous is not None and session.starts_at >= previous.ends_at:
                    pair = (previous.pk, session.pk)
                    if pair not in seen and previous.venue_id != session.venue_id:
                        seen.add(pair)
                        self._travel_between(previous, session, table, same_city, unknown)
                if previous is None or session.ends_at >= previous.ends_at:
                    previous = session

    def _travel_between(self, previous, session, table, same_city, unknown) -> None:
        city_from, city_to = venue_city(previous.venue), venue_city(session.venue)
        key_from, key_to = city_key(city_from), city_key(city_to)
        if key_from == key_to:
            needed = table.get(frozenset({key_from}), same_city)
        else:
            needed = table.get(frozenset({key_from, key_to}), unknown)
        gap = int((session.starts_at - previous.ends_at).total_seconds() // 60)
        if gap >= needed:
            return
        self.add(
            WARNING,
            "travel_time",
            _(
                "Only %(gap)d min between %(first)s at %(venue_from)s and %(second)s at "
                "%(venue_to)s; going from %(city_from)s to %(city_to)s takes about "
                "%(needed)d min."
            )
            % {
                "gap": gap,
                "first": self.named(previous),
                "venue_from": previous.venue,
                "second": self.named(session),
                "venue_to": session.venue,
                "city_from": city_from,
                "city_to": city_to,
                "needed": needed,
            },
            self.url(session),
        )

    def check_dates(self) -> None:
        day_dates = {day.date for day in self.days}
        for session in self.sessions:
            start, end = self.local(session.starts_at), self.local(session.ends_at)
            if not (self.visit.start_date <= start.date() <= self.visit.end_date) or not (
                self.visit.start_date
                <= (end - dt.timedelta(microseconds=1)).date()
                <= self.visit.end_date
            ):
                self.add(
                    ERROR,
                    "session_outside_visit",
                    _("%(session)s is outside the visit, which runs from %(start)s to %(end)s.")
                    % {
                        "session": self.named(session),
                        "start": self.visit.start_date,
                        "end": self.visit.end_date,
                    },
                    self.url(session),
                )
                continue
            if start.date() not in day_dates:
                self.add(
                    ERROR,
                    "session_without_day",
                    _("%(session)s falls on %(date)s, which has no day in the programme.")
                    % {"session": self.named(session), "date": start.date()},
                    self.url(session),
                )
            ends_on = (end - dt.timedelta(microseconds=1)).date()
            if ends_on != start.date() and session.kind != Session.Kind.TRANSFER:
                self.add(
                    WARNING,
                    "session_past_midnight",
                    _("%(session)s runs past midnight into the next day.")
                    % {"session": self.named(session)},
                    self.url(session),
                )

    def check_venues(self) -> None:
        for session in self.sessions:
            if session.venue_id or session.kind in NO_VENUE_NEEDED:
                continue
            if (session.meeting_point or "").strip():
                continue
            self.add(
                WARNING,
                "session_without_venue",
                _("%(session)s has no venue and no meeting point.")
                % {"session": self.named(session)},
                self.url(session),
            )

    def check_empty_days(self) -> None:
        used = {self.local(session.starts_at).date() for session in self.sessions}
        for day in self.days:
            if day.date not in used:
                self.add(
                    WARNING,
                    "empty_day",
                    _("%(date)s (%(heading)s) has no session.")
                    % {"date": day.date, "heading": day.heading or "—"},
                    self.url(day),
                )

    def check_hosts(self) -> None:
        for host in visit_hosts(visit=self.visit):
            described = [
                code
                for code in self.visit.languages
                if (getattr(host, f"description_{code}", "") or "").strip()
            ]
            if not described:
                self.add(
                    WARNING,
                    "host_without_description",
                    _("The host %(host)s has no description in %(languages)s.")
                    % {"host": host, "languages": language_names(self.visit.languages)},
                    self.url(host),
                )

    def check_translations(self) -> None:
        for entry in translation_status(visit=self.visit):
            if entry.state == MISSING:
                self.add(
                    WARNING,
                    "translation_missing",
                    _("%(model)s «%(object)s»: %(field)s has no %(language)s text.")
                    % {
                        "model": entry.model_label.capitalize(),
                        "object": entry.obj,
                        "field": entry.field_label,
                        "language": language_names([entry.language]),
                    },
                    entry.url,
                )
            elif entry.state == STALE:
                self.add(
                    WARNING,
                    "translation_stale",
                    _(
                        "%(model)s «%(object)s»: the %(language)s %(field)s was written before "
                        "the %(source)s text last changed."
                    )
                    % {
                        "model": entry.model_label.capitalize(),
                        "object": entry.obj,
                        "field": entry.field_label,
                        "language": language_names([entry.language]),
                        "source": language_names([entry.source_language]),
                    },
                    entry.url,
                )

    def run(self) -> list[Finding]:
        self.check_overlaps()
        self.check_travel()
        self.check_dates()
        self.check_venues()
        self.check_empty_days()
        self.check_times_to_be_confirmed()
        self.check_hosts()
        self.check_translations()
        self.findings += logistics_findings(
            visit=self.visit, finding=Finding, error=ERROR, warning=WARNING
        )
        # Errors first; within a severity, the order of the programme.
        return sorted(self.findings, key=lambda finding: finding.severity != ERROR)


def language_names(codes: list[str]) -> str:
    names = dict(settings.LANGUAGES)
    return ", ".join(str(names.get(code, code)) for code in codes)


def programme_check(*, visit: Visit, sessions: list[Session] | None = None) -> list[Finding]:
    """Everything that is wrong or doubtful in a visit's programme, errors first.

    ``sessions``: the visit's, already read by ``programme_sessions_to_edit`` (the
    programme editor shows them beside the check); read here when not given.
    """
    return ProgrammeChecker(visit, sessions).run()
