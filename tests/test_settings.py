import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def start_up(**environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://root@localhost/visits"),
        ("DATABASE_URL", "not a url"),
        ("DEBUG", "perhaps"),
        ("CELERY_BROKER_URL", "localhost:6379"),
        ("EMAIL_URL", "smtp://"),
        ("SITE_URL", "example.org"),
        ("DATABASE_CONN_MAX_AGE", "a minute"),
        ("LANGUAGE_CODE", "de"),
    ],
)
def test_a_malformed_value_stops_start_up_naming_the_variable(variable, value):
    result = start_up(**{variable: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr.splitlines()[-1]


def test_production_needs_a_secret_key():
    result = start_up(DEBUG="false", SECRET_KEY="")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_the_embedded_default_starts_with_nothing_set():
    result = start_up()

    assert result.returncode == 0, result.stderr


def test_the_embedded_default_runs_tasks_in_process(settings):
    from config.celery import app

    assert app.conf.task_always_eager is (not settings.CELERY_BROKER_URL)
