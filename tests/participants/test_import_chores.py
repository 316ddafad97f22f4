"""The beat chores of delegation imports: an import a lost worker or message left behind is
sent again, then given up with words; sheets nobody will read again leave media storage."""

import datetime
import os

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from participants.models import DelegationImport, Participant
from participants.sheet_imports import (
    delegation_imports_dispatch_stale,
    import_files_delete_expired,
)
from participants.tasks import run_delegation_import
from tests.factories import OrganiserFactory
from tests.participants.test_delegation_import import HEADERS, csv_bytes
from tests.participants.test_import_in_background import import_page, rows, upload
from tests.scenarios import paris_rouen_programme

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)


def test_beat_runs_both_import_chores_and_they_are_registered_tasks():
    from config.celery import app

    app.loader.import_default_modules()
    chores = {
        entry["task"]: entry["schedule"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()
    }

    assert chores["participants.dispatch_stale_imports"] == 5 * 60
    assert chores["participants.delete_expired_import_files"] == 60 * 60
    assert set(chores) <= set(app.tasks)


@pytest.fixture
def visit():
    return paris_rouen_programme()


@pytest.fixture
def owner_client(client, visit):
    client.force_login(OrganiserFactory(username="anna", organisation=visit.organiser))
    return client


def waiting_import(client, visit, django_capture_on_commit_callbacks, language="en"):
    """A large sheet uploaded whose task never reached a worker (the message was lost)."""
    with django_capture_on_commit_callbacks(execute=False):
        upload(client, visit, "d.csv", csv_bytes([HEADERS, *rows(250)]), language=language)
    return DelegationImport.objects.get()


@pytest.fixture
def lost_messages(monkeypatch):
    """The broker takes the task and loses it: the sendings are counted, none runs."""
    sent = []
    monkeypatch.setattr(
        run_delegation_import, "delay", lambda **kwargs: sent.append(kwargs["delegation_import_id"])
    )
    return sent


def test_an_import_whose_message_was_lost_is_sent_again_and_imported(
    owner_client, visit, django_capture_on_commit_callbacks
):
    delegation_import = waiting_import(owner_client, visit, django_capture_on_commit_callbacks)
    assert (delegation_import.status, delegation_import.attempts) == ("waiting", 1)

    # Not yet: a busy worker may still come to it.
    assert delegation_imports_dispatch_stale(now=timezone.now() + 14 * MINUTE) == 0
    assert Participant.objects.count() == 0

    # In-process Celery runs the task as it is sent again.
    assert delegation_imports_dispatch_stale(now=timezone.now() + 16 * MINUTE) == 1

    delegation_import.refresh_from_db()
    assert (delegation_import.status, delegation_import.attempts) == ("done", 2)
    assert Participant.objects.filter(visit=visit).count() == 250
    assert not delegation_import.sheet
    assert (
        "Imported: 250 participants added, 0 updated."
        in import_page(owner_client, delegation_import).text
    )


def test_an_import_left_running_is_sent_again_then_given_up_in_the_organisers_language(
    owner_client, visit, django_capture_on_commit_callbacks, lost_messages
):
    delegation_import = waiting_import(
        owner_client, visit, django_capture_on_commit_callbacks, language="fr"
    )
    # A worker took it, then was killed mid-way.
    DelegationImport.objects.filter(pk=delegation_import.pk).update(status="running")
    start = timezone.now()

    assert delegation_imports_dispatch_stale(now=start + 16 * MINUTE) == 1
    # The sending just claimed it: a second sweep at once does not send it twice.
    assert delegation_imports_dispatch_stale(now=start + 17 * MINUTE) == 0
    assert delegation_imports_dispatch_stale(now=start + 32 * MINUTE) == 1
    assert lost_messages == [delegation_import.pk, delegation_import.pk]
    delegation_import.refresh_from_db()
    assert (delegation_import.status, delegation_import.attempts) == ("running", 3)
    assert default_storage.exists(delegation_import.sheet.name)

    assert delegation_imports_dispatch_stale(now=start + 48 * MINUTE) == 0

    delegation_import.refresh_from_db()
    assert delegation_import.status == "failed"
    assert delegation_import.problems == (
        "L’import a été lancé plusieurs fois sans jamais aboutir. Rien n’a été importé. "
        "Envoyez de nouveau le tableau\u202f; si cela se reproduit, découpez-le en tableaux "
        "plus petits et prévenez les administrateurs du portail."
    )
    assert lost_messages == [delegation_import.pk, delegation_import.pk]
    # The sheet holds the delegation's contacts: it goes with the import.
    assert not delegation_import.sheet
    assert default_storage.listdir("delegation-imports")[1] == []
    assert (
        "L’import a été lancé plusieurs fois"
        in import_page(owner_client, delegation_import, "fr").text
    )
    assert Participant.objects.count() == 0


def test_an_ended_import_is_never_sent_again(
    owner_client, visit, django_capture_on_commit_callbacks, request
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(250)]))
    sent = request.getfixturevalue("lost_messages")

    assert delegation_imports_dispatch_stale(now=timezone.now() + DAY) == 0
    assert sent == []
    assert DelegationImport.objects.get().status == "done"


def age(path: str, by: datetime.timedelta) -> None:
    """Make a stored file look ``by`` older than it is."""
    moment = (timezone.now() - by).timestamp()
    os.utime(default_storage.path(path), (moment, moment))


def preview_files() -> list[str]:
    return sorted(default_storage.listdir("django-import-export")[1])


def test_the_chore_deletes_only_the_sheets_nobody_will_read_again(
    owner_client, visit, django_capture_on_commit_callbacks
):
    # Two small sheets previewed, never confirmed: the older waits since two days.
    upload(owner_client, visit, "old.csv", csv_bytes([HEADERS, *rows(3)]))
    (old_preview,) = preview_files()
    age(f"django-import-export/{old_preview}", 2 * DAY)
    upload(owner_client, visit, "new.csv", csv_bytes([HEADERS, *rows(3)]))
    (new_preview,) = set(preview_files()) - {old_preview}
    # A large sheet waiting for its worker since an hour, its file older than that.
    waiting = waiting_import(owner_client, visit, django_capture_on_commit_callbacks)
    age(waiting.sheet.name, 2 * DAY)
    # One uploaded two days ago whose worker never came (beat was down meanwhile).
    with django_capture_on_commit_callbacks(execute=False):
        upload(owner_client, visit, "lost.csv", csv_bytes([HEADERS, *rows(250)]))
    forgotten = DelegationImport.objects.get(file_name="lost.csv")
    DelegationImport.objects.filter(pk=forgotten.pk).update(uploaded_at=timezone.now() - 2 * DAY)
    # An ended import whose file could not be deleted then.
    ended = DelegationImport.objects.create(
        visit=visit, file_name="ended.csv", sheet_format="csv", language="en", status="done"
    )
    ended.sheet.save("ended.csv", ContentFile(b"x"))
    # A sheet no import holds any more (its upload rolled back), and another just written.
    orphan = default_storage.save("delegation-imports/orphan.csv", ContentFile(b"x"))
    age(orphan, 2 * DAY)
    fresh_orphan = default_storage.save("delegation-imports/fresh.csv", ContentFile(b"x"))
    # Other files of the media storage, old too: never the chore's business.
    others = [
        default_storage.save("booklets/programme.pdf", ContentFile(b"%PDF")),
        default_storage.save("resources/plan.pdf", ContentFile(b"%PDF")),
        default_storage.save("django-import-export-notes/readme.txt", ContentFile(b"x")),
    ]
    for path in others:
        age(path, 30 * DAY)

    assert import_files_delete_expired() == 4

    assert preview_files() == [new_preview]
    assert sorted(default_storage.listdir("delegation-imports")[1]) == sorted(
        [os.path.basename(waiting.sheet.name), "fresh.csv"]
    )
    assert all(default_storage.exists(path) for path in [*others, fresh_orphan])
    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    forgotten.refresh_from_db()
    assert (forgotten.status, forgotten.problems) == (
        "failed",
        "The import waited more than a day to be started and was given up; nothing was "
        "imported. Upload the sheet again.",
    )
    assert not forgotten.sheet
    ended.refresh_from_db()
    assert not ended.sheet


def test_the_chore_finds_nothing_to_do_on_a_new_installation():
    assert import_files_delete_expired() == 0
