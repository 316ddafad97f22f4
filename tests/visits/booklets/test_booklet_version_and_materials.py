"""What a reader reads of the version, the speakers and the materials."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import Resource

pytestmark = pytest.mark.django_db


def pages_of(visit, languages, paper="a4"):
    pdf, version = booklet_pdf(
        visit=visit, mode=booklet_mode_parse(languages=languages, paper=paper)
    )
    return pdf_pages(pdf), version


def test_the_footer_says_as_of_when_in_each_language(monkeypatch):
    moment = dt.datetime(2026, 11, 22, 13, 5, tzinfo=dt.UTC)  # 14:05 in Paris
    monkeypatch.setattr(timezone, "now", lambda: moment)
    visit = build_visit()
    pages, version = pages_of(visit, "ru+fr", paper="a5")
    footer = pages[2]
    assert "Программа на 22 ноября 2026, 14:05" in footer
    assert f"Programme au 22 novembre 2026, 14:05 · {version[:8]}" in footer
    english, _version = pages_of(visit, "en")
    assert "Programme as of 22 November 2026, 14:05" in english[2]


def test_a_speaker_line_does_not_repeat_the_host():
    visit = build_visit()
    text = " ".join(pages_of(visit, "fr")[0])
    assert "Claire Dubois, directrice" in text
    assert "directrice (Médiathèque" not in text


def test_materials_carry_a_short_address_not_a_long_url():
    visit = build_visit()
    long_url = (
        "https://www.paris.fr/documents/2019/integration/"
        "mobilisation-de-la-communaute-de-paris-pour-accueil-refugies.pdf"
    )
    Resource.objects.create(visit=visit, title_fr="Mobilisation de Paris", url=long_url)
    text = " ".join(pages_of(visit, "fr")[0])
    assert "Mobilisation de Paris" in text
    assert long_url not in text and "https://" not in text.split("Documentation")[-1]
    assert "www.paris.fr/…/" in text
