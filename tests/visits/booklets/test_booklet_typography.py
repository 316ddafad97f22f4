"""Typography in the booklet, as a reader of each language checks it in the PDF."""

import pytest

from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import Session

pytestmark = pytest.mark.django_db


def pages_of(visit, languages, paper="a5"):
    pdf, _version = booklet_pdf(
        visit=visit, mode=booklet_mode_parse(languages=languages, paper=paper)
    )
    return pdf_pages(pdf)


def test_no_straight_apostrophe_or_quote_in_french_text():
    visit = build_visit()
    session = Session.objects.get(visit=visit, title_fr="Le musée pour tous")
    session.title_fr = "L'atelier d'écriture du musée"
    session.description_fr = 'Le "troisième lieu" au XIXe siècle : qu\'en reste-t-il?'
    session.save()

    text = " ".join(pages_of(visit, "fr"))

    assert "L’atelier d’écriture du musée" in text
    # (pypdf gives the narrow no-break spaces back as spaces; visits/typography tests them.)
    assert "« troisième lieu » au XIXᵉ siècle : qu’en reste-t-il ?" in text
    assert "'" not in text
    assert '"' not in text


def test_hosts_follow_the_alphabet_of_the_first_language():
    visit = build_visit()
    text = " ".join(pages_of(visit, "fr", paper="a4"))
    hosts = text[text.index("Organisations d’accueil", text.index("Contacts . ")) :]
    assert (
        hosts.index("Mairie du 10ᵉ arrondissement")
        < hosts.index("Médiathèque Françoise‑Sagan")
        < hosts.index("Musée des Beaux‑Arts de Rouen")
    )


def test_a_word_shared_by_both_languages_is_printed_once():
    visit = build_visit()
    visit.first_language, visit.second_language = "fr", "en"
    visit.save()
    pages = pages_of(visit, "fr+en")
    assert "Programme / Programme" not in " ".join(pages)
    programme = next(page for page in pages if page.startswith("Programme"))
    assert programme.startswith("Programme Lundi 12 mai")


def test_lines_of_a_one_language_a5_booklet_stay_near_75_characters():
    import io

    from pypdf import PdfReader

    visit = build_visit()
    pdf, _version = booklet_pdf(visit=visit, mode=booklet_mode_parse(languages="fr", paper="a5"))
    lines = [
        line
        for page in PdfReader(io.BytesIO(pdf)).pages[2:]
        for line in (page.extract_text() or "").splitlines()
    ]
    longest = max(len(line) for line in lines)
    assert 50 < longest <= 80, longest
