"""The benchmark: how long the pages and booklets our users wait for take, and the memory.

Run with ``make bench``. It builds its own throw-away database (SQLite unless DATABASE_URL
says otherwise) with the demo visits and one large visit of 300 sessions, then times each
page a participant, the public or an organiser opens, and the booklet renders. Results go
to stdout and to bench-results/latest.json so two runs can be compared.
"""

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(workdir: str) -> None:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(action, repeat: int) -> dict:
    action()  # warm caches, templates and imports once, as a running server would have them
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return {
        "repeat": repeat,
        "median_ms": round(statistics.median(seconds) * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1),
    }


def large_visit(sessions: int):
    import datetime as dt

    from participants.models import Group, Participant
    from tests.factories import ParticipantFactory, SessionFactory, VisitFactory
    from visits.models import Day

    visit = VisitFactory(
        slug="bench-large",
        status="published",
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2019, 5, 30),
    )
    group = Group.objects.create(visit=visit, name_fr="Groupe A")
    for offset in range(30):
        Day.objects.create(visit=visit, date=visit.start_date + dt.timedelta(days=offset))
    zone = visit.zone
    for index in range(sessions):
        day = visit.start_date + dt.timedelta(days=index % 30)
        start = dt.datetime.combine(day, dt.time(8 + (index // 30) % 10), tzinfo=zone)
        session = SessionFactory(
            visit=visit, starts_at=start, ends_at=start + dt.timedelta(minutes=50)
        )
        if index % 3 == 0:
            session.groups.add(group)
    participant: Participant = ParticipantFactory(visit=visit)
    participant.groups.add(group)
    return visit, participant


def main() -> None:
    workdir = tempfile.mkdtemp(prefix="visits-bench-")
    setup_django(workdir)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from participants.models import Participant
    from visits.booklets.services import booklet_mode_parse, booklet_pdf
    from visits.models import Visit

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=StringIO())
    demo = Visit.objects.get(slug="paris-rouen-2019")
    delegate = Participant.objects.filter(visit=demo, role="delegate").first()
    big, big_participant = large_visit(300)
    admin = get_user_model().objects.create_superuser("bench", password="bench")
    client = Client()
    staff = Client()
    staff.force_login(admin)

    def get(http: Client, url: str):
        def action():
            response = http.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return action

    results = {
        "itinerary, demo delegate": timed(get(client, f"/p/{delegate.access_token}/"), 20),
        "itinerary, 300 sessions": timed(get(client, f"/p/{big_participant.access_token}/"), 10),
        "calendar .ics, 300 sessions": timed(
            get(client, f"/p/{big_participant.access_token}/calendar.ics"), 10
        ),
        "public programme, demo": timed(get(client, f"/v/{demo.slug}/?lang=fr"), 20),
        "admin visit page, demo": timed(get(staff, f"/admin/visits/visit/{demo.pk}/change/"), 5),
    }
    for label, languages, paper in [
        ("booklet ru+fr A5, demo", "ru+fr", "a5"),
        ("booklet ru A4, demo", "ru", "a4"),
        ("booklet fr A4, 300 sessions", "fr", "a4"),
    ]:
        visit = big if "300" in label else demo
        mode = booklet_mode_parse(languages=languages, paper=paper)
        pages = {}

        def render(visit=visit, mode=mode, pages=pages):
            pdf, _version = booklet_pdf(visit=visit, mode=mode)
            pages["bytes"] = len(pdf)

        results[label] = timed(render, 2) | {"pdf_kib": round(pages["bytes"] / 1024)}

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    width = max(len(label) for label in results)
    print(f"{'what':<{width}}  median ms   max ms")
    for label, numbers in results.items():
        extra = f"  ({numbers['pdf_kib']} KiB)" if "pdf_kib" in numbers else ""
        print(f"{label:<{width}}  {numbers['median_ms']:>9}  {numbers['max_ms']:>7}{extra}")
    print(f"peak memory of this process: {peak_mib:.0f} MiB")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps({"results": results, "peak_memory_mib": round(peak_mib)}, indent=2)
    )


if __name__ == "__main__":
    main()
