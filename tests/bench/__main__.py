"""make bench: every target of docs/performance.md, measured on a database of its own.

The benchmark never touches the database that DATABASE_URL names: it makes a throw-away
SQLite database (or, with BENCH_DATABASE_URL, uses that one, which it expects empty), its
own media folder, and its own Redis for the workers. It prints one row per target with the
figure and whether it is met, and writes the same to bench-results/results.json.

BENCH_SECONDS (default 5) is how long wrk loads each page; BENCH_REPEAT (default 5) how
many times each booklet is rendered.
"""

import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from tests.bench import booklets, web

ROOT = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def environment(workdir: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "MEDIA_ROOT", "DEBUG"}
    }
    env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{workdir}/bench.db"
    env["MEDIA_ROOT"] = str(workdir / "media")
    env["STATIC_ROOT"] = str(workdir / "static")
    env["DEBUG"] = "false"
    # Served over plain http on the loopback: no https redirect, no proxy to trust.
    env["SECURE_SSL_REDIRECT"] = "false"
    env["BEHIND_TLS_PROXY"] = "false"
    env["SECRET_KEY"] = "bench-only-not-a-secret-bench-only-not-a-secret"
    # The running visits' change notices are kept in memory, not printed or sent.
    env["EMAIL_URL"] = "locmem://"
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    env["PYTHONPATH"] = str(ROOT)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return env


def queries_per_page(data, pages: dict) -> dict:
    """SQL queries of each page, by the test client in this process."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    anonymous, organiser = Client(), Client()
    organiser.force_login(get_user_model().objects.get(username=data.admin_username))
    counts = {}
    for label, (path, staff) in pages.items():
        client = organiser if staff else anonymous
        client.get(path)  # caches warm, as in a running server
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[label] = len(queries)
    return counts


def admin_cookie(data) -> tuple[str, str]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=data.admin_username))
    return (
        "Cookie",
        f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    )


def target(rows: list, what: str, figure, limit, met: bool, unit: str = "") -> None:
    rows.append({"target": what, "figure": figure, "limit": limit, "unit": unit, "met": met})


def bytecode_compiled() -> None:
    """Our modules compiled to bytecode, as a deployed portal's are (docs/deploy.md).

    Where the environment sets PYTHONDONTWRITEBYTECODE, as container images and this
    benchmark's machines do, nothing else writes it: every cold command compiled our
    hundred-odd modules again, a tenth of a second of each, which no deployed portal pays.
    """
    import compileall
    import tomllib

    # The portal's packages are those whose imports `make lint` checks.
    with (ROOT / "pyproject.toml").open("rb") as pyproject:
        packages = tomllib.load(pyproject)["tool"]["importlinter"]["root_packages"]
    for package in (*packages, "tests/bench"):
        compileall.compile_dir(ROOT / package, quiet=1)
    compileall.compile_file(ROOT / "tests" / "__init__.py", quiet=1)


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="visits-bench-"))
    env = environment(workdir)
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from tests.bench.data import build
    from visits.booklets.services import booklet_mode_parse, booklet_request
    from visits.models import Visit

    print(f"Building the benchmark's database in {workdir} …", flush=True)
    data = build()
    # As in production: static files collected, hashed and compressed for WhiteNoise.
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    demo = Visit.objects.get(slug=data.demo_slug)
    booklet_request(visit=demo, mode=booklet_mode_parse(languages="ru+fr", paper="a5"))

    pages = {
        "itinerary, demo": (f"/p/{data.demo_token}/", False),
        "itinerary, 300 sessions": (f"/p/{data.large_token}/", False),
        "public page, demo": (f"/v/{data.demo_slug}/", False),
        "public page, 300 sessions": (f"/v/{data.large_slug}/", False),
        "calendar .ics, demo": (f"/p/{data.demo_token}/calendar.ics", False),
        "calendar .ics, 300 sessions": (f"/p/{data.large_token}/calendar.ics", False),
        "cached booklet, demo": (f"/v/{data.demo_slug}/booklet/ru+fr/a5/", False),
        "admin visit page, demo": (f"/admin/visits/visit/{data.demo_visit_id}/change/", True),
        "admin visit page, 300 sessions": (
            f"/admin/visits/visit/{data.large_visit_id}/change/",
            True,
        ),
        "admin sessions of a visit, 300 sessions": (
            f"/admin/visits/session/?visit__id__exact={data.large_visit_id}",
            True,
        ),
        "admin programme editor, 300 sessions": (
            f"/admin/visits/visit/{data.large_visit_id}/programme/",
            True,
        ),
    }
    print("Counting queries …", flush=True)
    queries = queries_per_page(data, pages)

    print(f"Loading each page for {SECONDS} s with wrk on one gunicorn worker …", flush=True)
    cookie = admin_cookie(data)
    # Every request asks as a phone's browser asks, the trivial view's too.
    browser = ("Accept-Encoding", "gzip, deflate, br")
    served = {}
    with web.Server(env) as server:

        def trivial_load() -> dict:
            return web.load(server, "/bench/trivial/", seconds=SECONDS, headers=[browser])

        # The trivial view is loaded before and after each page, and the page compared with
        # the mean of the two: the machine's speed drifts within a run (one trivial load at
        # the start served 938 req/s in one run and 2,126 in another), and a page measured
        # minutes after its yardstick counted that drift as its own.
        trivials = [trivial_load()]
        for label, (path, staff) in pages.items():
            served[label] = web.load(
                server, path, seconds=SECONDS, headers=[browser, cookie] if staff else [browser]
            )
            trivials.append(trivial_load())
            beside = (trivials[-2]["rps"] + trivials[-1]["rps"]) / 2
            served[label]["trivial_rps_beside"] = round(beside, 1)
            served[label]["ratio_to_trivial"] = round(served[label]["rps"] / beside, 3)
    # The trivial view's row: its median load, and the spread of all of them.
    trivials.sort(key=lambda figures: figures["rps"])
    served = {
        "trivial view": {
            **trivials[len(trivials) // 2],
            "ratio_to_trivial": 1.0,
            "rps_all": [figures["rps"] for figures in trivials],
        },
        **served,
    }

    print(f"Booklets, {REPEAT} runs each …", flush=True)
    bytecode_compiled()
    demo_cold = booklets.cold_command(
        env=env, slug=data.demo_slug, languages="ru+fr", paper="a5", repeat=REPEAT
    )
    large_cold = booklets.cold_command(
        env=env, slug=data.large_slug, languages="ru+fr", paper="a4", repeat=REPEAT
    )
    typeset = booklets.typesetting(
        env=env, slug=data.demo_slug, languages="ru+fr", paper="a5", repeat=REPEAT
    )
    print("One and two Celery workers on Redis rendering 20 booklets …", flush=True)
    scale = booklets.scale_out(env=env, slug=data.demo_slug, booklets=20)

    rows: list = []
    for page in ("itinerary, demo", "public page, demo"):
        ratio = served[page]["ratio_to_trivial"]
        target(rows, f"{page}: throughput / trivial view", ratio, "≥ 0.2", ratio >= 0.2)
    for short, large in (
        ("itinerary, demo", "itinerary, 300 sessions"),
        ("public page, demo", "public page, 300 sessions"),
    ):
        ratio = round(served[large]["p50_ms"] / served[short]["p50_ms"], 2)
        target(rows, f"{large}: p50 / demo's", ratio, "≤ 1.5", ratio <= 1.5)
    ratio = served["cached booklet, demo"]["ratio_to_trivial"]
    target(rows, "cached booklet download: throughput / trivial", ratio, "≥ 0.5", ratio >= 0.5)
    per_page = typeset["portal_cpu_s_per_page"]["median"]
    target(
        rows,
        "bilingual A5 booklet: CPU s a page (whole render)",
        per_page,
        "≤ 0.06",
        per_page <= 0.06,
    )
    overhead = typeset["overhead"]["median"]
    target(rows, "render CPU / WeasyPrint alone, same HTML", overhead, "≤ 1.15", overhead <= 1.15)
    cold = demo_cold["wall_s"]["median"]
    target(rows, "demo ru+fr A5 booklet, cold command", cold, "< 3", cold < 3, "s")
    large = large_cold["wall_s"]["median"]
    target(rows, "300-session ru+fr booklet, cold command", large, "< 15", large < 15, "s")
    memory = large_cold["peak_mib"]
    target(rows, "300-session ru+fr booklet, peak memory", memory, "< 400", memory < 400, "MiB")
    for page in ("itinerary", "public page", "calendar .ics"):
        small, big = queries[f"{page}, demo"], queries[f"{page}, 300 sessions"]
        target(
            rows,
            f"{page}: queries, demo / 300 sessions",
            f"{small} / {big}",
            "≤ 10, equal",
            small == big and big <= 10,
        )
    for page in (
        "admin visit page, 300 sessions",
        "admin sessions of a visit, 300 sessions",
        "admin programme editor, 300 sessions",
    ):
        target(rows, f"{page}: queries", queries[page], "≤ 40", queries[page] <= 40)
    speed_up = scale["speed_up"]
    target(rows, "20 booklets: 2 workers / 1 worker", speed_up, "≥ 1.8", speed_up >= 1.8, "x")

    width = max(len(row["target"]) for row in rows)
    print()
    print(f"{'target':<{width}}  {'figure':>12}  {'limit':>12}  met")
    for row in rows:
        figure = f"{row['figure']}{' ' + row['unit'] if row['unit'] else ''}"
        met = "yes" if row["met"] else "NO"
        print(f"{row['target']:<{width}}  {figure:>12}  {row['limit']:>12}  {met}")
    print()
    print(
        f"{'page':<42} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'÷ trivial':>9} "
        f"{'queries':>8} {'bytes sent':>14}"
    )
    for label, figures in served.items():
        sent = f"{figures['bytes']:,}{' gzip' if figures['encoding'] == 'gzip' else ''}"
        print(
            f"{label:<42} {figures['rps']:>8} {figures['p50_ms']:>8} {figures['p95_ms']:>8} "
            f"{figures['ratio_to_trivial']:>9} {queries.get(label, ''):>8} {sent:>14}"
        )
    spread = served["trivial view"]["rps_all"]
    print(
        f"The trivial view, loaded {len(spread)} times between the pages: "
        f"{spread[0]:,.0f} to {spread[-1]:,.0f} req/s; each page is compared with the two "
        "loads beside it."
    )
    results = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "database": env["DATABASE_URL"].split(":", 1)[0],
        },
        "targets": rows,
        "pages": served,
        "queries": queries,
        "booklets": {
            "demo ru+fr A5 cold": demo_cold,
            "300 sessions ru+fr A4 cold": large_cold,
            "demo ru+fr A5 typesetting": typeset,
        },
        "workers": scale,
    }
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\nWritten to {out / 'results.json'}")


if __name__ == "__main__":
    main()
