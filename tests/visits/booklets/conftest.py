import io

import pytest
from pypdf import PdfReader

from tests.scenarios import librarian, librarians_in_paris_and_rouen


@pytest.fixture
def visit(db):
    return librarians_in_paris_and_rouen()


@pytest.fixture
def anna(visit):
    return librarian(visit)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, with runs of white space made single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = []
    for page in reader.pages:
        text = " ".join((page.extract_text() or "").split())
        # Words hyphenated at a line end come back as "выездны‐ ми"; join them again.
        pages.append(text.replace("\u2010 ", "").replace("\u00ad ", ""))
    return pages
