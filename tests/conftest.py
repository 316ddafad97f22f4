"""Fixtures every test may use.

Browser tests (marked ``browser``) drive Playwright against Debian's Chromium; the project
never downloads a browser. Without /usr/bin/chromium they are skipped on a workstation and
fail in CI (CI=true), where a silent skip would hide that nothing was tested.
"""

import os
import uuid
from pathlib import Path

import pytest
from django.utils import translation

from tests.real_services import celery_connections_reset
from tests.scenarios import delegation_in_paris


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test databases as a running server has them after its first request.

    Django detects some database features lazily with a query of their own (SQLite's JSON
    support is three: a savepoint, a probe and its release), which a server makes once in
    its life. Settled here, so that the pages' query counts do not depend on which test
    happens to run first.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            connection.features.supports_json_field  # noqa: B018 (a cached probe)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded and rendered files of one test never leak into another, nor into the project.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english_interface(settings):
    # Tests read the interface in English unless they choose a language: a page that follows
    # the reader's language (a participant's, a visit's) still shows that language.
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Pages cache what they render; each test starts from an empty cache."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def portal_in_french(settings, client):
    """The portal's own language back to French, its default, with pages still in English.

    The portal's language is the one organisers write the programme in, the source of every
    translation (visits.translations.source_language): the programme check, the translations
    page and the organisers' tools are tested as a French association uses them.
    """
    settings.LANGUAGE_CODE = "fr"
    # Changing LANGUAGE_CODE forgets the active language: the interface stays in English.
    translation.activate("en")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def delegation(db):
    """The delegation in Paris of tests/scenarios.py."""
    return delegation_in_paris()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}


WORKER_BROKER = "redis://127.0.0.1:6379/15"


def redis_or_skip() -> None:
    """Skip without Redis on a workstation; fail in CI (CI=true).

    A missing Redis must never pass for a green suite.
    """
    import redis

    try:
        redis.Redis.from_url(WORKER_BROKER, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs Redis at {WORKER_BROKER}: {error}")
        pytest.skip(f"Redis is not reachable at {WORKER_BROKER}: {error}")


@pytest.fixture
def redis_app():
    from config.celery import app

    redis_or_skip()
    keys = ("broker_url", "task_always_eager", "broker_transport_options")
    saved = {key: app.conf[key] for key in keys}
    # A key prefix of our own: another test run on the same Redis must not take our tasks.
    options = {**saved["broker_transport_options"], "global_keyprefix": f"{uuid.uuid4().hex}:"}
    app.conf.update(
        broker_url=WORKER_BROKER, task_always_eager=False, broker_transport_options=options
    )
    celery_connections_reset(app)
    yield app
    app.conf.update(saved)
    celery_connections_reset(app)


@pytest.fixture
def worker_thread(transactional_db):
    """Start a real Celery worker in a thread of the test: ``with worker_thread(app): ...``.

    The test may read the database while the worker writes to it. On SQLite the test
    database is in memory with a shared cache, where a table being read by one connection
    is locked for the others, and a write that meets the lock fails at once ("database
    table is locked") instead of waiting as on a database file: a test polling for the
    worker's result could make the worker's task fail. The test's connection therefore
    reads uncommitted, which takes no table locks; it only reads what the worker committed
    or is committing.
    """
    from celery.contrib.testing.worker import start_worker
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")

    def start(app):
        return start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30)

    return start


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls the
    # tests make between page actions are still plain synchronous calls.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    yield context
    context.close()


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` are left out of a run on SQLite: CI's PostgreSQL pass runs
    them. Left out, not skipped: a skip would read as a test that could not run."""
    from django.db import connections

    if connections["default"].vendor == "postgresql":
        return
    kept, left_out = [], []
    for item in items:
        (left_out if item.get_closest_marker("postgres") else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
