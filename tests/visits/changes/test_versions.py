"""Publishing programme versions and telling each participant their own changes, once."""

import re
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.factories import OrganisationFactory, OrganiserFactory, VenueFactory
from tests.scenarios import may_2019 as at
from tests.scenarios import readers_in_paris as build_delegation
from visits.changes.models import ChangeNotice
from visits.changes.services import programme_version_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish as the admin does: the messages leave once the transaction commits."""

    def publish_now(visit):
        with django_capture_on_commit_callbacks(execute=True):
            return programme_version_publish(visit=visit)

    return publish_now


@pytest.fixture
def delegation(publish):
    data = build_delegation()
    version, created = publish(data.visit)
    assert (version.number, created) == (1, True)
    return data


def _messages_by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_the_first_version_tells_nobody(publish, delegation):
    assert mail.outbox == []
    assert ChangeNotice.objects.count() == 0


def test_a_session_of_one_group_tells_that_group_only_each_in_their_language(publish, delegation):
    session = delegation.library_visit
    session.starts_at, session.ends_at = at(14, 14, 30), at(14, 16)
    session.venue = VenueFactory(
        name_en="National Library",
        name_fr="Bibliothèque nationale",
        name_ru="Национальная библиотека",
        address="58 rue de Richelieu",
        postal_code="75002",
    )
    session.save()

    version, created = publish(delegation.visit)

    assert (version.number, created) == (2, True)
    messages = _messages_by_recipient()
    assert sorted(messages) == ["anna@example.org", "claire@example.org"]
    claire = messages["claire@example.org"]
    assert claire.extra_headers["Content-Language"] == "fr"
    assert (
        "Mardi 14 mai\u202f: «\u202fVisite de la BnF\u202f» passe de 10:00 à 14:30, "
        "a désormais lieu à Bibliothèque nationale, 58 rue de Richelieu, 75002 Paris, France."
    ) in claire.body
    anna = messages["anna@example.org"]
    assert anna.extra_headers["Content-Language"] == "ru"
    assert "«Посещение БнФ» переносится с 10:00 на 14:30" in anna.body
    assert "Национальная библиотека, 58 rue de Richelieu" in anna.body
    assert "Приветствие" not in anna.body
    assert "/p/" + delegation.anna.access_token in anna.body


def test_a_session_for_everyone_tells_everyone(publish, delegation):
    welcome = delegation.welcome
    welcome.title_en = "Welcome and introductions"
    welcome.title_fr = "Accueil et présentations"
    welcome.title_ru = "Приветствие и знакомство"
    welcome.save()

    publish(delegation.visit)

    messages = _messages_by_recipient()
    assert sorted(messages) == [
        "anna@example.org",
        "claire@example.org",
        "john@example.org",
        "nadia@example.org",
    ]
    assert (
        "Monday 13 May: “Welcome” is now called “Welcome and introductions”."
        in messages["john@example.org"].body
    )
    assert messages["john@example.org"].subject.startswith("Your programme has changed: ")


def test_a_private_note_tells_nobody_and_makes_no_version(publish, delegation):
    delegation.welcome.private_notes = "Ask for the big room."
    delegation.welcome.save()

    version, created = publish(delegation.visit)

    assert (version.number, created) == (1, False)
    assert mail.outbox == []


def test_two_publications_without_change_send_nothing(publish, delegation):
    delegation.welcome.starts_at = at(13, 9, 30)
    delegation.welcome.save()
    publish(delegation.visit)
    sent = len(mail.outbox)

    version, created = publish(delegation.visit)

    assert (version.number, created) == (2, False)
    assert len(mail.outbox) == sent == 4


def test_several_edits_before_publishing_make_one_message(publish, delegation):
    session = delegation.library_visit
    session.starts_at, session.ends_at = at(14, 11), at(14, 13)
    session.save()
    session.hosts.add(OrganisationFactory(name_en="BnF", name_fr="BnF", name_ru="BnF"))
    delegation.welcome.starts_at = at(13, 9, 15)
    delegation.welcome.save()

    publish(delegation.visit)

    claire = [m for m in mail.outbox if m.to == ["claire@example.org"]]
    assert len(claire) == 1
    body = claire[0].body
    assert "«\u202fAccueil\u202f» passe de 09:00 à 09:15" in body
    assert "passe de 10:00 à 11:00, accueil\u202f: BnF" in body


def test_a_change_in_one_language_tells_its_readers_only(publish, delegation):
    delegation.welcome.title_ru = "Приветственная встреча"
    delegation.welcome.save()

    publish(delegation.visit)

    assert sorted(_messages_by_recipient()) == ["anna@example.org", "nadia@example.org"]


def test_a_moved_participant_is_told_what_left_and_joined_their_programme(publish, delegation):
    delegation.john.groups.set([delegation.libraries])

    publish(delegation.visit)

    john = _messages_by_recipient()["john@example.org"]
    assert (
        "Tuesday 14 May: added to the programme: “Visit of the BnF”, 10:00–12:00, "
        "Town hall, 5 rue de Lobau, 75004 Paris, France." in john.body
    )


def test_a_failed_delivery_is_recorded_and_shown(
    publish, delegation, settings, client, monkeypatch
):
    def refuse(self, fail_silently=False):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    delegation.welcome.starts_at = at(13, 8)
    delegation.welcome.save()

    version, _created = publish(delegation.visit)

    notices = ChangeNotice.objects.filter(version=version)
    assert {notice.status for notice in notices} == {ChangeNotice.Status.FAILED}
    assert notices[0].attempts >= 1
    client.force_login(OrganiserFactory(username="irina", organisation=delegation.visit.organiser))
    page = client.get(reverse("admin:visits_programmeversion_change", args=[version.pk]))
    text = page.content.decode()
    assert "Delivery failed" in text
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in text
    assert "Monday 13 May: “Welcome” moves from 09:00 to 08:00." in text
    # The visit's page counts them as not reached, none told.
    visit_page = client.get(reverse("admin:visits_visit_change", args=[delegation.visit.pk]))
    versions = re.search(
        r'<div id="programme-versions">.*?</table>', visit_page.content.decode(), re.S
    ).group(0)
    assert re.search(
        rf">Version {version.number}</a></th><td>[^<]+</td><td>0</td><td>{len(notices)}</td>",
        versions,
    )


def test_the_admin_button_publishes_for_the_visit_organisers_only(
    delegation, client, django_capture_on_commit_callbacks
):
    delegation.welcome.starts_at = at(13, 8)
    delegation.welcome.save()
    url = reverse("admin:visits_visit_programme_publish", args=[delegation.visit.pk])

    client.force_login(OrganiserFactory(username="stranger", organisation=OrganisationFactory()))
    assert client.post(url).status_code == 404
    assert mail.outbox == []

    client.force_login(OrganiserFactory(username="irina", organisation=delegation.visit.organiser))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)
    assert "Version 2 is published; 4 participants are being told." in response.content.decode()
    assert len(mail.outbox) == 4
    page = client.get(reverse("admin:visits_visit_change", args=[delegation.visit.pk]))
    assert "Publish a programme version" in page.content.decode()


def test_the_command_publishes_a_version(delegation, capsys, django_capture_on_commit_callbacks):
    delegation.welcome.starts_at = at(13, 8)
    delegation.welcome.save()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_programme", "paris-2019")

    assert "Version 2 is published; 4 participants are being told." in capsys.readouterr().out
    assert len(mail.outbox) == 4


def test_a_version_page_is_for_the_visit_organisers_only(publish, delegation, client):
    version = delegation.visit.programme_versions.get()
    url = reverse("admin:visits_programmeversion_change", args=[version.pk])

    client.force_login(OrganiserFactory(username="stranger", organisation=OrganisationFactory()))
    assert client.get(url).status_code in (302, 404)
    listing = client.get(reverse("admin:visits_programmeversion_changelist"))
    assert "paris-2019" not in listing.content.decode()
    assert str(delegation.visit) not in listing.content.decode()


def test_failed_notices_are_sent_again_from_the_versions_list(
    publish, delegation, client, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, fail_silently=False):
        raise SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
        delegation.welcome.starts_at = at(13, 8)
        delegation.welcome.save()
        version, _created = publish(delegation.visit)
    assert mail.outbox == []
    client.force_login(OrganiserFactory(username="irina", organisation=delegation.visit.organiser))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:visits_programmeversion_changelist"),
            {"action": "send_again", "_selected_action": [version.pk]},
            follow=True,
        )

    assert "4 notices are being sent again." in response.content.decode()
    assert len(mail.outbox) == 4
    assert set(version.notices.values_list("status", flat=True)) == {ChangeNotice.Status.SENT}


def test_a_session_moved_to_another_day_says_both_dates(publish, delegation):
    session = delegation.library_visit
    session.starts_at, session.ends_at = at(15, 14), at(15, 16)
    session.save()

    publish(delegation.visit)

    messages = _messages_by_recipient()
    assert (
        "Вторник, 14 мая: «Посещение БнФ» переносится на 15 мая, 14:00 (было: 14 мая, 10:00)."
        in messages["anna@example.org"].body
    )
    assert (
        "Mardi 14 mai\u202f: «\u202fVisite de la BnF\u202f» passe au 15 mai, 14:00 "
        "(au lieu du 14 mai, 10:00)." in messages["claire@example.org"].body
    )


def test_publishing_the_visit_makes_the_first_version():
    from tests.scenarios import paris_rouen_programme
    from visits.services import visit_publish

    visit = paris_rouen_programme()
    visit_publish(visit=visit, confirm_warnings=True)

    assert list(visit.programme_versions.values_list("number", flat=True)) == [1]
    assert mail.outbox == []


def test_a_database_away_for_a_moment_delays_a_notice_but_does_not_lose_it(delegation, monkeypatch):
    from django.db import OperationalError

    from visits.changes import tasks

    sending = tasks.change_notice_send
    away = []

    def database_away_once(*, notice_id):
        if not away:
            away.append(notice_id)
            raise OperationalError("server closed the connection unexpectedly")
        return sending(notice_id=notice_id)

    monkeypatch.setattr(tasks, "change_notice_send", database_away_once)
    delegation.welcome.starts_at = at(13, 8)
    delegation.welcome.save()
    # Published outside the fixture: the notices wait (nothing is sent before the commit),
    # and each is handed to the task as a worker runs it, errors caught, retries inline.
    version, _created = programme_version_publish(visit=delegation.visit)
    for notice_id in version.notices.values_list("pk", flat=True):
        tasks.send_change_notice.apply(kwargs={"notice_id": notice_id}, throw=False)

    notices = version.notices.select_related("participant")
    assert away and len(notices) > 1
    assert {(notice.status, notice.attempts) for notice in notices} == {
        (ChangeNotice.Status.SENT, 1)
    }
    assert sorted(_messages_by_recipient()) == sorted(n.participant.email for n in notices)
