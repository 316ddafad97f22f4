import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import SessionFactory, VenueFactory, VisitFactory
from visits.programme_check import programme_check

PROJECT = Path(__file__).resolve().parent.parent


def start_up(*, then: str = "", **environment: str) -> subprocess.CompletedProcess:
    """Start Django in a fresh process with these variables, then run ``then`` in it."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {then}"],
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
        ("LOG_LEVEL", "loud"),
        ("PROGRAMME_CHECK_SAME_CITY_MINUTES", "twenty"),
        ("PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES", "-5"),
        ("PROGRAMME_CHECK_TRAVEL_MINUTES", "Paris-Rouen 120"),
        ("BOOKLET_SWEEP_SECONDS", "0"),
        ("CELERY_VISIBILITY_TIMEOUT", "fifteen minutes"),
        ("CELERY_RESULT_BACKEND", "localhost:6379"),
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


def test_a_log_level_that_logging_does_not_know_names_the_accepted_ones():
    result = start_up(LOG_LEVEL="loud")

    assert result.returncode != 0
    assert result.stderr.splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: LOG_LEVEL must be one of DEBUG, INFO, "
        "WARNING, ERROR, CRITICAL; got 'loud'."
    )


def test_the_log_level_sets_the_root_logger_whatever_its_case():
    result = start_up(LOG_LEVEL="warning", then="import logging; print(logging.getLogger().level)")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["30"]


def test_the_programme_check_times_are_read_from_the_environment():
    result = start_up(
        PROGRAMME_CHECK_SAME_CITY_MINUTES="45",
        PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES="150",
        PROGRAMME_CHECK_TRAVEL_MINUTES="Paris/Lille=70, Lyon / Saint-Étienne = 65",
        then=(
            "import json; from django.conf import settings as s; print(json.dumps(["
            "s.PROGRAMME_CHECK_SAME_CITY_MINUTES, s.PROGRAMME_CHECK_UNKNOWN_PAIR_MINUTES, "
            "sorted(s.PROGRAMME_CHECK_TRAVEL_MINUTES.items())]))"
        ),
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        45,
        150,
        [[["Lyon", "Saint-Étienne"], 65], [["Paris", "Lille"], 70]],
    ]


def test_a_malformed_travel_time_names_the_variable_and_the_expected_form():
    result = start_up(PROGRAMME_CHECK_TRAVEL_MINUTES="Paris/Rouen=two hours")

    assert result.returncode != 0
    assert result.stderr.splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: PROGRAMME_CHECK_TRAVEL_MINUTES must be "
        "comma-separated city pairs with minutes, such as Paris/Rouen=120,Paris/Saint-Denis=45; "
        "got 'Paris/Rouen=two hours'."
    )


@pytest.mark.django_db
def test_the_programme_check_asks_for_the_configured_time_between_two_venues_of_a_city(
    settings,
):
    visit = VisitFactory()
    first = SessionFactory(visit=visit, venue=VenueFactory(name_fr="Mairie de Paris"))
    # Half an hour later, across the city.
    SessionFactory(
        visit=visit,
        venue=VenueFactory(name_fr="Musée Carnavalet"),
        starts_at=first.ends_at + dt.timedelta(minutes=30),
        ends_at=first.ends_at + dt.timedelta(minutes=90),
    )

    def travel_findings() -> list[str]:
        return [f.message for f in programme_check(visit=visit) if f.code == "travel_time"]

    settings.PROGRAMME_CHECK_SAME_CITY_MINUTES = 20
    assert travel_findings() == []

    settings.PROGRAMME_CHECK_SAME_CITY_MINUTES = 45
    [message] = travel_findings()
    assert message.endswith("going from Paris to Paris takes about 45 min.")


def test_every_variable_the_settings_read_is_in_the_readme_table():
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', (PROJECT / "config/settings.py").read_text()))
    readme = (PROJECT / "README.md").read_text()
    listed = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.MULTILINE))

    assert read - listed == set()
    assert listed - read == set()
