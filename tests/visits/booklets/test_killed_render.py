"""A render whose worker child is killed (SIGKILL, out of memory, hard time limit) does not
leave its booklet pending for ever: the beat sweep sends it again and it gets made.

A real worker process (prefork, as in production) on a redis-server of the test's own, and
the test's PostgreSQL database: SQLite's in-memory test database is not shared with another
process, so on SQLite this test is skipped (CI runs the suite on PostgreSQL too).
"""

import datetime
import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone

from tests.real_services import celery_on, redis_server, wait_until
from tests.scenarios import librarians_in_paris_and_rouen
from visits.booklets.models import Booklet
from visits.booklets.services import booklet_mode_parse, booklet_request, booklets_dispatch_stale

PROJECT = Path(__file__).resolve().parents[3]


def database_url() -> str:
    # Marked postgres: a worker in another process needs a shared database.
    assert connection.vendor == "postgresql"
    db = connection.settings_dict
    credentials = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{db['NAME']}"


def worker_children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(line) for line in found.stdout.split()]


@pytest.fixture
def worker(settings, tmp_path):
    """Start a Celery worker process on a given broker; stop it at the end."""
    processes = []

    def start(broker_url: str) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": broker_url,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
        log = (tmp_path / "worker.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork"]
            + ["--concurrency=1", "--loglevel=INFO", "--without-heartbeat", "--without-gossip"]
            + ["--without-mingle"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        for child in worker_children(process.pid):
            os.kill(child, signal.SIGKILL)
        process.kill()
        process.wait(timeout=30)


@pytest.mark.faults
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_render_killed_mid_way_is_sent_again_by_the_sweep_and_made(worker, tmp_path):
    database_url()
    visit = librarians_in_paris_and_rouen(days=3, extra_sessions=4)
    mode = booklet_mode_parse(languages="ru+fr", paper="a5")
    with redis_server() as redis, celery_on(redis.url, own_prefix=False):
        process = worker(redis.url)
        booklet = booklet_request(visit=visit, mode=mode)

        # The render has started when its attempt is counted; then its child is killed.
        def started() -> bool:
            return Booklet.objects.get(pk=booklet.pk).attempts == 1

        assert wait_until(started, seconds=60, step=0.02), (tmp_path / "worker.log").read_text()
        [child] = worker_children(process.pid)
        os.kill(child, signal.SIGKILL)

        # Nothing records the loss: the row stays pending, its message acknowledged.
        assert not wait_until(
            lambda: Booklet.objects.get(pk=booklet.pk).status != Booklet.Status.PENDING,
            seconds=3,
        )
        booklet.refresh_from_db()
        assert (booklet.status, booklet.attempts, bool(booklet.file)) == ("pending", 1, False)

        # Beat's sweep, once the wait is over, sends it again; the new child makes it.
        assert booklets_dispatch_stale(now=timezone.now() + datetime.timedelta(hours=1)) == 1
        assert wait_until(
            lambda: Booklet.objects.get(pk=booklet.pk).status != Booklet.Status.PENDING,
            seconds=120,
            step=0.2,
        ), (tmp_path / "worker.log").read_text()

    booklet.refresh_from_db()
    assert (booklet.status, booklet.error, booklet.attempts) == ("ready", "", 2)
    assert booklet.file.read(5) == b"%PDF-"
    assert "WorkerLostError" in (tmp_path / "worker.log").read_text()


def test_a_worker_child_is_replaced_once_it_holds_too_much_memory():
    # WeasyPrint gives memory back only when its process ends (docs/deploy.md).
    from config.celery import app

    assert app.conf.worker_max_memory_per_child == 400_000
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.broker_transport_options["visibility_timeout"] > 180
