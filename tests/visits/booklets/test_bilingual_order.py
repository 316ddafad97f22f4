"""In a bilingual booklet every session reads in the same language order as its day.

A reader follows one column down the page: if a session's columns were swapped, a Russian
reader would find French where the day heading above told them to look for Russian. The
check reads the order of the texts in the PDF, not where they are drawn, so that it holds
whether the columns are floats, blocks or a grid.
"""

import pytest

from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import Session


def position(pages: list[str], text: str) -> tuple[int, int]:
    """Where ``text`` first appears: its page, then its place in that page's text."""
    for number, page in enumerate(pages):
        if text in page:
            return number, page.index(text)
    raise AssertionError(f"{text!r} is not in the booklet")


@pytest.mark.parametrize("paper", ["a4", "a5"])
@pytest.mark.parametrize(("first", "second"), [("ru", "fr"), ("fr", "ru")])
def test_every_session_follows_the_language_order_of_the_day_headings(visit, first, second, paper):
    mode = booklet_mode_parse(languages=f"{first}+{second}", paper=paper)
    pages = pdf_pages(booklet_pdf(visit=visit, mode=mode, participant=None)[0])

    for day in visit.days.all():
        headings = [getattr(day, f"heading_{code}") for code in (first, second)]
        first_at, second_at = position(pages, headings[0]), position(pages, headings[1])
        assert first_at < second_at, headings
    sessions = Session.objects.filter(visit=visit)
    assert sessions.count() == 5
    for session in sessions:
        titles = [getattr(session, f"title_{code}") for code in (first, second)]
        first_at, second_at = position(pages, titles[0]), position(pages, titles[1])
        assert first_at < second_at, titles
