"""Who got their personal link and who did not, and why: recorded per participant once the
task has spent its retries, and shown to the organiser in their language."""

from smtplib import SMTPRecipientsRefused

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from participants.models import LinkMailing
from tests.factories import OrganisationFactory, OrganiserFactory, ParticipantFactory
from tests.scenarios import paris_rouen_programme

pytestmark = pytest.mark.django_db


class RefusingBackend(EmailBackend):
    """A mail server that takes every message but the ones to a refused address."""

    refused = "boris@example.ru"
    attempts = 0

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                type(self).attempts += 1
                raise SMTPRecipientsRefused({self.refused: (550, b"5.1.1 Mailbox unavailable")})
        return super().send_messages(messages)


@pytest.fixture
def retries_run_eagerly(monkeypatch):
    """In-process tasks follow their retries to the end, as a worker would, instead of
    handing the first error to the caller (the embedded default)."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


@pytest.fixture
def delegation(settings, retries_run_eagerly):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    RefusingBackend.attempts = 0
    visit = paris_rouen_programme()
    people = {
        key: ParticipantFactory(
            bare=True,
            visit=visit,
            name_latin=name,
            name_native=name,
            email=email,
            preferred_language="ru",
        )
        for key, name, email in (
            ("anna", "Anna Ivanova", "anna@example.ru"),
            ("boris", "Boris Petrov", "boris@example.ru"),
            ("vera", "Vera Sokolova", ""),
        )
    }
    return visit, people


def _send(client, participants, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            reverse("admin:participants_participant_changelist"),
            {"action": "send_personal_links", "_selected_action": [p.pk for p in participants]},
            follow=True,
            HTTP_ACCEPT_LANGUAGE="ru",
        )


def test_each_recipient_is_recorded_sent_or_not_and_why(
    client, delegation, django_capture_on_commit_callbacks
):
    visit, people = delegation
    client.force_login(OrganiserFactory(username="irina", organisation=visit.organiser))

    response = _send(client, people.values(), django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert [message.to for message in mail.outbox] == [["anna@example.ru"]]
    by_name = {
        m.participant.name_latin: m for m in LinkMailing.objects.select_related("participant")
    }
    anna, boris, vera = (
        by_name[name] for name in ("Anna Ivanova", "Boris Petrov", "Vera Sokolova")
    )
    assert (anna.status, anna.attempts, anna.error) == (LinkMailing.Status.SENT, 1, "")
    assert anna.sent_at is not None and anna.subject == mail.outbox[0].subject
    # The task tried once and retried five times before the mailing was marked failed.
    assert RefusingBackend.attempts == 6
    assert (boris.status, boris.attempts, boris.sent_at) == (LinkMailing.Status.FAILED, 6, None)
    assert boris.error.startswith("SMTPRecipientsRefused: ")
    assert "5.1.1 Mailbox unavailable" in boris.error
    assert (vera.status, vera.attempts) == (LinkMailing.Status.NO_ADDRESS, 0)

    # The organiser follows the action's link to the mailing's page, in Russian.
    page = client.get(
        reverse("admin:participants_linkmailing_changelist")
        + f"?participant__visit__id__exact={visit.pk}",
        HTTP_ACCEPT_LANGUAGE="ru",
    ).content.decode()
    assert f"?participant__visit__id__exact={visit.pk}" in response.content.decode()
    rows = {name: page.split(name, 1)[1].split("</tr>", 1)[0] for name in by_name}
    assert "Отправлено" in rows["Anna Ivanova"]
    assert "Не доставлено" in rows["Boris Petrov"]
    assert "Почтовый сервер отказался его принять, даже после 6 попыток." in rows["Boris Petrov"]
    assert "5.1.1 Mailbox unavailable" in rows["Boris Petrov"]
    assert "Нет адреса электронной почты" in rows["Vera Sokolova"]
    assert "У участника нет адреса электронной почты." in rows["Vera Sokolova"]


def test_the_participants_page_says_whether_the_link_reached_them(
    client, delegation, django_capture_on_commit_callbacks
):
    visit, people = delegation
    client.force_login(OrganiserFactory(username="irina", organisation=visit.organiser))
    _send(client, [people["boris"]], django_capture_on_commit_callbacks)

    page = client.get(
        reverse("admin:participants_participant_change", args=[people["boris"].pk]),
        HTTP_ACCEPT_LANGUAGE="fr",
    ).content.decode()

    assert "Échec de l’envoi" in page
    assert "Le serveur de messagerie l’a refusé, même après 6 tentatives." in page


def test_another_organisers_mailings_are_not_shown(
    client, delegation, django_capture_on_commit_callbacks
):
    visit, people = delegation
    client.force_login(OrganiserFactory(username="irina", organisation=visit.organiser))
    _send(client, [people["anna"]], django_capture_on_commit_callbacks)
    mailing = LinkMailing.objects.get()

    client.force_login(OrganiserFactory(username="milena", organisation=OrganisationFactory()))
    listing = client.get(reverse("admin:participants_linkmailing_changelist"))
    assert "anna@example.ru" not in listing.content.decode()
    detail = client.get(reverse("admin:participants_linkmailing_change", args=[mailing.pk]))
    assert detail.status_code in (302, 404)
