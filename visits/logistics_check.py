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
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from django.conf import settings
from django.utils.translation import gettext as _

from participants.models import Journey, Participant, StaffMember, Stay
from visits.logistics.selectors import nights_of, room_occupants
from visits.models import Session, Visit
from visits.selectors import programme_sessions
from visits.translations import admin_change_url

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
        return f"«{session}» ({when})"

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
                landing = max(arrivals, key=lambda j: j.arrives_at)
                first = sessions[0]
                if landing.arrives_at > first.starts_at:
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
            if departures:
                leaving = min(departures, key=lambda j: j.departs_at)
                last = max(sessions, key=lambda s: s.ends_at)
                if leaving.departs_at < last.ends_at:
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

    def check_transfers(self) -> None:
        buffer = dt.timedelta(
            minutes=getattr(
                settings, "LOGISTICS_TRANSFER_BUFFER_MINUTES", DEFAULT_TRANSFER_BUFFER_MINUTES
            )
        )
        late: dict[int, tuple[Session, Journey]] = {}
        for journey in self.journeys:
            if journey.direction != Journey.Direction.ARRIVAL or not journey.transfer_id:
                continue
            transfer = journey.transfer
            if transfer.starts_at < journey.arrives_at + buffer:
                known = late.get(transfer.pk)
                if known is None or journey.arrives_at > known[1].arrives_at:
                    late[transfer.pk] = (transfer, journey)
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
                    "minutes": int(buffer.total_seconds() // 60),
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
                if first.starts_at < second.ends_at and second.starts_at < first.ends_at:
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
            if member.role != StaffMember.Role.INTERPRETER:
                continue
            per_day: dict[dt.date, float] = {}
            for session in sessions:
                day = session.starts_at.astimezone(self.zone).date()
                hours = (session.ends_at - session.starts_at).total_seconds() / 3600
                per_day[day] = per_day.get(day, 0) + hours
            for day, hours in sorted(per_day.items()):
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

    def run(self) -> list:
        self.check_journeys()
        self.check_transfers()
        self.check_nights()
        self.check_rooms()
        self.check_staff()
        return self.findings
