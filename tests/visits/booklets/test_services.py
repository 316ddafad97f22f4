"""Asking for booklets: stored once per content version, rendered again after a change."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone

from organisations.models import Organisation
from visits.booklets.models import Booklet
from visits.booklets.services import (
    MAX_RENDER_ATTEMPTS,
    booklet_mode_parse,
    booklet_render,
    booklet_request,
    booklet_retry,
)
from visits.models import Day, Session

RU_FR_A5 = booklet_mode_parse(languages="ru+fr", paper="a5")


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    """booklet_request with the render task run as it is sent after the commit."""

    def ask(visit, mode=RU_FR_A5, participant=None):
        with django_capture_on_commit_callbacks(execute=True):
            booklet = booklet_request(visit=visit, mode=mode, participant=participant)
        booklet.refresh_from_db()
        return booklet

    return ask


def test_a_second_request_reuses_the_stored_file(visit, ask):
    first = ask(visit)
    assert first.status == Booklet.Status.READY
    assert first.file.read(5) == b"%PDF-"
    second = ask(visit)
    assert second.pk == first.pk
    assert second.file.name == first.file.name
    assert second.rendered_at == first.rendered_at
    assert Booklet.objects.count() == 1


def test_changing_a_session_makes_a_new_booklet_and_never_serves_the_old(visit, ask):
    old = ask(visit)
    session = Session.objects.get(title_fr="Le musée pour tous")
    session.title_fr = "Le musée pour chacun"
    session.save()
    new = ask(visit)
    assert new.pk != old.pk
    assert new.content_version != old.content_version
    assert new.file.name != old.file.name
    assert new.status == Booklet.Status.READY
    assert Booklet.objects.filter(pk=old.pk, status=Booklet.Status.READY).exists()


@pytest.mark.parametrize(
    "change",
    [
        "day heading",
        "host added",
        "session deleted",
        "host description",
        "emergency phone",
        "participant's group",
    ],
)
def test_what_the_booklet_prints_changes_the_version(visit, anna, change):
    before = booklet_request(visit=visit, mode=RU_FR_A5, participant=anna).content_version
    # Edits are saves, as the admin and the services make them; QuerySet.update() sends no
    # signal and must bump the programme revision itself (visits/booklets/revision.py).
    if change == "day heading":
        day = Day.objects.filter(visit=visit).first()
        day.heading_ru = "Новый заголовок"
        day.save()
    elif change == "host added":
        Session.objects.get(title_fr="Le musée pour tous").hosts.add(
            Organisation.objects.get(name_fr="Mairie du 10e arrondissement")
        )
    elif change == "session deleted":
        Session.objects.get(title_fr="Le musée pour tous").delete()
    elif change == "host description":
        musee = Organisation.objects.get(name_fr="Musée des Beaux‑Arts de Rouen")
        musee.description_ru = "Новое описание."
        musee.save()
    elif change == "emergency phone":
        contact = visit.emergency_contacts.first()
        contact.phone = "+33 1 00 00 00 00"
        contact.save()
    elif change == "participant's group":
        anna.groups.set([visit.groups.get(name_fr="Élus")])
    after = booklet_request(visit=visit, mode=RU_FR_A5, participant=anna).content_version
    assert after != before


def test_private_notes_do_not_make_a_new_booklet(visit):
    before = booklet_request(visit=visit, mode=RU_FR_A5).content_version
    for session in Session.objects.filter(visit=visit):
        session.private_notes = "Entrée par la cour"
        session.save()
    after = booklet_request(visit=visit, mode=RU_FR_A5).content_version
    assert after == before


def test_a_pending_booklet_left_behind_is_sent_again(visit, ask):
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)  # task never sent: no commit
    Booklet.objects.filter(pk=booklet.pk).update(
        dispatched_at=timezone.now() - datetime.timedelta(minutes=6)
    )
    again = ask(visit)
    assert again.pk == booklet.pk
    assert again.status == Booklet.Status.READY


def test_a_fresh_pending_booklet_is_not_sent_twice(visit, ask):
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    again = ask(visit)
    assert again.pk == booklet.pk
    assert again.status == Booklet.Status.PENDING


def test_render_is_idempotent_and_quiet_about_missing_rows(visit, ask):
    assert booklet_render(booklet_id=987654) is None
    booklet = ask(visit)
    name, made = booklet.file.name, booklet.rendered_at
    again = booklet_render(booklet_id=booklet.pk)
    assert (again.file.name, again.rendered_at, again.attempts) == (name, made, 1)


def test_a_render_for_an_outdated_version_is_marked_superseded(visit):
    booklet = Booklet.objects.create(
        visit=visit, languages="ru+fr", paper="a5", content_version="0" * 64
    )
    booklet_render(booklet_id=booklet.pk)
    booklet.refresh_from_db()
    assert booklet.status == Booklet.Status.FAILED
    assert booklet.error == (
        "The programme changed before this booklet was made; a newer one replaces it."
    )
    assert not booklet.file


def test_redelivery_is_bounded_by_the_attempt_count(visit):
    booklet = booklet_request(visit=visit, mode=RU_FR_A5)
    Booklet.objects.filter(pk=booklet.pk).update(attempts=MAX_RENDER_ATTEMPTS)
    booklet_render(booklet_id=booklet.pk)
    booklet.refresh_from_db()
    assert booklet.status == Booklet.Status.FAILED
    assert booklet.error == f"Given up after {MAX_RENDER_ATTEMPTS} attempts to render this booklet."
    retried = booklet_retry(booklet=booklet)
    assert (retried.status, retried.attempts, retried.error) == (Booklet.Status.PENDING, 0, "")


def test_a_failing_render_is_recorded_not_raised(visit, ask, monkeypatch):
    import weasyprint

    def broken(*args, **kwargs):
        raise ValueError("Cannot lay out this page")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    booklet = ask(visit)
    assert booklet.status == Booklet.Status.FAILED
    assert booklet.error == "ValueError: Cannot lay out this page"
    assert not booklet.file


def test_a_transient_error_in_process_is_recorded_without_waiting(visit, ask, monkeypatch):
    # In-process (no broker) a request is waiting: no backoff, the error is recorded at once,
    # and the booklet stays pending for the sweep to try again (issue 11: an outage passes).
    import weasyprint

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", disk_full)
    booklet = ask(visit)
    assert booklet.status == Booklet.Status.PENDING
    assert booklet.error == (
        "Will be tried again by itself. OSError: [Errno 28] No space left on device"
    )


def test_the_task_carries_its_delivery_and_retry_policy():
    from visits.booklets.tasks import render_booklet

    assert render_booklet.name == "visits.booklets.render_booklet"
    assert render_booklet.acks_late is True
    assert render_booklet.reject_on_worker_lost is False
    assert (render_booklet.soft_time_limit, render_booklet.time_limit) == (120, 180)
    assert render_booklet.autoretry_for == (OSError, OperationalError)
    assert (render_booklet.max_retries, render_booklet.retry_backoff) == (2, 5)
    assert render_booklet.retry_backoff_max == 120


def test_one_row_per_mode_paper_participant_and_version(visit, anna):
    modes = [("ru", "a4"), ("ru", "a5"), ("fr", "a4"), ("ru+fr", "a4")]
    for languages, paper in modes:
        mode = booklet_mode_parse(languages=languages, paper=paper)
        booklet_request(visit=visit, mode=mode)
        booklet_request(visit=visit, mode=mode)
        booklet_request(visit=visit, mode=mode, participant=anna)
    assert Booklet.objects.count() == 8
