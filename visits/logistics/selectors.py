"""Reads for logistics, as plain values in one language.

What a participant reads is theirs only: their journeys (never the booking reference) and
their nights (their room and who shares it). The lists for a hotel or a transfer company
carry names, rooms and journeys, never booking references, contacts or needs.
"""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, Q

from organisations.languages import translated_text
from organisations.models import Venue
from participants.models import Journey, Participant, StaffMember, Stay
from participants.selectors import ACCESS_TOKEN_SHAPE
from visits.booklets.labels import choice_label
from visits.booklets.typography import day_label
from visits.models import Session, Visit
from visits.permissions import visit_scope
from visits.selectors import venue_street_address
from visits.typography import typeset


def _text(obj, field_name: str, language: str) -> str:
    """A translated field as the reader reads it: in its language's typography (l’hôtel,
    « … », a narrow space before ; : ! ? in French)."""
    value, shown = translated_text(obj=obj, field_name=field_name, language=language)
    return typeset(value.strip(), shown)


def zone_city(zone_name: str) -> str:
    """ "Europe/Moscow" -> "Moscow": how a reader recognises a zone by its city."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def zone_offset(moment: dt.datetime, zone_name: str) -> str:
    """ "UTC+3", "UTC+5:30": how far a place's clock is from UTC at that moment."""
    offset = moment.astimezone(ZoneInfo(zone_name)).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def moment_label(moment: dt.datetime, zone_name: str, language: str) -> str:
    """ "dimanche 12 mai, 09:50": always read inside a sentence (after a place, a title)."""
    local = moment.astimezone(ZoneInfo(zone_name))
    return f"{day_label(local.date(), language, mid_sentence=True)}, {local:%H:%M}"


# --- a participant's own ------------------------------------------------------------------


@dataclass
class TransferLine:
    title: str
    when: str
    meeting_point: str
    address: str


@dataclass
class JourneyLine:
    direction: str
    direction_label: str
    mode: str
    mode_label: str
    service: str
    from_place: str
    to_place: str
    departs: str
    departs_zone: str
    arrives: str
    arrives_zone: str
    travel_group: str
    transfer: TransferLine | None


@dataclass
class NightLine:
    """Consecutive nights in one bed with the same room-mates: one line, "each night" read
    from its first night to the morning of its check-out."""

    night: str
    date_label: str
    hotel: str
    room: str
    sharing: list[str]
    until: str = ""
    count: int = 1


@dataclass
class HotelLine:
    name: str
    address: str
    phone: str
    email: str
    directions: str
    check_in: str
    check_out: str


@dataclass
class ParticipantLogistics:
    journeys: list[JourneyLine] = field(default_factory=list)
    nights: list[NightLine] = field(default_factory=list)
    hotels: list[HotelLine] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.journeys or self.nights)


def transfer_line(session: Session, *, zone, language: str) -> TransferLine:
    venue = session.venue
    meeting_point = _text(session, "meeting_point", language)
    if not meeting_point and venue is not None:
        meeting_point = _text(venue, "name", language)
    if session.is_approximate:
        # The day, then the words: its stored hours are only a placeholder ("00:00").
        day = day_label(session.starts_at.astimezone(zone).date(), language, mid_sentence=True)
        precision = choice_label(Session.TimePrecision(session.time_precision), language)
        when = f"{day}, {precision.lower()}"
    else:
        when = moment_label(session.starts_at, str(zone), language)
    return TransferLine(
        title=_text(session, "title", language),
        when=when,
        meeting_point=meeting_point,
        address=venue_street_address(venue) if venue is not None else "",
    )


def journey_line(journey: Journey, *, zone, language: str) -> JourneyLine:
    return JourneyLine(
        direction=journey.direction,
        direction_label=choice_label(Journey.Direction(journey.direction), language),
        mode=journey.mode,
        mode_label=choice_label(Journey.Mode(journey.mode), language),
        service=" ".join(part for part in (journey.carrier, journey.number) if part),
        # Typed or imported as the organiser has them, read in the participant's language.
        from_place=typeset(journey.from_place, language),
        to_place=typeset(journey.to_place, language),
        departs=moment_label(journey.departs_at, journey.from_zone, language),
        departs_zone=zone_offset(journey.departs_at, journey.from_zone),
        arrives=moment_label(journey.arrives_at, journey.to_zone, language),
        arrives_zone=zone_offset(journey.arrives_at, journey.to_zone),
        travel_group=typeset(journey.travel_group, language),
        transfer=(
            transfer_line(journey.transfer, zone=zone, language=language)
            if journey.transfer_id
            else None
        ),
    )


def nights_of(stay: Stay) -> list[dt.date]:
    return [
        stay.check_in + dt.timedelta(days=offset)
        for offset in range((stay.check_out - stay.check_in).days)
    ]


def room_occupants(*, visit: Visit) -> dict[tuple[int, str, dt.date], list[Participant]]:
    """Who sleeps in each (hotel, room, night) of a visit; rooms left blank are not shared."""
    occupants: dict[tuple[int, str, dt.date], list[Participant]] = {}
    stays = Stay.objects.filter(participant__visit=visit).select_related("participant")
    for stay in stays.exclude(room=""):
        for night in nights_of(stay):
            key = (stay.hotel_id, stay.room.strip().casefold(), night)
            occupants.setdefault(key, []).append(stay.participant)
    return occupants


def participant_logistics(*, participant: Participant, language: str) -> ParticipantLogistics:
    """A participant's own journeys, nights and hotels, in ``language``."""
    visit = participant.visit
    zone = visit.zone
    journeys = (
        Journey.objects.filter(participant=participant)
        .select_related("transfer", "transfer__venue")
        .order_by("departs_at", "id")
    )
    # The participant's stays and those of anyone in the same hotels and rooms, in one
    # query: the room-mates come from the second kind (room names compared as written;
    # the nights and the case are compared below).
    hotel_stays = list(
        Stay.objects.filter(
            Q(participant=participant)
            | Q(
                participant__visit=visit,
                hotel__in=Stay.objects.filter(participant=participant).values("hotel"),
                room__in=Stay.objects.filter(participant=participant)
                .exclude(room="")
                .values("room"),
            )
        )
        .select_related("hotel", "participant")
        .order_by("check_in", "id")
    )
    stays = [stay for stay in hotel_stays if stay.participant_id == participant.pk]
    occupants: dict[tuple[int, str, dt.date], list[Participant]] = {}
    for stay in hotel_stays:
        if stay.room.strip():
            for night in nights_of(stay):
                key = (stay.hotel_id, stay.room.strip().casefold(), night)
                occupants.setdefault(key, []).append(stay.participant)
    nights = []
    hotels: dict[int, HotelLine] = {}
    for stay in stays:
        hotel_name = _text(stay.hotel, "name", language)
        hotels.setdefault(
            stay.hotel_id,
            HotelLine(
                name=hotel_name,
                address=venue_street_address(stay.hotel),
                phone=stay.hotel.phone,
                email=stay.hotel.email,
                directions=_text(stay.hotel, "directions", language),
                check_in=day_label(stay.check_in, language),
                check_out=day_label(stay.check_out, language),
            ),
        ).check_out = day_label(stay.check_out, language)
        for night in nights_of(stay):
            key = (stay.hotel_id, stay.room.strip().casefold(), night)
            others = [p for p in occupants.get(key, []) if p.pk != participant.pk]
            nights.append(
                NightLine(
                    night=night.isoformat(),
                    date_label=day_label(night, language),
                    hotel=hotel_name,
                    room=stay.room,
                    sharing=[other.name_latin for other in others],
                )
            )
    spans: list[NightLine] = []
    for line in sorted(nights, key=lambda line: line.night):
        last = spans[-1] if spans else None
        follows = last is not None and dt.date.fromisoformat(last.night) + dt.timedelta(
            days=last.count
        ) == dt.date.fromisoformat(line.night)
        if follows and (last.hotel, last.room, last.sharing) == (
            line.hotel,
            line.room,
            line.sharing,
        ):
            last.count += 1
        else:
            spans.append(line)
    for span in spans:
        morning = dt.date.fromisoformat(span.night) + dt.timedelta(days=span.count)
        # Inside the line's parenthesis: "(départ de l’hôtel : samedi 18 mai)".
        span.until = day_label(morning, language, mid_sentence=True)
    return ParticipantLogistics(
        journeys=[journey_line(j, zone=zone, language=language) for j in journeys],
        nights=spans,
        hotels=list(hotels.values()),
    )


# --- a staff member's own -----------------------------------------------------------------


@dataclass
class AssignmentLine:
    session: Session
    starts: dt.datetime
    ends: dt.datetime
    title: str
    kind_label: str
    place: str
    address: str
    interpretation: str
    colleagues: list[str]
    # "Morning", "Time to be confirmed": shown instead of ``starts`` and ``ends``, which for
    # an approximate time are only the placeholder span it is stored with. Empty if exact.
    approximate: str = ""


@dataclass
class StaffDay:
    date: dt.date
    label: str
    assignments: list[AssignmentLine]

    @property
    def hours(self) -> float | None:
        """The day's hours of work; None when an approximate time leaves them unknown (a
        time to be confirmed is stored as the whole day: it would count 24 h)."""
        if any(a.approximate for a in self.assignments):
            return None
        seconds = sum((a.ends - a.starts).total_seconds() for a in self.assignments)
        return round(seconds / 3600, 1)


def staff_by_token(*, token: str) -> StaffMember | None:
    """The staff member whose personal link carries this token, or None (as for
    participants: a malformed token never reaches the database)."""
    if not isinstance(token, str) or not ACCESS_TOKEN_SHAPE.fullmatch(token):
        return None
    member = (
        StaffMember.objects.select_related("visit", "visit__organiser")
        .filter(access_token=token)
        .first()
    )
    if member is None or not hmac.compare_digest(member.access_token.encode(), token.encode()):
        return None
    return member


def staff_days(
    *, visit: Visit, language: str, member: StaffMember | None = None
) -> list[tuple[StaffMember, list[StaffDay]]]:
    """Each staff member's assignments by day, in the visit's zone (one member if given)."""
    zone = visit.zone
    members = StaffMember.objects.filter(visit=visit).prefetch_related(
        Prefetch(
            "sessions",
            queryset=Session.objects.select_related("venue").order_by("starts_at", "id"),
        )
    )
    if member is not None:
        members = members.filter(pk=member.pk)
    members = list(members.order_by("role", "name", "id"))
    colleagues: dict[int, list[str]] = {}
    for one in StaffMember.objects.filter(visit=visit).prefetch_related("sessions"):
        for session in one.sessions.all():
            colleagues.setdefault(session.pk, []).append(one.name)
    result = []
    for one in members:
        days: dict[dt.date, StaffDay] = {}
        for session in one.sessions.all():
            start = session.starts_at.astimezone(zone)
            venue = session.venue
            place = _text(session, "meeting_point", language) or (
                _text(venue, "name", language) if venue else ""
            )
            interpretation = ""
            if session.interpretation:
                interpretation = choice_label(
                    Session.Interpretation(session.interpretation), language
                )
                note = _text(session, "interpretation_note", language)
                if note:
                    interpretation = f"{interpretation} ({note})"
            day = days.setdefault(
                start.date(), StaffDay(start.date(), day_label(start.date(), language), [])
            )
            day.assignments.append(
                AssignmentLine(
                    session=session,
                    starts=start,
                    ends=session.ends_at.astimezone(zone),
                    title=_text(session, "title", language),
                    kind_label=choice_label(Session.Kind(session.kind), language),
                    place=place,
                    address=venue_street_address(venue) if venue else "",
                    interpretation=interpretation,
                    colleagues=[n for n in colleagues.get(session.pk, []) if n != one.name],
                    approximate=(
                        choice_label(Session.TimePrecision(session.time_precision), language)
                        if session.is_approximate
                        else ""
                    ),
                )
            )
        result.append((one, [days[date] for date in sorted(days)]))
    return result


# --- the lists for the hotel and the transfer company ------------------------------------


@dataclass
class RoomNight:
    room: str
    sleeps: int
    guests: list[Participant]
    check_in: dt.date
    check_out: dt.date


@dataclass
class HotelNight:
    date: dt.date
    label: str
    rooms: list[RoomNight]


@dataclass
class HotelList:
    hotel: Venue
    name: str
    nights: list[HotelNight]


def rooming_list(*, visit: Visit, language: str) -> list[HotelList]:
    """Per hotel and night, each room with its guests; a guest with no room number gets a
    room of their own line (the hotel still needs their name)."""
    stays = (
        Stay.objects.filter(participant__visit=visit)
        .select_related("hotel", "participant")
        .order_by("hotel_id", "check_in", "room", "participant__name_latin")
    )
    hotels: dict[int, dict[dt.date, dict[str, RoomNight]]] = {}
    venues: dict[int, Venue] = {}
    for stay in stays:
        venues[stay.hotel_id] = stay.hotel
        for night in nights_of(stay):
            rooms = hotels.setdefault(stay.hotel_id, {}).setdefault(night, {})
            key = stay.room.strip().casefold() or f"—{stay.pk}"
            room = rooms.setdefault(
                key, RoomNight(stay.room, stay.room_sleeps, [], stay.check_in, stay.check_out)
            )
            room.guests.append(stay.participant)
            room.sleeps = min(room.sleeps, stay.room_sleeps)
    result = []
    for hotel_id, nights in hotels.items():
        hotel = venues[hotel_id]
        result.append(
            HotelList(
                hotel=hotel,
                name=_text(hotel, "name", language),
                nights=[
                    HotelNight(
                        date,
                        day_label(date, language),
                        sorted(nights[date].values(), key=lambda r: (r.room == "", r.room)),
                    )
                    for date in sorted(nights)
                ],
            )
        )
    return sorted(result, key=lambda h: h.name.casefold())


@dataclass
class Movement:
    direction: str
    direction_label: str
    mode_label: str
    service: str
    from_place: str
    to_place: str
    departs: dt.datetime
    arrives: dt.datetime
    departs_zone: str
    arrives_zone: str
    travel_group: str
    transfer: TransferLine | None
    people: list[Participant]

    # Each time as its own place reads it: a template filter would convert it to the zone
    # of the page.
    @property
    def departs_time(self) -> str:
        return f"{self.departs:%H:%M}"

    @property
    def arrives_time(self) -> str:
        return f"{self.arrives:%H:%M}"

    @property
    def moment(self) -> dt.datetime:
        return self.arrives if self.direction == Journey.Direction.ARRIVAL else self.departs


@dataclass
class ManifestDay:
    date: dt.date
    label: str
    movements: list[Movement]


def travel_manifest(*, visit: Visit, language: str) -> list[ManifestDay]:
    """Arrivals, departures and journeys between cities per day of the visit's zone; the
    people on one service at one time are one line, with the transfer that meets them."""
    zone = visit.zone
    journeys = (
        Journey.objects.filter(participant__visit=visit)
        .select_related("participant", "transfer", "transfer__venue")
        .order_by("departs_at", "id")
    )
    lines: dict[tuple, Movement] = {}
    for journey in journeys:
        key = (
            journey.direction,
            journey.mode,
            journey.carrier,
            journey.number,
            journey.from_place,
            journey.to_place,
            journey.departs_at,
            journey.arrives_at,
            journey.transfer_id,
        )
        if key not in lines:
            lines[key] = Movement(
                direction=journey.direction,
                direction_label=choice_label(Journey.Direction(journey.direction), language),
                mode_label=choice_label(Journey.Mode(journey.mode), language),
                service=" ".join(p for p in (journey.carrier, journey.number) if p),
                from_place=journey.from_place,
                to_place=journey.to_place,
                departs=journey.local_departs_at,
                arrives=journey.local_arrives_at,
                departs_zone=zone_city(journey.from_zone),
                arrives_zone=zone_city(journey.to_zone),
                travel_group=typeset(journey.travel_group, language),
                transfer=(
                    transfer_line(journey.transfer, zone=zone, language=language)
                    if journey.transfer_id
                    else None
                ),
                people=[],
            )
        lines[key].people.append(journey.participant)
    days: dict[dt.date, list[Movement]] = {}
    for movement in lines.values():
        movement.people.sort(key=lambda p: p.name_latin)
        days.setdefault(movement.moment.astimezone(zone).date(), []).append(movement)
    return [
        ManifestDay(
            date,
            day_label(date, language),
            sorted(days[date], key=lambda m: m.moment),
        )
        for date in sorted(days)
    ]


def hotel_usage(record, user) -> tuple[bool, bool]:
    """Whether participants of this user's visits sleep at a hotel, and whether others do:
    a hotel another organiser's delegation sleeps in is protected like a venue."""
    if not isinstance(record, Venue):
        return False, False
    visits = Visit.objects.filter(participants__stays__hotel=record)
    scope = visit_scope(user=user)
    return visits.filter(scope).exists(), visits.exclude(scope).exists()


def staff_personal_url(*, member: StaffMember) -> str:
    return f"{settings.SITE_URL}/s/{member.access_token}/"
