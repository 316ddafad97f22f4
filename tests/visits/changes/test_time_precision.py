"""A session whose time becomes "morning" or "to be confirmed" is news, even when the span
stored for it stays the same; its members are told once, in their language."""

import pytest
from django.core import mail

from tests.factories import SessionFactory
from tests.scenarios import may_2019 as at
from tests.scenarios import readers_in_paris as build_delegation
from visits.changes.models import ChangeNotice
from visits.changes.services import programme_version_publish
from visits.changes.summary import programme_changes
from visits.models import Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish_now(visit):
        with django_capture_on_commit_callbacks(execute=True):
            return programme_version_publish(visit=visit)

    return publish_now


@pytest.fixture
def delegation(publish):
    data = build_delegation()
    publish(data.visit)
    return data


def _bodies() -> dict[str, str]:
    return {message.to[0]: message.body for message in mail.outbox}


def test_a_time_to_be_confirmed_tells_the_group_once_in_their_language(publish, delegation):
    session = delegation.library_visit
    session.time_precision = Session.TimePrecision.TO_BE_CONFIRMED
    session.full_clean()  # the span becomes the whole day, as the admin stores it
    session.save()

    publish(delegation.visit)

    bodies = _bodies()
    assert sorted(bodies) == ["anna@example.org", "claire@example.org"]
    assert len(mail.outbox) == 2
    assert "Вторник, 14 мая: «Посещение БнФ» время теперь уточняется." in bodies["anna@example.org"]
    assert (
        "Mardi 14 mai\u202f: «\u202fVisite de la BnF\u202f» son horaire est désormais à confirmer."
        in bodies["claire@example.org"]
    )
    # The whole-day span it is stored with is no news: no "moves from 10:00 to 00:00".
    assert "00:00" not in bodies["anna@example.org"] + bodies["claire@example.org"]


def test_morning_with_the_same_stored_span_is_news_for_everyone(publish, delegation):
    welcome = delegation.welcome
    welcome.starts_at, welcome.ends_at = at(13, 9), at(13, 12, 30)
    welcome.save()
    publish(delegation.visit)
    mail.outbox.clear()

    welcome.time_precision = Session.TimePrecision.MORNING
    welcome.full_clean()
    welcome.save()
    assert (welcome.starts_at, welcome.ends_at) == (at(13, 9), at(13, 12, 30))
    version, created = publish(delegation.visit)

    assert created
    bodies = _bodies()
    assert len(mail.outbox) == 4
    assert "Monday 13 May: “Welcome” now takes place in the morning." in bodies["john@example.org"]
    assert (
        "Lundi 13 mai\u202f: «\u202fAccueil\u202f» a désormais lieu le matin."
        in bodies["claire@example.org"]
    )
    assert (
        "Понедельник, 13 мая: «Приветствие» теперь проходит утром." in bodies["nadia@example.org"]
    )
    assert version.notices.filter(status=ChangeNotice.Status.SENT).count() == 4

    # A known time again: its hours are told.
    mail.outbox.clear()
    welcome.time_precision = Session.TimePrecision.EXACT
    welcome.starts_at, welcome.ends_at = at(13, 10), at(13, 11)
    welcome.save()
    publish(delegation.visit)
    assert (
        "Monday 13 May: “Welcome” now takes place from 10:00 to 11:00."
        in _bodies()["john@example.org"]
    )


def test_a_version_published_before_the_precision_was_kept_tells_nothing(publish, delegation):
    version = delegation.visit.programme_versions.get()
    for session in version.snapshot["sessions"].values():
        del session["time_precision"]
    version.save()
    delegation.library_visit.time_precision = Session.TimePrecision.MORNING
    delegation.library_visit.save()  # same span: only the precision differs

    publish(delegation.visit)

    assert mail.outbox == []
    latest = delegation.visit.programme_versions.order_by("-number").first()
    assert programme_changes(old=version.snapshot, new=latest.snapshot, language="en") == []


def test_a_session_added_with_its_time_to_be_confirmed_is_told_without_hours(publish, delegation):
    round_table = SessionFactory(
        visit=delegation.visit,
        title_en="Round table",
        title_fr="Table ronde",
        title_ru="Круглый стол",
        starts_at=at(15, 10),
        ends_at=at(15, 11),
        time_precision=Session.TimePrecision.TO_BE_CONFIRMED,
        venue=delegation.library_visit.venue,
        groups=[delegation.libraries],
    )
    round_table.full_clean()  # stored as 00:00 to 00:00, as the admin stores it
    round_table.save()

    publish(delegation.visit)

    bodies = _bodies()
    assert sorted(bodies) == ["anna@example.org", "claire@example.org"]
    assert (
        "Среда, 15 мая: в программу добавлено: «Круглый стол», время уточняется, Мэрия, "
        "5 rue de Lobau, 75004 Paris, France." in bodies["anna@example.org"]
    )
    assert (
        "Mercredi 15 mai\u202f: ajouté au programme\u202f: «\u202fTable ronde\u202f», "
        "horaire à confirmer, Hôtel de Ville, 5 rue de Lobau, 75004 Paris, France."
        in bodies["claire@example.org"]
    )
    # The placeholder span the unconfirmed time is stored with is nobody's news.
    assert "00:00" not in bodies["anna@example.org"] + bodies["claire@example.org"]


def test_a_cancelled_morning_session_is_told_as_a_morning(publish, delegation):
    welcome = delegation.welcome
    welcome.time_precision = Session.TimePrecision.MORNING
    welcome.full_clean()  # stored as 09:00 to 12:30
    welcome.save()
    publish(delegation.visit)
    mail.outbox.clear()

    welcome.delete()
    publish(delegation.visit)

    bodies = _bodies()
    assert len(mail.outbox) == 4
    assert "Monday 13 May: cancelled: “Welcome” (morning)." in bodies["john@example.org"]
    assert (
        "Lundi 13 mai\u202f: annulé\u202f: «\u202fAccueil\u202f» (matin)."
        in bodies["claire@example.org"]
    )
    assert "Понедельник, 13 мая: отменено: «Приветствие» (утро)." in bodies["nadia@example.org"]
    assert "09:00" not in "".join(bodies.values())


def test_a_whole_day_session_no_longer_in_a_group_s_programme_is_told_as_a_whole_day(
    publish, delegation
):
    library_visit = delegation.library_visit
    library_visit.time_precision = Session.TimePrecision.ALL_DAY
    library_visit.full_clean()
    library_visit.save()
    publish(delegation.visit)
    mail.outbox.clear()

    library_visit.groups.set([delegation.museums])
    publish(delegation.visit)

    bodies = _bodies()
    assert (
        "Вторник, 14 мая: больше нет в вашей программе: «Посещение БнФ» (весь день)."
        in bodies["anna@example.org"]
    )
    assert (
        "Tuesday 14 May: added to the programme: “Visit of the BnF”, all day, Town hall"
        in (bodies["john@example.org"])
    )
    assert "00:00" not in "".join(bodies.values())
