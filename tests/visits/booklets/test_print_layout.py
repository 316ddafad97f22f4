"""The print layout as a reader turns the pages: nothing printed twice, no page without its
header and number, the two languages side by side in rows rather than floats."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from organisations.models import Organisation
from tests.factories import ResourceFactory
from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import VisitOrganisation

pytestmark = pytest.mark.django_db

PARAGRAPHS = 14

RU = (
    "рассказывает о работе библиотеки с жителями квартала, о мастерских и о волонтёрах, "
    "которые ведут занятия по вечерам."
)
FR = (
    "raconte le travail de la bibliothèque avec les habitants du quartier, ses ateliers et "
    "les bénévoles qui les animent le soir."
)


def render(visit, languages, paper, participant=None):
    mode = booklet_mode_parse(languages=languages, paper=paper)
    return booklet_pdf(visit=visit, mode=mode, participant=participant)


def host_with_paragraphs(
    visit, *, name_ru: str, name_fr: str, marker: str, paragraphs: int, tail_words: int = 0
) -> Organisation:
    """A host whose description has ``paragraphs`` numbered paragraphs in each language
    ("Абзац AR00", "Le paragraphe AF00"), then ``tail_words`` more words in a last one."""
    ru = [f"Абзац {marker}R{n:02d} {RU}" for n in range(paragraphs)]
    fr = [f"Le paragraphe {marker}F{n:02d} {FR}" for n in range(paragraphs)]
    if tail_words:
        ru.append(" ".join(["слово"] * tail_words))
        fr.append(" ".join(["mot"] * tail_words))
    host = Organisation.objects.create(
        name_ru=name_ru,
        name_fr=name_fr,
        kind=Organisation.Kind.LIBRARY,
        description_ru="\n\n".join(ru),
        description_fr="\n\n".join(fr),
    )
    VisitOrganisation.objects.create(visit=visit, organisation=host, role="host")
    return host


def long_host(visit) -> Organisation:
    """A host whose description in both languages is longer than an A5 page."""
    return host_with_paragraphs(
        visit,
        name_ru="Аааа Большая библиотека",
        name_fr="Aaaa Grande bibliothèque",
        marker="",
        paragraphs=PARAGRAPHS,
    )


def two_long_hosts(visit) -> None:
    """The A5 bilingual host pages on which the float layout (before rows) printed an entry
    twice: a first entry longer than a page ends high enough on its last page for the next
    entry's titles to fit below it, not its first paragraph. The floats of that next entry
    were split at the page foot while the entry itself (break-inside: avoid) was pushed to
    the next page; WeasyPrint kept the float fragments it had already carried over, printed
    them (paragraphs without titles) over the following section, then printed the whole
    entry again on a page that took the cover's named page: no running header, no number.
    The 80 words of the first entry's last paragraph put the second entry's start in that
    band of the page (74 to 84 words do, with our fonts)."""
    host_with_paragraphs(
        visit,
        name_ru="Аааа библиотека",
        name_fr="Aaaa bibliothèque",
        marker="A",
        paragraphs=16,
        tail_words=80,
    )
    host_with_paragraphs(
        visit,
        name_ru="Аабб библиотека",
        name_fr="Aabb bibliothèque",
        marker="B",
        paragraphs=6,
    )


def test_a_long_bilingual_host_entry_crossing_a_page_is_printed_exactly_once():
    visit = build_visit()
    two_long_hosts(visit)

    pdf, _version = render(visit, "ru+fr", "a5")
    pages = pdf_pages(pdf)

    pages_of = {}
    for marker, paragraphs in (("A", 16), ("B", 6)):
        for n in range(paragraphs):
            for language in "RF":
                label = f"{marker}{language}{n:02d}"
                found = [index for index, page in enumerate(pages) if label in page]
                assert sum(page.count(label) for page in pages) == 1, (label, found)
                pages_of[label] = found[0]
    assert sum(page.count("Аабб библиотека") for page in pages) == 1
    # The first entry does cross pages, and each paragraph stands beside its translation.
    assert len({pages_of[f"AR{n:02d}"] for n in range(16)}) >= 2
    for marker, paragraphs in (("A", 16), ("B", 6)):
        for n in range(paragraphs):
            assert pages_of[f"{marker}R{n:02d}"] == pages_of[f"{marker}F{n:02d}"]


def test_every_a5_bilingual_host_page_has_its_running_header_and_number():
    visit = build_visit()
    two_long_hosts(visit)

    pdf, _version = render(visit, "ru+fr", "a5")
    pages = pdf_pages(pdf)

    for number, text in enumerate(pages[1:], start=2):
        assert f"Стр. {number} из {len(pages)}" in text, number
        assert "Библиотеки и гражданское участие" in text, number


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


def materials(visit, count: int) -> None:
    """``count`` materials with a link (so a QR code each) and a summary of a few lines."""
    for n in range(count):
        ResourceFactory(
            bare=True,
            visit=visit,
            title_fr=f"Rapport annuel {n + 1} de la médiathèque",
            title_ru=f"Годовой отчёт медиатеки № {n + 1}",
            summary_fr=" ".join([f"Le rapport {n + 1} décrit les ateliers du quartier."] * 4),
            summary_ru=" ".join([f"Отчёт {n + 1} описывает мастерские квартала."] * 4),
            url=f"https://www.example.org/rapport-{n + 1}.pdf",
        )


@pytest.mark.parametrize("count", [2, 8])
def test_the_qr_block_closing_the_booklet_never_stands_alone_on_the_last_page(count):
    """However far the materials reach down the page, the last page holds more than the QR
    code and the check link: the contacts come with them."""
    visit = build_visit()
    materials(visit, count)

    pdf, _version = render(visit, "fr", "a5")
    last = pdf_pages(pdf)[-1]

    assert "Programme en ligne" in last
    assert "Ce livret est-il encore à jour" in last
    assert "Les numéros des organisateurs figurent" in last, count
