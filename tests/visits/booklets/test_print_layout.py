"""The print layout as a reader turns the pages: nothing printed twice, no page without its
header and number, the two languages side by side in rows rather than floats."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from organisations.models import Organisation
from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import VisitOrganisation

pytestmark = pytest.mark.django_db

PARAGRAPHS = 14


def render(visit, languages, paper, participant=None):
    mode = booklet_mode_parse(languages=languages, paper=paper)
    return booklet_pdf(visit=visit, mode=mode, participant=participant)


def long_host(visit) -> Organisation:
    """A host whose description in both languages is longer than an A5 page."""
    ru = "\n\n".join(
        f"Абзац R{n:02d} рассказывает о работе библиотеки с жителями квартала, о мастерских "
        "и о волонтёрах, которые ведут занятия по вечерам."
        for n in range(PARAGRAPHS)
    )
    fr = "\n\n".join(
        f"Le paragraphe F{n:02d} raconte le travail de la bibliothèque avec les habitants "
        "du quartier, ses ateliers et les bénévoles qui les animent le soir."
        for n in range(PARAGRAPHS)
    )
    host = Organisation.objects.create(
        name_ru="Аааа Большая библиотека",
        name_fr="Aaaa Grande bibliothèque",
        kind=Organisation.Kind.LIBRARY,
        description_ru=ru,
        description_fr=fr,
    )
    VisitOrganisation.objects.create(visit=visit, organisation=host, role="host")
    return host


def test_a_long_bilingual_host_entry_crossing_a_page_is_printed_exactly_once():
    visit = build_visit(extra_sessions=2)
    long_host(visit)

    pdf, _version = render(visit, "ru+fr", "a5")
    pages = pdf_pages(pdf)

    pages_of = {}
    for n in range(PARAGRAPHS):
        for marker in (f"R{n:02d}", f"F{n:02d}"):
            found = [index for index, page in enumerate(pages) if marker in page]
            assert sum(page.count(marker) for page in pages) == 1, (marker, found)
            pages_of[marker] = found[0]
    # The entry does cross a page, and each paragraph stands beside its translation.
    assert len(set(pages_of.values())) >= 2
    for n in range(PARAGRAPHS):
        assert pages_of[f"R{n:02d}"] == pages_of[f"F{n:02d}"]


@pytest.mark.parametrize(
    ("languages", "paper", "page_label"),
    [
        ("ru+fr", "a5", "Стр. {n} из {m}"),
        ("ru+fr", "a4", "Стр. {n} из {m}"),
        ("fr", "a5", "Page {n} sur {m}"),
    ],
)
def test_every_page_after_the_cover_has_its_running_header_and_number(languages, paper, page_label):
    visit = build_visit(extra_sessions=3)
    long_host(visit)

    pdf, _version = render(visit, languages, paper)
    pages = pdf_pages(pdf)

    assert len(pages) > 4
    title = (
        "Bibliothèques et participation citoyenne"
        if languages == "fr"
        else ("Библиотеки и гражданское участие")
    )
    for number, text in enumerate(pages[1:], start=2):
        assert page_label.format(n=number, m=len(pages)) in text, number
        assert text.count(title) >= 1, number


def test_the_two_languages_headings_share_a_line():
    visit = build_visit()
    pdf, _version = render(visit, "ru+fr", "a5")
    about = next(page for page in pdf_pages(pdf) if page.startswith("О визите / La visite"))
    assert "ЦЕЛИ OBJECTIFS" in about
    assert "СОДЕРЖАНИЕ CONTENU" in about


def test_the_print_css_uses_no_float_and_no_flex():
    css = (Path(settings.BASE_DIR) / "static/booklet/booklet.css").read_text()
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert not re.search(r"\bfloat\s*:", rules)
    assert not re.search(r"display\s*:\s*(inline-)?(flex|grid)", rules)
