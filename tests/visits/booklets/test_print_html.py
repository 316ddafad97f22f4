"""render_booklet --html: the print HTML that WeasyPrint alone turns into the same pages."""

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.factories import SessionFactory, VisitFactory

pytestmark = pytest.mark.django_db


def test_weasyprint_alone_renders_the_same_pages_from_the_written_html(tmp_path):
    from weasyprint import HTML

    visit = VisitFactory(first_language="ru", second_language="fr")
    SessionFactory.create_batch(3, visit=visit)
    out, html = tmp_path / "booklet.pdf", tmp_path / "booklet.html"

    call_command(
        "render_booklet", visit.slug, "--paper", "a5", "--out", str(out), "--html", str(html)
    )

    text = html.read_text(encoding="utf-8")
    assert "booklet.invalid" not in text
    assert "file:///" in text and "/static/booklet/booklet.css" in text
    alone = tmp_path / "alone.pdf"
    HTML(filename=str(html)).write_pdf(str(alone))
    portal_pages = [page.extract_text() for page in PdfReader(out).pages]
    alone_pages = [page.extract_text() for page in PdfReader(alone).pages]
    assert alone_pages == portal_pages
