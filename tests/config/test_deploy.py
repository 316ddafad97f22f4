"""The production shape: `check --deploy` is clean, every knob is documented, the Procfile
starts what docs/deploy.md says."""

import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-secret-key-of-fifty-characters-or-more-0123456789-xyz",
    "ALLOWED_HOSTS": "visits.example.org",
    "SITE_URL": "https://visits.example.org",
    "DATABASE_URL": "postgres://visits@127.0.0.1:5432/visits",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


def manage(*arguments: str, **environment: str) -> subprocess.CompletedProcess:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment never
    # has it, and `check --deploy` rightly refuses it.
    inherited = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in inherited}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_the_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_warns_of_personal_links_over_plain_http():
    result = manage("check", "--deploy", **{**PRODUCTION, "SITE_URL": "http://visits.example.org"})

    assert "(visits.W001) SITE_URL does not start with https://." in result.stderr


def test_a_visibility_timeout_below_the_render_limit_stops_start_up():
    result = manage(
        "check",
        **{**PRODUCTION, "CELERY_VISIBILITY_TIMEOUT": "60", "BOOKLET_RENDER_TIME_LIMIT": "180"},
    )

    assert result.returncode != 0
    assert (
        "CELERY_VISIBILITY_TIMEOUT (60) must exceed BOOKLET_RENDER_TIME_LIMIT (180)."
        in result.stderr
    )


def test_media_storage_is_chosen_by_the_environment():
    code = "from django.core.files.storage import storages; print(type(storages['default']))"
    s3 = {**PRODUCTION, "MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": "visits"}

    def storage(environment):
        return manage("shell", "-c", code, **environment).stdout.splitlines()[-1]

    assert storage(s3) == "<class 'storages.backends.s3.S3Storage'>"
    assert storage(PRODUCTION) == "<class 'django.core.files.storage.filesystem.FileSystemStorage'>"
    unknown = manage("check", **{**PRODUCTION, "MEDIA_STORAGE": "ftp"})
    assert "MEDIA_STORAGE must be local or s3; got 'ftp'." in unknown.stderr


def settings_variables() -> set[str]:
    source = (PROJECT / "config" / "settings.py").read_text()
    return set(re.findall(r'env_(?:text|bool|int|list|url)\(\s*"([A-Z0-9_]+)"', source))


def procfile_variables() -> set[str]:
    return set(re.findall(r"\$\{([A-Z0-9_]+)", (PROJECT / "Procfile").read_text()))


def test_every_variable_is_in_env_example_and_the_readme():
    example = (PROJECT / ".env.example").read_text()
    readme = (PROJECT / "README.md").read_text()
    documented = set(re.findall(r"^([A-Z0-9_]+)=", example, flags=re.MULTILINE))
    variables = settings_variables() | procfile_variables()

    assert "CELERY_WORKER_MAX_MEMORY_PER_CHILD" in variables
    assert variables - documented == set()
    assert {name for name in variables if f"`{name}`" not in readme} == set()


def test_the_procfile_runs_gunicorn_a_worker_and_beat():
    processes = dict(
        line.split(": ", 1)
        for line in (PROJECT / "Procfile").read_text().splitlines()
        if line.strip()
    )

    assert sorted(processes) == ["beat", "web", "worker"]
    assert processes["web"].startswith("gunicorn config.wsgi ")
    assert processes["worker"].startswith("celery -A config worker ")
    assert processes["beat"].startswith("celery -A config beat ")


def test_the_web_workers_share_the_portal_their_master_loaded(monkeypatch):
    """The Procfile's gunicorn reads config/gunicorn.py: the portal is loaded once, what it
    made is frozen out of garbage collection before each fork (so the workers share those
    pages instead of copying them), and each worker opens its own database connection."""
    import gc

    from config import gunicorn

    web = dict(
        line.split(": ", 1) for line in (PROJECT / "Procfile").read_text().splitlines() if line
    )["web"]
    assert " -c config/gunicorn.py " in web
    assert gunicorn.preload_app is True

    frozen = gc.get_freeze_count()
    gunicorn.pre_fork(server=None, worker=None)
    try:
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()

    closed = []
    monkeypatch.setattr("django.db.connections.close_all", lambda: closed.append(True))
    gunicorn.post_fork(server=None, worker=None)
    assert closed == [True]
