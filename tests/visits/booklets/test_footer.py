"""The booklet's footer fits the shares of the page's width the print CSS gives it.

WeasyPrint measured the footer's two lines word by word on every page to share the width
between them; static/booklet/booklet.css now gives the date line a fixed share and the page
line, never wrapped, the rest. That holds only while the lines are as short as they are: a
longer translation of "Programme as of" or "Page … of …" would wrap the first, or run the
second into it. These tests measure them with the footer's own font.
"""

import datetime
import itertools
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import tinycss2
from django.conf import settings
from fontTools.ttLib import TTFont

from visits.booklets.labels import Labels
from visits.booklets.rendering import footer_css

STATIC = Path(settings.BASE_DIR) / "static"
FOOTER_POINTS = 6.5
# The width of the text of the narrowest paper of each kind (A5; booklet.html's margins):
# one language has wider margins than two side by side.
TEXT_WIDTH_MM = {1: 148 - 2 * 18, 2: 148 - 2 * 13}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
MODES = [(code,) for code in LANGUAGES] + list(itertools.permutations(LANGUAGES, 2))


def date_line_share() -> float:
    css = (STATIC / "booklet/booklet.css").read_text()
    share = re.search(r"@bottom-left\s*{[^}]*?\bwidth:\s*(\d+)%", css)
    assert share, "booklet.css no longer gives the footer's date line a width"
    return int(share.group(1)) / 100


class FooterFont:
    def __init__(self):
        font = TTFont(STATIC / "fonts/NotoSans-Regular.ttf")
        self.glyphs = font.getBestCmap()
        self.advances = font["hmtx"]
        self.units = font["head"].unitsPerEm

    def width_mm(self, text: str) -> float:
        units = sum(self.advances[self.glyphs[ord(char)]][0] for char in text)
        return units / self.units * FOOTER_POINTS * 25.4 / 72


def printed(value: str) -> list[str]:
    """The lines a margin box's ``content`` prints, page numbers at their widest."""
    text = ""
    for token in tinycss2.parse_component_value_list(value):
        if token.type == "string":
            text += token.value
        elif token.type == "function" and token.name == "counter":
            text += "888"
    return [" ".join(line.split()) for line in text.split("\n")]


def footers(languages: tuple[str, ...]):
    """The footer of a booklet in ``languages`` issued on the 28th of each month at 23:59."""
    content = SimpleNamespace(
        languages=list(languages), labels=[Labels.for_language(code) for code in languages]
    )
    for month in range(1, 13):
        issued = datetime.datetime(2026, month, 28, 23, 59)
        left, right = footer_css(content=content, version="0123abcd" * 5, issued=issued)
        yield printed(left), printed(right)


@pytest.mark.parametrize("languages", MODES, ids="+".join)
def test_the_footer_lines_fit_their_shares(languages):
    font = FooterFont()
    width = TEXT_WIDTH_MM[len(languages)]
    share = date_line_share()

    for date_lines, page_lines in footers(languages):
        assert len(date_lines) == len(languages)
        for line in date_lines:
            assert font.width_mm(line) <= share * width, line
        assert page_lines == [page_lines[0]]
        assert font.width_mm(page_lines[0]) <= (1 - share) * width, page_lines[0]
