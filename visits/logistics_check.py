"""The logistics part of ``programme_check``: journeys, nights and staff against the
programme. ``logistics_findings`` returns findings of the same kind as programme_check's.

Organisers (the participant role) are not asked for a journey: they often live where
the visit happens. A visit that keeps no journeys, no nights or no staff in the portal is
not nagged about them: the checks of each part start once the first row of it exists.

* Errors: a participant landing after their first session starts or leaving before their
  last one ends, a transfer that leaves before the arrivals it meets have landed (plus
  ``LOGISTICS_TRANSFER_BUFFER_MINUTES`` for passport control and luggage), a room shared
  by more people than it sleeps, a staff member in two sessions at once.
* Warnings: a participant with no arrival or no departure, a night between arrival and
  departure without a bed, a session needing interpretation with no interpreter, an
  interpreter working more than ``LOGISTICS_INTERPRETER_MAX_HOURS`` hours in one day.

Approximate times (morning, all day, to be confirmed) are read as the programme check reads
them: their stored span is a placeholder, never compared as exact hours. A part of the day
is compared coarsely (a morning assignment does not clash with an afternoon one); an all-day
or unconfirmed time is sure only of its date. What the date settles stays an error (landing
the day after a session); what only the hours would settle becomes a warning asking the
organiser to check (landing at 09:00 on the day of an unconfirmed session, a staff member on
an unconfirmed session and another one that day, an interpreter whose day holds one).
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from django.conf import settings
from django.utils.translation import gettext as _

from organisations.languages import active_language
from participants.models import Journey, Participant, StaffMember, Stay
from visits.logistics.selectors import nights_of, room_occupants
from visits.models import Session, Visit
from visits.selectors import programme_sessions
from visits.translations import admin_change_url
from visits.typography import in_guillemets

DEFAULT_TRANSFER_BUFFER_MINUTES = 45
DEFAULT_INTERPRETER_MAX_HOURS = 6


def logistics_findings(*, visit: Visit, finding, error: str, warning: str) -> list:
    """Findings about journeys, nights and staff. ``finding`` builds one finding
    (programme_check's class) so that both lists sort and show alike."""
    return LogisticsChecker(visit, finding=finding, error=error, warning=warning).run()


class LogisticsChecker:
    def __init__(self, visit: Visit, *, finding, error: str, warning: str):
        self.visit = visit
        self.zone = visit.zone
        self.finding, self.error, self.warning = finding, error, warning
        self.findings: list = []
        self.participants = list(
            Participant.objects.filter(visit=visit).order_by("name_latin", "pk")
        )
        self.journeys = list(
            Journey.objects.filter(participant__visit=visit)
            .select_related("participant", "transfer")
            .order_by("departs_at", "pk")
        )
        self.stays = list(
            Stay.objects.filter(participant__visit=visit).select_related("hotel", "participant")
        )
        self.staff = list(
            StaffMember.objects.filter(visit=visit).prefetch_related("sessions").order_by("name")
        )

    def add(self, severity: str, code: str, message: str, obj) -> None:
        url = admin_change_url(obj, visit=self.visit)
        self.findings.append(self.finding(severity=severity, code=code, message=message, url=url))

    def moment(self, value: dt.datetime) -> str:
        return f"{value.astimezone(self.zone):%Y-%m-%d %H:%M}"

    def named(self, session: Session) -> str:
        # As the programme check names it: an approximate time by its words ("morning"),
        # never by the placeholder hours it is stored with.
        if session.is_approximate:
            day = session.starts_at.astimezone(self.zone)
            when = f"{day:%Y-%m-%d}, {str(session.get_time_precision_display()).lower()}"
        else:
            when = self.moment(session.starts_at)
        return f"{in_guillemets(str(session), active_language())} ({when})"

    def date_of(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()

    def surely_begun(self, session: Session, moment: dt.datetime) -> bool:
        """Whether ``session`` has begun by ``moment`` whatever its time turns out to be.
        Of an approximate time only the date is sure: it has begun once its day is over."""
        if session.is_approximate:
            return self.date_of(moment) > self.date_of(session.starts_at)
        return moment > session.starts_at

    def surely_unfinished(self, session: Session, moment: dt.datetime) -> bool:
        """Whether ``session`` is still to end at ``moment`` whatever its time turns out to
        be: for an approximate time, when its day has not come yet."""
        if session.is_approximate:
            return self.date_of(moment) < self.date_of(session.starts_at)
        return moment < session.ends_at

    # -- travel ---------------------------------------------------------------------------

    def journeys_of(self, participant: Participant, direction: str) -> list[Journey]:
        return [
            j
            for j in self.journeys
            if j.participant_id == participant.pk and j.direction == direction
        ]

    def check_journeys(self) -> None:
        if not self.journeys:
            return
        for participant in self.participants:
            arrivals = self.journeys_of(participant, Journey.Direction.ARRIVAL)
            departures = self.journeys_of(participant, Journey.Direction.DEPARTURE)
            # The organisers of a visit often live where it happens: no journey is asked of
            # them, though the journeys they do have are checked like anyone's.
            travels = participant.role != Participant.Role.ORGANISER or arrivals or departures
            if travels and (not arrivals or not departures):
                self.add(
                    self.warning,
                    "participant_without_journey",
                    (
                        _("%(participant)s has no arrival journey.")
                        if not arrivals
                        else _("%(participant)s has no departure journey.")
                    )
                    % {"participant": participant},
                    participant,
                )
            sessions = list(
                programme_sessions(visit=self.visit, participant_id=participant.pk).order_by(
                    "starts_at", "pk"
                )
            )
            if not sessions:
                continue
            if arrivals:
                self.check_arrival(participant, max(arrivals, key=lambda j: j.arrives_at), sessions)
            if departures:
                self.check_departure(
                    participant, min(departures, key=lambda j: j.departs_at), sessions
                )

    def check_arrival(
        self, participant: Participant, landing: Journey, sessions: list[Session]
    ) -> None:
        # The transfer that meets this arrival is judged by check_transfers, with its
        # buffer for passport control and luggage.
        sessions = [s for s in sessions if s.pk != landing.transfer_id]
        # Sessions come in the order of their start, an unconfirmed one at the top of its
        # day: the first one surely missed is the one to name.
        first = next((s for s in sessions if self.surely_begun(s, landing.arrives_at)), None)
        if first is not None:
            self.add(
                self.error,
                "arrival_after_first_session",
                _(
                    "%(participant)s arrives at %(arrives)s (%(journey)s), after their "
                    "first session %(session)s starts."
                )
                % {
                    "participant": participant,
                    "arrives": self.moment(landing.arrives_at),
                    "journey": landing,
                    "session": self.named(first),
                },
                participant,
            )
            return
        # Landing on the day of an approximate session, after the placeholder start of its
        # part of the day: only its hour, not yet known, tells whether it is missed.
        unsure = next(
            (s for s in sessions if s.is_approximate and landing.arrives_at > s.starts_at), None
        )
        if unsure is not None:
            self.add(
                self.warning,
                "arrival_on_day_of_approximate_session",
                _(
                    "%(participant)s arrives at %(arrives)s (%(journey)s) on the day of "
                    "%(session)s, which has no exact time yet: check that they can attend."
                )
                % {
                    "participant": participant,
                    "arrives": self.moment(landing.arrives_at),
                    "journey": landing,
                    "session": self.named(unsure),
                },
                participant,
            )

    def check_departure(
        self, participant: Participant, leaving: Journey, sessions: list[Session]
    ) -> None:
        latest_first = sorted(sessions, key=lambda s: s.ends_at, reverse=True)
        last = next(
            (s for s in latest_first if self.surely_unfinished(s, leaving.departs_at)), None
        )
        if last is not None:
            self.add(
                self.error,
                "departure_before_last_session",
                _(
                    "%(participant)s leaves at %(departs)s (%(journey)s), before their "
                    "last session %(session)s ends."
                )
                % {
                    "participant": participant,
                    "departs": self.moment(leaving.departs_at),
                    "journey": leaving,
                    "session": self.named(last),
                },
                participant,
            )
            return
        unsure = next(
            (s for s in latest_first if s.is_approximate and leaving.departs_at < s.ends_at),
            None,
        )
        if unsure is not None:
            self.add(
                self.warning,
                "departure_on_day_of_approximate_session",
                _(
                    "%(participant)s leaves at %(departs)s (%(journey)s) on the day of "
                    "%(session)s, which has no exact time yet: check that they can stay "
                    "until it ends."
                )
                % {
                    "participant": participant,
                    "departs": self.moment(leaving.departs_at),
                    "journey": leaving,
                    "session": self.named(unsure),
                },
                participant,
            )

    def check_transfers(self) -> None:
        buffer = dt.timedelta(
            minutes=getattr(
                settings, "LOGISTICS_TRANSFER_BUFFER_MINUTES", DEFAULT_TRANSFER_BUFFER_MINUTES
            )
        )
        # Per transfer, the latest arrival it surely leaves before, and the latest one it
        # may leave before (its time being approximate, the same day).
        late: dict[int, tuple[Session, Journey]] = {}
        unsure: dict[int, tuple[Session, Journey]] = {}
        for journey in self.journeys:
            if journey.direction != Journey.Direction.ARRIVAL or not journey.transfer_id:
                continue
            transfer = journey.transfer
            ready = journey.arrives_at + buffer
            if self.surely_begun(transfer, ready):
                found = late
            elif transfer.is_approximate and transfer.starts_at < ready:
                found = unsure
            else:
                continue
            known = found.get(transfer.pk)
            if known is None or journey.arrives_at > known[1].arrives_at:
                found[transfer.pk] = (transfer, journey)
        minutes = int(buffer.total_seconds() // 60)
        for transfer, journey in late.values():
            self.add(
                self.error,
                "transfer_before_arrival",
                _(
                    "The transfer %(session)s leaves before %(journey)s has landed at "
                    "%(arrives)s and %(minutes)d min have passed."
                )
                % {
                    "session": self.named(transfer),
                    "journey": journey,
                    "arrives": self.moment(journey.arrives_at),
                    "minutes": minutes,
                },
                transfer,
            )
        for transfer, journey in unsure.values():
            if transfer.pk in late:
                continue
            self.add(
                self.warning,
                "transfer_of_approximate_time",
                _(
                    "The transfer %(session)s has no exact time yet and %(journey)s lands at "
                    "%(arrives)s: check that it leaves at least %(minutes)d min later."
                )
                % {
                    "session": self.named(transfer),
                    "journey": journey,
                    "arrives": self.moment(journey.arrives_at),
                    "minutes": minutes,
                },
                transfer,
            )

    # -- lodging --------------------------------------------------------------------------

    def check_nights(self) -> None:
        if not self.stays:
            return
        for participant in self.participants:
            arrivals = self.journeys_of(participant, Journey.Direction.ARRIVAL)
            departures = self.journeys_of(participant, Journey.Direction.DEPARTURE)
            if not arrivals or not departures:
                continue
            first_night = min(j.arrives_at for j in arrivals).astimezone(self.zone).date()
            last_day = max(j.departs_at for j in departures).astimezone(self.zone).date()
            covered = {
                night
                for stay in self.stays
                if stay.participant_id == participant.pk
                for night in nights_of(stay)
            }
            missing = [
                first_night + dt.timedelta(days=offset)
                for offset in range((last_day - first_night).days)
                if first_night + dt.timedelta(days=offset) not in covered
            ]
            if missing:
                self.add(
                    self.warning,
                    "night_without_bed",
                    _("%(participant)s has no bed for the night of %(nights)s.")
                    % {
                        "participant": participant,
                        "nights": ", ".join(f"{night:%Y-%m-%d}" for night in missing),
                    },
                    participant,
                )

    def check_rooms(self) -> None:
        sleeps: dict[tuple, int] = {}
        for stay in self.stays:
            for night in nights_of(stay):
                key = (stay.hotel_id, stay.room.strip().casefold(), night)
                sleeps[key] = min(sleeps.get(key, stay.room_sleeps), stay.room_sleeps)
        hotels = {stay.hotel_id: stay.hotel for stay in self.stays}
        reported = set()
        for (hotel_id, room, night), guests in sorted(
            room_occupants(visit=self.visit).items(), key=lambda item: item[0][2]
        ):
            if len(guests) <= sleeps[(hotel_id, room, night)] or (hotel_id, room) in reported:
                continue
            reported.add((hotel_id, room))
            self.add(
                self.error,
                "room_over_capacity",
                _(
                    "Room %(room)s of %(hotel)s sleeps %(sleeps)d but %(count)d people are in "
                    "it on the night of %(night)s: %(guests)s."
                )
                % {
                    "room": room,
                    "hotel": hotels[hotel_id],
                    "sleeps": sleeps[(hotel_id, room, night)],
                    "count": len(guests),
                    "night": f"{night:%Y-%m-%d}",
                    "guests": ", ".join(str(g) for g in guests),
                },
                guests[0],
            )

    # -- staff ----------------------------------------------------------------------------

    def check_staff(self) -> None:
        if not self.staff:
            return
        interpreters = [m for m in self.staff if m.role == StaffMember.Role.INTERPRETER]
        interpreted = {s.pk for m in interpreters for s in m.sessions.all()}
        for session in Session.objects.filter(visit=self.visit).exclude(interpretation=""):
            if session.pk not in interpreted:
                self.add(
                    self.warning,
                    "session_without_interpreter",
                    _("%(session)s needs interpretation but no interpreter is assigned.")
                    % {"session": self.named(session)},
                    session,
                )
        limit = getattr(settings, "LOGISTICS_INTERPRETER_MAX_HOURS", DEFAULT_INTERPRETER_MAX_HOURS)
        for member in self.staff:
            sessions = sorted(member.sessions.all(), key=lambda s: (s.starts_at, s.pk))
            for first, second in combinations(sessions, 2):
                if not (first.starts_at < second.ends_at and second.starts_at < first.ends_at):
                    continue
                if first.is_approximate or second.is_approximate:
                    # Parts of the day meet as the programme check compares them (morning
                    # and afternoon do not); a whole day or an unconfirmed time meets
                    # whatever else the member does that date. Unlike a delegation, which
                    # the programme check lets attend an exact session within a whole
                    # day, a member booked for the day may be needed elsewhere: only the
                    # organiser knows, so ask.
                    self.add(
                        self.warning,
                        "staff_may_be_double_booked",
                        _(
                            "%(member)s works at %(first)s and at %(second)s, which may overlap "
                            "as one of them has no exact time yet: check that they can attend "
                            "both."
                        )
                        % {
                            "member": member,
                            "first": self.named(first),
                            "second": self.named(second),
                        },
                        member,
                    )
                    continue
                self.add(
                    self.error,
                    "staff_double_booked",
                    _("%(member)s works at %(first)s and at %(second)s at the same time.")
                    % {
                        "member": member,
                        "first": self.named(first),
                        "second": self.named(second),
                    },
                    member,
                )
            if member.role == StaffMember.Role.INTERPRETER:
                self.check_interpreter_hours(member, sessions, limit)

    def check_interpreter_hours(
        self, member: StaffMember, sessions: list[Session], limit: float
    ) -> None:
        # Exact sessions count their hours. An approximate one counts at most its
        # placeholder span (a morning is at most 09:00-12:30, as the programme check reads
        # it; a whole day or an unconfirmed time, the day): enough to say that a day surely
        # fits, never to say how long it is.
        exact: dict[dt.date, float] = {}
        at_most: dict[dt.date, float] = {}
        approximate: dict[dt.date, list[Session]] = {}
        for session in sessions:
            day = self.date_of(session.starts_at)
            hours = (session.ends_at - session.starts_at).total_seconds() / 3600
            at_most[day] = at_most.get(day, 0) + hours
            if session.is_approximate:
                approximate.setdefault(day, []).append(session)
            else:
                exact[day] = exact.get(day, 0) + hours
        for day in sorted(at_most):
            hours = exact.get(day, 0)
            if hours > limit:
                self.add(
                    self.warning,
                    "interpreter_overworked",
                    _(
                        "%(member)s interprets %(hours)s h on %(date)s, more than the "
                        "%(limit)s h a day an interpreter can work."
                    )
                    % {
                        "member": member,
                        "hours": f"{hours:g}",
                        "date": f"{day:%Y-%m-%d}",
                        "limit": limit,
                    },
                    member,
                )
            elif at_most[day] > limit:
                self.add(
                    self.warning,
                    "interpreter_hours_unknown",
                    _(
                        "%(member)s may interpret more than the %(limit)s h a day an "
                        "interpreter can work on %(date)s, as not every session of that day "
                        "has an exact time yet (%(sessions)s): check how long the day will be."
                    )
                    % {
                        "member": member,
                        "limit": limit,
                        "date": f"{day:%Y-%m-%d}",
                        "sessions": ", ".join(self.named(s) for s in approximate[day]),
                    },
                    member,
                )

    def run(self) -> list:
        self.check_journeys()
        self.check_transfers()
        self.check_nights()
        self.check_rooms()
        self.check_staff()
        return self.findings
