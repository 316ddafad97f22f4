"""Guessing an organiser's password: five tries from one address, then a pause."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def anna():
    return get_user_model().objects.create_user("anna", password="right-password", is_staff=True)


def log_in(client, password: str, address: str = "203.0.113.7", language: str = "en"):
    return client.post(
        LOGIN,
        {"username": "anna", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_the_right_password_after_five_wrong_ones_is_refused_with_a_readable_page(client, anna):
    wrong = [log_in(client, f"guess-{n}") for n in range(5)]

    locked = log_in(client, "right-password")

    assert [response.status_code for response in wrong[:4]] == [200] * 4
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed logins" in page
    assert "The password for “anna” was wrong too many times from this address" in page
    assert "paused for 15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_the_page_speaks_the_readers_language(client, anna):
    for n in range(5):
        log_in(client, f"guess-{n}")

    locked = log_in(client, "right-password", language="fr")

    assert "Trop de tentatives de connexion" in locked.content.decode()


def test_another_address_still_logs_in(client, anna):
    for n in range(5):
        log_in(client, f"guess-{n}")

    elsewhere = log_in(client, "right-password", address="198.51.100.4")

    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(anna.pk)


def test_a_right_password_before_the_limit_logs_in_and_clears_the_count(client, anna):
    for n in range(4):
        log_in(client, f"guess-{n}")

    response = log_in(client, "right-password")

    assert response.status_code == 302
    assert AccessAttempt.objects.count() == 0


def test_after_the_pause_the_right_password_works_again(client, anna):
    for n in range(5):
        log_in(client, f"guess-{n}")
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16)
    )

    response = log_in(client, "right-password")

    assert response.status_code == 302


def log_in_through_proxy(client, password: str, forwarded_for: str):
    return client.post(
        LOGIN,
        {"username": "anna", "password": password, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=forwarded_for,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_behind_a_proxy_two_forwarded_addresses_are_counted_apart(client, anna, settings):
    settings.REVERSE_PROXY_COUNT = 1
    for n in range(5):
        log_in_through_proxy(client, f"guess-{n}", "203.0.113.7")

    locked = log_in_through_proxy(client, "right-password", "203.0.113.7")
    elsewhere = log_in_through_proxy(client, "right-password", "198.51.100.4")

    assert locked.status_code == 429
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(anna.pk)


def test_behind_a_proxy_what_the_client_wrote_before_it_is_not_trusted(client, anna, settings):
    settings.REVERSE_PROXY_COUNT = 1
    for n in range(5):
        log_in_through_proxy(client, f"guess-{n}", f"192.0.2.{n}, 203.0.113.7")

    locked = log_in_through_proxy(client, "right-password", "192.0.2.99, 203.0.113.7")

    assert locked.status_code == 429


def test_without_the_setting_the_proxys_address_counts_whatever_it_forwards(client, anna):
    for n in range(5):
        log_in_through_proxy(client, f"guess-{n}", "203.0.113.7")

    locked = log_in_through_proxy(client, "right-password", "198.51.100.4")

    assert locked.status_code == 429
