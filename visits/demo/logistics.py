"""Illustrative logistics of the Paris and Rouen demo: journeys, hotels, rooms and staff.

Everything here is invented to show the portal at work, and says so: hotel names carry
"(example)", booking references read EXEMPLE, staff notes say "Illustrative". The
delegation flies into Paris on two flights, takes the train to Rouen and back on the
Wednesday (the programme's own transfer sessions), and flies home on the Saturday. Rooms
are shared in pairs. The programme's Rouen day is a day trip, so the Rouen hotel is kept
as the hotel of that city but has no nights booked.

``demo_logistics_load(visit)`` is idempotent: rows are found again by natural keys
(a journey by participant, direction and number; a night by participant, hotel and
check-in; a staff member by visit and name), and what the data no longer lists goes.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from organisations.models import Venue
from participants.models import Journey, Participant, StaffMember, Stay
from visits.demo.records import Text
from visits.models import Session, Visit

SLUG = "paris-rouen-2019"
PARIS = ZoneInfo("Europe/Paris")
MOSCOW = ZoneInfo("Europe/Moscow")
ILLUSTRATIVE = "EXEMPLE"

HOTELS = {
    "paris": {
        "name": Text(
            ru="Отель «Фобур» (пример)",
            fr="Hôtel du Faubourg (exemple)",
            en="Hôtel du Faubourg (example)",
        ),
        "city": Text(ru="Париж", fr="Paris", en="Paris"),
        "address": "10 rue du Faubourg-Saint-Denis",
        "postal_code": "75010",
        "phone": "+33 1 00 00 10 10",
        "email": "reception.faubourg@example.org",
        "directions": Text(
            ru="Метро: Strasbourg – Saint-Denis (линии 4, 8, 9). Вымышленная гостиница.",
            fr="Métro : Strasbourg – Saint-Denis (lignes 4, 8, 9). Hôtel fictif.",
            en="Metro: Strasbourg – Saint-Denis (lines 4, 8, 9). A fictional hotel.",
        ),
    },
    "rouen": {
        "name": Text(
            ru="Отель «Собор» (пример)",
            fr="Hôtel de la Cathédrale (exemple)",
            en="Hôtel de la Cathédrale (example)",
        ),
        "city": Text(ru="Руан", fr="Rouen", en="Rouen"),
        "address": "5 rue Saint-Romain",
        "postal_code": "76000",
        "phone": "+33 2 00 00 20 20",
        "email": "reception.cathedrale@example.org",
        "directions": Text(
            ru="В пяти минутах от собора. Вымышленная гостиница.",
            fr="À cinq minutes de la cathédrale. Hôtel fictif.",
            en="Five minutes from the cathedral. A fictional hotel.",
        ),
    },
}

# (carrier, number, leaves Moscow, lands in Paris): two flights on the Sunday morning.
FLIGHTS_IN = (
    ("Aeroflot", "SU 2458", dt.datetime(2019, 5, 12, 8, 5), dt.datetime(2019, 5, 12, 10, 45)),
    ("Air France", "AF 1545", dt.datetime(2019, 5, 12, 9, 35), dt.datetime(2019, 5, 12, 12, 5)),
)
FLIGHT_OUT = (
    "Air France",
    "AF 1644",
    dt.datetime(2019, 5, 18, 19, 30),
    dt.datetime(2019, 5, 19, 0, 5),
)
TRAIN_TO_ROUEN = (
    "SNCF",
    "TER 3101",
    dt.datetime(2019, 5, 15, 8, 20),
    dt.datetime(2019, 5, 15, 9, 40),
)
TRAIN_BACK = (
    "SNCF",
    "TER 3120",
    dt.datetime(2019, 5, 15, 17, 10),
    dt.datetime(2019, 5, 15, 18, 30),
)

INTERPRETER_EMAIL = "irina.kovaleva@example.org"
GUIDE = "Julien Moreau"


def _transfer(visit: Visit, day: int, hour: int, minute: int = 0) -> Session | None:
    starts = dt.datetime(2019, 5, day, hour, minute, tzinfo=PARIS)
    return Session.objects.filter(visit=visit, kind=Session.Kind.TRANSFER, starts_at=starts).first()


def _hotel(record: dict) -> Venue:
    hotel, _ = Venue.objects.update_or_create(
        name_fr=record["name"].fr,
        city_fr=record["city"].fr,
        defaults={
            **record["name"].columns("name"),
            **record["city"].columns("city"),
            **record["directions"].columns("directions"),
            "kind": Venue.Kind.HOTEL,
            "address": record["address"],
            "postal_code": record["postal_code"],
            "country_fr": "France",
            "country_ru": "Франция",
            "country_en": "France",
            "phone": record["phone"],
            "email": record["email"],
        },
    )
    return hotel


def _journey(participant, direction, mode, service, places, transfer, group="") -> int:
    carrier, number, departs, arrives = service
    (from_place, from_zone), (to_place, to_zone) = places
    row, _ = Journey.objects.update_or_create(
        participant=participant,
        direction=direction,
        number=number,
        defaults={
            "mode": mode,
            "carrier": carrier,
            "from_place": from_place,
            "from_zone": str(from_zone),
            "departs_at": departs.replace(tzinfo=from_zone),
            "to_place": to_place,
            "to_zone": str(to_zone),
            "arrives_at": arrives.replace(tzinfo=to_zone),
            "booking_reference": ILLUSTRATIVE,
            "travel_group": group,
            "transfer": transfer,
        },
    )
    return row.pk


def demo_logistics_load(visit: Visit) -> None:
    """Journeys, nights and staff of the Paris and Rouen demo visit."""
    hotels = {key: _hotel(record) for key, record in HOTELS.items()}
    travellers = list(
        Participant.objects.filter(visit=visit)
        .exclude(role=Participant.Role.ORGANISER)
        .order_by("name_latin")
    )
    welcome = _transfer(visit, 12, 13)
    to_rouen, back = _transfer(visit, 15, 8, 20), _transfer(visit, 15, 17, 10)
    to_airport = _transfer(visit, 18, 15)
    moscow = ("Moscou Cheremetievo (SVO)", MOSCOW)
    cdg = ("Paris Charles-de-Gaulle (CDG)", PARIS)
    saint_lazare, rouen = ("Paris Saint-Lazare", PARIS), ("Rouen Rive Droite", PARIS)

    journeys, stays = [], []
    for index, person in enumerate(travellers):
        flight = FLIGHTS_IN[index % 2]
        group = f"Vol {flight[1]}"
        journeys += [
            _journey(person, "arrival", "flight", flight, (moscow, cdg), welcome, group),
            _journey(person, "onward", "train", TRAIN_TO_ROUEN, (saint_lazare, rouen), to_rouen),
            _journey(person, "onward", "train", TRAIN_BACK, (rouen, saint_lazare), back),
            _journey(person, "departure", "flight", FLIGHT_OUT, (cdg, moscow), to_airport),
        ]
        # Rooms in pairs, in the order of the delegation list: 101, 101, 102, 102, ...
        row, _ = Stay.objects.update_or_create(
            participant=person,
            hotel=hotels["paris"],
            check_in=dt.date(2019, 5, 12),
            defaults={
                "room": str(101 + index // 2),
                "room_sleeps": 2,
                "check_out": dt.date(2019, 5, 18),
            },
        )
        stays.append(row.pk)
    Journey.objects.filter(participant__visit=visit).exclude(pk__in=journeys).delete()
    Stay.objects.filter(participant__visit=visit).exclude(pk__in=stays).delete()

    staff = []
    interpreter_participant = Participant.objects.filter(
        visit=visit, email=INTERPRETER_EMAIL
    ).first()
    interpreter, _ = StaffMember.objects.update_or_create(
        visit=visit,
        name="Irina Kovaleva",
        defaults={
            "role": StaffMember.Role.INTERPRETER,
            "languages": "ru, fr",
            "participant": interpreter_participant,
            "preferred_language": "ru",
            "notes": "Illustrative: the delegation's interpreter.",
        },
    )
    # One interpreter cannot be in two group sessions at once: the first of each pair is
    # hers; the check asks the organiser to find a second interpreter for the other.
    interpreted = []
    for session in (
        Session.objects.filter(visit=visit).exclude(interpretation="").order_by("starts_at", "pk")
    ):
        if not any(
            s.starts_at < session.ends_at and session.starts_at < s.ends_at for s in interpreted
        ):
            interpreted.append(session)
    interpreter.sessions.set(interpreted)
    staff.append(interpreter.pk)

    guide, _ = StaffMember.objects.update_or_create(
        visit=visit,
        name=GUIDE,
        defaults={
            "role": StaffMember.Role.GUIDE,
            "languages": "fr, en, ru",
            "preferred_language": "fr",
            "phone": "+33 6 00 00 00 42",
            "notes": "Illustrative: a guide for the day in Rouen.",
        },
    )
    wednesday = dt.datetime(2019, 5, 15, tzinfo=PARIS)
    guide.sessions.set(
        Session.objects.filter(
            visit=visit,
            starts_at__gte=wednesday,
            starts_at__lt=wednesday + dt.timedelta(days=1),
        )
    )
    staff.append(guide.pk)
    StaffMember.objects.filter(visit=visit).exclude(pk__in=staff).delete()
