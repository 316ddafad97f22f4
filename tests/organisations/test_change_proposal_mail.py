"""Each side of a proposed change is told by e-mail, after commit, in its organisation's
language: the keeper when a change is proposed, the proposer when it is answered. Neither
learns the names or addresses of the other side's staff."""

from smtplib import SMTPServerDisconnected

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse

from organisations.models import ChangeProposal
from organisations.services import change_proposal_create
from tests.factories import OrganisationFactory, OrganiserFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dest():
    return OrganisationFactory(name_fr="D'EST", language="fr")


@pytest.fixture
def fta():
    return OrganisationFactory(name_fr="France terre d'asile", language="ru")


@pytest.fixture
def venue(dest):
    return VenueFactory(
        name_fr="Mairie de Paris",
        name_ru="Парижская мэрия",
        name_en="Paris City Hall",
        city_fr="Paris",
        owner=dest,
    )


@pytest.fixture
def anna(dest):
    return OrganiserFactory(
        username="anna",
        first_name="Anna",
        last_name="Keeper",
        email="anna@dest.example",
        organisation=dest,
    )


@pytest.fixture
def bruno(dest):
    return OrganiserFactory(username="bruno", email="bruno@dest.example", organisation=dest)


@pytest.fixture
def milena(fta):
    return OrganiserFactory(
        username="milena",
        first_name="Milena",
        last_name="Proposer",
        email="milena@fta.example",
        organisation=fta,
    )


def proposal_link(proposal) -> str:
    path = reverse("admin:organisations_changeproposal_change", args=[proposal.pk])
    return f"{settings.SITE_URL}{path}"


def propose(client, venue, **changes):
    """Post the proposal form as the page fills it, with ``changes`` typed in."""
    url = reverse("admin:organisations_venue_propose", args=[venue.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    return client.post(url, {**data, **changes}, HTTP_ACCEPT_LANGUAGE="en")


def answer(client, proposal, action):
    url = reverse(f"admin:organisations_changeproposal_{action}", args=[proposal.pk])
    return client.post(url, HTTP_ACCEPT_LANGUAGE="en")


def test_the_keepers_organisers_are_told_in_their_language_after_the_proposal_commits(
    client, venue, anna, bruno, milena, django_capture_on_commit_callbacks
):
    client.force_login(milena)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        propose(client, venue, address="5 rue de Lobau")
    assert mail.outbox == []  # never inside the request
    for callback in callbacks:
        callback()

    proposal = ChangeProposal.objects.get()
    (message,) = mail.outbox
    assert sorted(message.to) == ["anna@dest.example", "bruno@dest.example"]
    assert message.extra_headers["Content-Language"] == "fr"
    assert (
        message.subject
        == "France terre d'asile propose une modification de «\u202fMairie de Paris, Paris\u202f»"
    )
    assert message.body == (
        "France terre d'asile propose une modification de «\u202fMairie de Paris, Paris\u202f» "
        "(lieu), que votre organisation tient à jour sur le portail.\n"
        "\n"
        "Champs que la proposition modifierait\u202f:\n"
        "- adresse\n"
        "\n"
        "La fiche reste telle quelle tant qu’aucun de vos organisateurs n’a accepté la "
        "proposition. Comparez les valeurs et acceptez-la ou refusez-la ici\u202f:\n"
        f"{proposal_link(proposal)}\n"
    )
    # The keeper learns which organisation proposes, never who in it.
    assert "Milena" not in message.body and "milena" not in message.body


def test_a_keeper_without_a_language_is_told_in_the_portals(
    client, venue, dest, anna, milena, django_capture_on_commit_callbacks
):
    dest.language = ""
    dest.save()
    client.force_login(milena)

    with django_capture_on_commit_callbacks(execute=True):
        propose(client, venue, address="5 rue de Lobau")

    (message,) = mail.outbox
    assert message.subject == "France terre d'asile proposes a change to “Paris City Hall, Paris”"
    assert message.extra_headers["Content-Language"] == "en"


def test_the_proposer_is_told_of_the_acceptance_in_their_organisations_language(
    client, venue, anna, milena, django_capture_on_commit_callbacks
):
    client.force_login(milena)
    with django_capture_on_commit_callbacks(execute=True):
        propose(client, venue, address="5 rue de Lobau")
    proposal = ChangeProposal.objects.get()
    mail.outbox.clear()
    client.force_login(anna)

    with django_capture_on_commit_callbacks(execute=True):
        answer(client, proposal, "accept")

    (message,) = mail.outbox
    assert message.to == ["milena@fta.example"]
    assert message.extra_headers["Content-Language"] == "ru"
    assert message.subject == "Ваше предложение изменить «Парижская мэрия, Париж» принято"
    assert message.body == (
        "Организация D'EST приняла изменение записи «Парижская мэрия, Париж» (место проведения), "
        "предложенное вашей организацией: теперь в записи предложенные значения — во всех "
        "визитах, где она используется.\n"
        "\n"
        "Предложение и ответ на него:\n"
        f"{proposal_link(proposal)}\n"
    )
    # The proposer learns which organisation answered, never who in it.
    assert "Anna" not in message.body and "anna" not in message.body


def test_the_proposer_is_told_of_a_refusal(
    client, venue, anna, milena, fta, django_capture_on_commit_callbacks
):
    fta.language = "en"
    fta.save()
    client.force_login(milena)
    with django_capture_on_commit_callbacks(execute=True):
        propose(client, venue, address="5 rue de Lobau")
    proposal = ChangeProposal.objects.get()
    mail.outbox.clear()
    client.force_login(anna)

    with django_capture_on_commit_callbacks(execute=True):
        answer(client, proposal, "decline")

    (message,) = mail.outbox
    assert message.subject == "Your proposed change to “Paris City Hall, Paris” was declined"
    assert message.body.startswith(
        "D'EST declined the change your organisation proposed to “Paris City Hall, Paris” (venue): "
        "the record stays as it was. If your visits need it otherwise, make your "
        "organisation’s own copy from the record’s page.\n"
    )
    assert proposal_link(proposal) in message.body


def test_nothing_is_sent_when_the_proposal_is_rolled_back(
    venue, anna, milena, fta, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        change_proposal_create(
            record=venue,
            new_values={"address": "5 rue de Lobau"},
            proposed_by=milena,
            organisation=fta,
        )
        raise RuntimeError("the surrounding work failed")

    assert ChangeProposal.objects.count() == 0
    assert mail.outbox == []


@pytest.fixture
def mail_server_away_once(monkeypatch):
    """The mail server drops the first connection, then answers; the tries are counted."""
    tries = []
    send = mail.EmailMessage.send

    def first_try_fails(self, fail_silently=False):
        tries.append(self.to)
        if len(tries) == 1:
            raise SMTPServerDisconnected("Connection unexpectedly closed")
        return send(self, fail_silently)

    monkeypatch.setattr(mail.EmailMessage, "send", first_try_fails)
    return tries


def test_a_mail_server_away_is_never_an_error_page(
    client, venue, anna, milena, mail_server_away_once, django_capture_on_commit_callbacks
):
    client.force_login(milena)

    # In-process Celery propagates the first error; the proposal stands all the same.
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client, venue, address="5 rue de Lobau")

    assert response.status_code == 302
    assert ChangeProposal.objects.get().changes["address"]["new"] == "5 rue de Lobau"
    assert mail_server_away_once == [["anna@dest.example"]]


def test_the_task_tries_again_when_the_mail_server_was_away(
    venue, anna, milena, fta, mail_server_away_once, django_capture_on_commit_callbacks
):
    from organisations.tasks import send_change_proposal_notice

    with django_capture_on_commit_callbacks(execute=False):
        proposal = change_proposal_create(
            record=venue,
            new_values={"address": "5 rue de Lobau"},
            proposed_by=milena,
            organisation=fta,
        )

    # As a worker runs it: the transient error is retried by the task's own policy.
    send_change_proposal_notice.apply(
        kwargs={"proposal_id": proposal.pk, "notice": "proposed"}, throw=False
    )

    assert len(mail_server_away_once) == 2
    assert [message.to for message in mail.outbox] == [["anna@dest.example"]]
