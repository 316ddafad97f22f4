"""A database restart costs a reconnect, not a 500 per web process (issue 11).

Web processes keep their connection (DATABASE_CONN_MAX_AGE); when PostgreSQL restarts, the
kept connection is dead. With CONN_HEALTH_CHECKS Django tests it before the first query of
a request and opens a new one. The restart is played by terminating our backend from
another connection, which is what a restart does to it.
"""

import psycopg2
import pytest
from django.conf import settings
from django.db import close_old_connections, connection

from tests.scenarios import librarians_in_paris_and_rouen


def test_kept_connections_are_checked_before_use():
    database = settings.DATABASES["default"]
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["CONN_MAX_AGE"] == 60
    if database["ENGINE"] == "django.db.backends.postgresql":
        assert database["OPTIONS"]["connect_timeout"] == 5


def terminate_our_backend() -> None:
    pid = connection.connection.get_backend_pid()
    db = connection.settings_dict
    with (
        psycopg2.connect(
            dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432
        ) as admin,
        admin.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.faults
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_request_after_a_database_restart_is_served(client):
    librarians_in_paris_and_rouen()
    kept = connection.settings_dict["CONN_MAX_AGE"]
    connection.settings_dict["CONN_MAX_AGE"] = 600
    try:
        assert client.get("/v/paris-rouen-2025/").status_code == 200
        terminate_our_backend()
        # What Django does when each request starts (the test client leaves it out).
        close_old_connections()
        response = client.get("/v/paris-rouen-2025/")
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = kept

    assert response.status_code == 200
    assert "paris-rouen-2025" in response.content.decode()
