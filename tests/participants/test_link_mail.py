import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from participants.models import LinkMailing
from participants.selectors import participant_personal_url
from tests.factories import OrganisationFactory, OrganiserFactory, ParticipantFactory
from tests.scenarios import paris_rouen_programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def visit():
    return paris_rouen_programme()


@pytest.fixture
def owner(visit):
    return OrganiserFactory(username="anna", organisation=visit.organiser)


def send(client, *participants):
    # The links leave by a task once the admin's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("admin:participants_participant_changelist"),
            {"action": "send_personal_links", "_selected_action": [p.pk for p in participants]},
            follow=True,
        )


def test_each_participant_gets_their_link_in_their_language(client, owner, visit):
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        email="anna@example.ru",
        preferred_language="ru",
    )
    claire = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Claire Martin",
        name_native="Claire Martin",
        email="claire@example.fr",
        preferred_language="fr",
    )
    client.force_login(owner)

    response = send(client, anna, claire)

    by_address = {message.to[0]: message for message in mail.outbox}
    russian, french = by_address["anna@example.ru"], by_address["claire@example.fr"]
    assert russian.subject == "Ваша программа: Учебный визит в Париж и Руан"
    assert participant_personal_url(participant=anna) in russian.body
    assert "13 мая 2019 г." in russian.body
    assert russian.extra_headers["Content-Language"] == "ru"
    assert "Visite d'étude à Paris et Rouen" in french.body
    assert "13 mai 2019" in french.body
    assert participant_personal_url(participant=claire) in french.alternatives[0][0]
    assert participant_personal_url(participant=anna) not in french.body
    assert "Personal links are being e-mailed to 2 participants" in response.content.decode()


def test_a_record_says_who_was_sent_what_and_when(client, owner, visit):
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        email="anna@example.ru",
        preferred_language="ru",
    )
    client.force_login(owner)

    send(client, anna)

    record = LinkMailing.objects.get()
    assert (record.participant, record.sent_to, record.language, record.sent_by) == (
        anna,
        "anna@example.ru",
        "ru",
        owner,
    )
    assert record.link == participant_personal_url(participant=anna)
    assert record.subject == mail.outbox[0].subject
    assert record.sent_at is not None
    page = client.get(reverse("admin:participants_participant_change", args=[anna.pk]))
    assert "anna@example.ru" in page.content.decode()
    assert "Personal link e-mails sent" in page.content.decode()


def test_a_participant_without_an_address_is_named_and_skipped(client, owner, visit):
    boris = ParticipantFactory(
        bare=True, visit=visit, name_latin="Boris Petrov", name_native="Boris Petrov"
    )
    client.force_login(owner)

    response = send(client, boris)

    assert mail.outbox == []
    assert LinkMailing.objects.get().status == LinkMailing.Status.NO_ADDRESS
    assert "No e-mail address, nothing sent: Boris Petrov." in response.content.decode()


def test_an_outsider_sends_nothing_to_another_delegation(client, visit):
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        email="anna@example.ru",
    )
    client.force_login(
        OrganiserFactory(
            username="milena", organisation=OrganisationFactory(bare=True, name_fr="FTDA")
        )
    )

    send(client, anna)

    assert mail.outbox == []


def test_the_link_reissue_action_is_offered(client, owner, visit):
    client.force_login(owner)

    response = client.get(reverse("admin:participants_participant_changelist"))

    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "send_personal_links" in actions
    assert "revoke_and_reissue_links" in actions
