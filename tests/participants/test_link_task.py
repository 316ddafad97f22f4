"""Personal links leave by a task after the admin's transaction, never inside the request."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.urls import reverse

from participants.models import LinkMailing
from tests.factories import OrganiserFactory, ParticipantFactory
from tests.scenarios import paris_rouen_programme

pytestmark = pytest.mark.django_db


def _post(client, *participants):
    return client.post(
        reverse("admin:participants_participant_changelist"),
        {"action": "send_personal_links", "_selected_action": [p.pk for p in participants]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_the_request_sends_nothing_itself(client, django_capture_on_commit_callbacks):
    visit = paris_rouen_programme()
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        email="anna@example.ru",
    )
    client.force_login(OrganiserFactory(username="irina", organisation=visit.organiser))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(client, anna)

    assert mail.outbox == []
    assert len(callbacks) == 1
    assert "The personal link is being e-mailed to 1 participant" in response.content.decode()
    callbacks[0]()
    assert [message.to for message in mail.outbox] == [["anna@example.ru"]]
    assert LinkMailing.objects.get().participant == anna


def test_a_mail_server_that_refuses_is_no_error_page(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, fail_silently=False):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    visit = paris_rouen_programme()
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        email="anna@example.ru",
    )
    client.force_login(OrganiserFactory(username="irina", organisation=visit.organiser))

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, anna)

    assert response.status_code == 200
    assert LinkMailing.objects.get().status == LinkMailing.Status.FAILED
