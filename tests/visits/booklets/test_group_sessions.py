"""Group splits in the booklet: a session for some groups names them in each language, and
two sessions of different groups at the same hour read as alternatives."""

import pytest

from tests.scenarios import librarian as participant
from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.services import booklet_mode_parse, booklet_pdf

pytestmark = pytest.mark.django_db


def text_of(visit, languages, paper="a5", participant=None):
    mode = booklet_mode_parse(languages=languages, paper=paper)
    pdf, _version = booklet_pdf(visit=visit, mode=mode, participant=participant)
    return " ".join(pdf_pages(pdf))


def test_a_group_only_session_names_its_group_in_each_language():
    visit = build_visit()
    text = text_of(visit, "ru+fr")
    assert "ГРУППА Депутаты" in text and "GROUPE Élus" in text
    assert "ГРУППА Библиотекари" in text and "GROUPE Bibliothécaires" in text
    # The session for everyone names no group.
    everyone = text.split("Посещение медиатеки Франсуазы Саган")[1].split("14:00")[0]
    assert "ГРУППА" not in everyone


def test_parallel_sessions_of_two_groups_read_as_alternatives():
    visit = build_visit()
    ru = text_of(visit, "ru", paper="a4")
    fr = text_of(visit, "fr", paper="a4")
    assert ru.count("ПАРАЛЛЕЛЬНО") == 2
    assert fr.count("EN PARALLÈLE") == 2
    assert "GROUPE Élus" in fr and "GROUPE Bibliothécaires" in fr


def test_a_personal_booklet_has_no_parallel_left():
    visit = build_visit()
    text = text_of(visit, "fr", participant=participant(visit))
    assert "EN PARALLÈLE" not in text
    assert "GROUPE Bibliothécaires" in text
