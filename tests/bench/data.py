"""The benchmark's data: the two demo visits, one large visit and a large installation.

Built with bulk inserts so that the benchmark spends its time measuring, not preparing. The
large visit is shaped like a real long programme: 300 sessions over 30 days, hosts,
speakers and venues reused across sessions, two groups with a third of the sessions each,
100 participants. The installation adds 50 visits with 10,000 participants, so that every
page is measured in a database of realistic size.
"""

import datetime as dt
from dataclasses import dataclass
from io import StringIO

LARGE_SESSIONS = 300
LARGE_PARTICIPANTS = 100
INSTALLATION_VISITS = 50
INSTALLATION_PARTICIPANTS = 10_000


@dataclass
class BenchData:
    demo_slug: str
    demo_token: str
    large_slug: str
    large_token: str
    demo_visit_id: int
    large_visit_id: int
    admin_username: str


def _texts(field: str, fr: str, ru: str, en: str) -> dict:
    return {f"{field}_fr": fr, f"{field}_ru": ru, f"{field}_en": en}


def large_visit(*, slug: str, organiser, sessions: int, participants: int):
    from organisations.models import Organisation, Person, Venue
    from participants.models import Group, Participant
    from visits.models import Day, Session, Visit

    start = dt.date(2019, 5, 1)
    visit = Visit.objects.create(
        slug=slug,
        status=Visit.Status.PUBLISHED,
        start_date=start,
        end_date=start + dt.timedelta(days=29),
        organiser=organiser,
        first_language="ru",
        second_language="fr",
        **_texts("title", "Un long programme", "Длинная программа", "A long programme"),
        **_texts("cities", "Paris, Rouen", "Париж, Руан", "Paris, Rouen"),
    )
    hosts = Organisation.objects.bulk_create(
        Organisation(
            kind=Organisation.Kind.ASSOCIATION,
            website=f"https://host-{n}.example.org",
            **_texts("name", f"Association hôte {n}", f"Принимающая ассоциация {n}", f"Host {n}"),
            **_texts(
                "description",
                f"L'association {n} accueille des délégations depuis 1990.",
                f"Ассоциация {n} принимает делегации с 1990 года.",
                f"Association {n} has hosted delegations since 1990.",
            ),
        )
        for n in range(40)
    )
    speakers = Person.objects.bulk_create(
        Person(
            organisation=hosts[n % len(hosts)],
            email=f"speaker{n}@example.org",
            **_texts("name", f"Camille Martin {n}", f"Камилла Мартен {n}", f"Camille Martin {n}"),
            **_texts("role", "Directrice", "Директор", "Director"),
        )
        for n in range(60)
    )
    venues = Venue.objects.bulk_create(
        Venue(
            organisation=hosts[n],
            address=f"{n + 1} rue de Rivoli",
            postal_code="75004",
            **_texts("name", f"Salle {n}", f"Зал {n}", f"Room {n}"),
            **_texts("city", "Paris", "Париж", "Paris"),
            **_texts("country", "France", "Франция", "France"),
        )
        for n in range(25)
    )
    Day.objects.bulk_create(
        Day(
            visit=visit,
            date=start + dt.timedelta(days=n),
            **_texts("city", "Paris", "Париж", "Paris"),
        )
        for n in range(30)
    )
    groups = [
        Group.objects.create(visit=visit, **_texts("name", "Groupe A", "Группа А", "Group A")),
        Group.objects.create(visit=visit, **_texts("name", "Groupe B", "Группа Б", "Group B")),
    ]
    zone = visit.zone
    rows = []
    for n in range(sessions):
        day = start + dt.timedelta(days=n % 30)
        begins = dt.datetime.combine(day, dt.time(8 + (n // 30) % 10), tzinfo=zone)
        rows.append(
            Session(
                visit=visit,
                starts_at=begins,
                ends_at=begins + dt.timedelta(minutes=50),
                venue=venues[n % len(venues)],
                interpretation=Session.Interpretation.CONSECUTIVE,
                **_texts(
                    "title",
                    f"Rencontre n° {n} avec l'équipe d'accueil",
                    f"Встреча № {n} с командой приёма",
                    f"Meeting {n} with the welcome team",
                ),
                **_texts(
                    "description",
                    "Présentation du dispositif, visite des locaux, questions et réponses.",
                    "Презентация программы, осмотр помещений, вопросы и ответы.",
                    "Presentation of the scheme, a tour of the premises, questions.",
                ),
            )
        )
    created = Session.objects.bulk_create(rows)
    Session.hosts.through.objects.bulk_create(
        Session.hosts.through(session_id=s.pk, organisation_id=hosts[n % len(hosts)].pk)
        for n, s in enumerate(created)
    )
    Session.speakers.through.objects.bulk_create(
        Session.speakers.through(session_id=s.pk, person_id=speakers[n % len(speakers)].pk)
        for n, s in enumerate(created)
    )
    Session.groups.through.objects.bulk_create(
        Session.groups.through(session_id=s.pk, group_id=groups[n % 3].pk)
        for n, s in enumerate(created)
        if n % 3 < 2
    )
    delegates = Participant.objects.bulk_create(
        Participant(
            visit=visit,
            name_native=f"Участник {n}",
            name_latin=f"Uchastnik {n}",
            email=f"delegate{n}@example.org",
            preferred_language="ru",
        )
        for n in range(participants)
    )
    Participant.groups.through.objects.bulk_create(
        Participant.groups.through(participant_id=p.pk, group_id=groups[n % 2].pk)
        for n, p in enumerate(delegates)
    )
    return visit, delegates[0]


def installation(*, organiser, visits: int, participants: int) -> None:
    """Many visits of other organisers, each with its delegation and a short programme."""
    from organisations.models import Organisation
    from participants.models import Participant
    from visits.models import Session, Visit

    per_visit = participants // visits
    for n in range(visits):
        other = Organisation.objects.create(
            kind=Organisation.Kind.ASSOCIATION,
            **_texts("name", f"Organisateur {n}", f"Организатор {n}", f"Organiser {n}"),
        )
        start = dt.date(2018, 1, 1) + dt.timedelta(days=14 * n)
        visit = Visit.objects.create(
            slug=f"installation-{n}",
            status=Visit.Status.PUBLISHED,
            start_date=start,
            end_date=start + dt.timedelta(days=6),
            organiser=other,
            **_texts("title", f"Visite {n}", f"Визит {n}", f"Visit {n}"),
        )
        zone = visit.zone
        Session.objects.bulk_create(
            Session(
                visit=visit,
                starts_at=dt.datetime.combine(start, dt.time(9 + k % 8), tzinfo=zone)
                + dt.timedelta(days=k // 8),
                ends_at=dt.datetime.combine(start, dt.time(10 + k % 8), tzinfo=zone)
                + dt.timedelta(days=k // 8),
                **_texts("title", f"Séance {k}", f"Встреча {k}", f"Session {k}"),
            )
            for k in range(20)
        )
        Participant.objects.bulk_create(
            Participant(
                visit=visit,
                name_native=f"Участник {n}-{k}",
                name_latin=f"Uchastnik {n}-{k}",
                email=f"p{n}-{k}@example.org",
            )
            for k in range(per_visit)
        )


BOOKLETS_PERSONAL = 40


def booklets_made(*, visit) -> None:
    """The booklets a running visit has made: the visit's in every mode and for both
    audiences, and personal ones, all for the programme as it stood before its last edit.
    The admin's visit page lists them and says which are still current."""
    from participants.models import Participant
    from visits.booklets.models import Booklet
    from visits.booklets.selectors import booklet_modes

    modes = booklet_modes(visit=visit)
    rows = [
        Booklet(visit=visit, languages=languages, paper=paper, audience=audience)
        for languages, paper in modes
        for audience in Booklet.Audience.values
    ]
    readers = Participant.objects.filter(visit=visit).order_by("pk")[:BOOKLETS_PERSONAL]
    rows += [
        Booklet(visit=visit, participant=reader, languages=languages, paper=paper)
        for reader, (languages, paper) in zip(readers, modes * BOOKLETS_PERSONAL, strict=False)
    ]
    for index, booklet in enumerate(rows):
        booklet.content_version = f"{index:064x}"
        booklet.programme_key = "0.before-the-last-edit"
        booklet.status = Booklet.Status.READY
        booklet.rendered_at = visit.created_at
    Booklet.objects.bulk_create(rows)


def running_visit(*, visit, reader) -> None:
    """As a visit is while it runs: a version published and read, booklets made, a meeting
    moved, a new version published. The reader's itinerary then lists what changed, as it
    would, and the admin's visit page has booklets of an older programme to list."""
    import datetime

    from visits.changes.services import itinerary_reading_record, programme_version_publish
    from visits.models import Session

    programme_version_publish(visit=visit)
    itinerary_reading_record(participant=reader)
    booklets_made(visit=visit)
    moved = Session.objects.filter(visit=visit, groups=None).order_by("starts_at").first()
    moved.starts_at += datetime.timedelta(minutes=30)
    moved.ends_at += datetime.timedelta(minutes=30)
    moved.save()
    programme_version_publish(visit=visit)


def build() -> BenchData:
    """Migrate the benchmark's own database and fill it."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from participants.models import Participant
    from visits.models import Visit

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    demo = Visit.objects.get(slug="paris-rouen-2019")
    delegate = Participant.objects.filter(visit=demo, role="delegate").order_by("pk").first()
    big, big_delegate = large_visit(
        slug="bench-large",
        organiser=demo.organiser,
        sessions=LARGE_SESSIONS,
        participants=LARGE_PARTICIPANTS,
    )
    installation(
        organiser=demo.organiser, visits=INSTALLATION_VISITS, participants=INSTALLATION_PARTICIPANTS
    )
    for visit, reader in ((demo, delegate), (big, big_delegate)):
        running_visit(visit=visit, reader=reader)
    get_user_model().objects.create_superuser("bench", password="bench-only")
    return BenchData(
        demo_slug=demo.slug,
        demo_token=delegate.access_token,
        large_slug=big.slug,
        large_token=big_delegate.access_token,
        demo_visit_id=demo.pk,
        large_visit_id=big.pk,
        admin_username="bench",
    )
