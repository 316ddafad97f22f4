"""Phases, approximate times and the visit's source language, as the models keep them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import GroupFactory, SessionFactory, VisitFactory
from visits.models import Phase, Session, TimePrecision, approximate_span
from visits.services import visit_duplicate
from visits.translations import DONE, STALE, source_language, translation_status

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def test_a_phase_has_dates_title_and_description_in_each_language():
    visit = VisitFactory(start_date=dt.date(2026, 9, 1), end_date=dt.date(2027, 2, 28))
    phase = Phase.objects.create(
        visit=visit,
        title_fr="Préparation",
        title_ru="Подготовка",
        description_fr="Lectures et rencontres en ligne.",
        start_date=dt.date(2026, 9, 1),
        end_date=dt.date(2026, 9, 30),
    )
    phase.full_clean()
    assert [str(p) for p in visit.phases.all()] == ["Préparation"]


def test_a_phase_outside_its_visit_is_refused_in_words():
    visit = VisitFactory(start_date=dt.date(2026, 9, 1), end_date=dt.date(2026, 12, 1))
    phase = Phase(
        visit=visit,
        title_fr="Clôture",
        start_date=dt.date(2026, 11, 20),
        end_date=dt.date(2027, 1, 5),
    )
    with pytest.raises(ValidationError) as error:
        phase.full_clean()
    assert "end_date" in error.value.message_dict


def test_a_phase_cannot_end_before_it_starts():
    visit = VisitFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.create(
            visit=visit,
            title_fr="?",
            start_date=dt.date(2019, 5, 14),
            end_date=dt.date(2019, 5, 13),
        )


@pytest.mark.parametrize(
    ("precision", "start", "end"),
    [
        (TimePrecision.MORNING, dt.datetime(2026, 3, 29, 9, 0), dt.datetime(2026, 3, 29, 12, 30)),
        (TimePrecision.AFTERNOON, dt.datetime(2026, 3, 29, 14), dt.datetime(2026, 3, 29, 18)),
        (TimePrecision.ALL_DAY, dt.datetime(2026, 3, 29, 0), dt.datetime(2026, 3, 30, 0)),
        (TimePrecision.TO_BE_CONFIRMED, dt.datetime(2026, 3, 29, 0), dt.datetime(2026, 3, 30, 0)),
    ],
)
def test_an_approximate_time_stands_for_a_local_span(precision, start, end):
    starts_at, ends_at = approximate_span(
        date=dt.date(2026, 3, 29), time_precision=precision, zone=PARIS
    )
    assert (starts_at, ends_at) == (start.replace(tzinfo=PARIS), end.replace(tzinfo=PARIS))


def test_cleaning_an_approximate_session_sets_the_span_on_its_date():
    session = SessionFactory.build(
        visit=VisitFactory(),
        venue=None,
        time_precision=TimePrecision.AFTERNOON,
        starts_at=dt.datetime(2019, 5, 14, 10, 15, tzinfo=PARIS),
        ends_at=dt.datetime(2019, 5, 14, 10, 45, tzinfo=PARIS),
    )
    session.clean()
    assert session.starts_at == dt.datetime(2019, 5, 14, 14, tzinfo=PARIS)
    assert session.ends_at == dt.datetime(2019, 5, 14, 18, tzinfo=PARIS)
    assert session.is_approximate and not session.is_all_day


def test_sessions_are_exact_unless_told():
    assert SessionFactory().time_precision == Session.TimePrecision.EXACT


def test_the_source_language_defaults_as_the_rule_says_and_can_be_chosen(settings):
    settings.LANGUAGE_CODE = "fr"
    assert VisitFactory(first_language="ru", second_language="fr").source_language == "fr"
    assert VisitFactory(first_language="ru", second_language="en").source_language == "ru"
    chosen = VisitFactory(first_language="ru", second_language="fr", source_language="ru")
    assert source_language(visit=chosen) == "ru"


def test_the_translations_page_compares_with_the_language_the_organiser_wrote_in(settings):
    settings.LANGUAGE_CODE = "fr"
    written_in_russian = VisitFactory(
        first_language="fr", second_language="ru", source_language="ru"
    )
    written_in_russian.title_ru = "Учебный визит: новое название"
    written_in_russian.save()

    states = {
        (entry.field, entry.language): (entry.state, entry.source_language)
        for entry in translation_status(visit=written_in_russian)
    }

    assert states[("title", "fr")] == (STALE, "ru")
    assert states[("title", "ru")] == (DONE, "fr")


def test_duplicating_a_visit_moves_its_phases_with_their_groups():
    visit = VisitFactory(start_date=dt.date(2026, 9, 1), end_date=dt.date(2026, 12, 1))
    lawyers = GroupFactory(visit=visit, name_fr="Juristes")
    training = visit.phases.create(
        title_fr="Formation", start_date=dt.date(2026, 10, 5), end_date=dt.date(2026, 10, 9)
    )
    training.groups.add(lawyers)

    copy = visit_duplicate(visit=visit, start_date=dt.date(2027, 9, 1), slug="copy")

    phase = copy.phases.get()
    assert (phase.title_fr, phase.start_date, phase.end_date) == (
        "Formation",
        dt.date(2027, 10, 5),
        dt.date(2027, 10, 9),
    )
    assert [group.visit_id for group in phase.groups.all()] == [copy.pk]
