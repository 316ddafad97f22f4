"""How a booklet writes text and dates in each language: the organisers' rich text cleaned
with nh3, a field with its fallback language, day and date labels. The typesetter's rules
for text itself live in visits/typography.py, shared with the pages and the calendar."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import nh3
from django.utils import formats, translation
from django.utils.safestring import SafeString, mark_safe

from organisations.languages import translated_text
from visits.dates import date_range, day_month_year
from visits.typography import typeset


@dataclass(frozen=True)
class Text:
    value: str
    lang: str

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)

    @property
    def html(self) -> str:
        """Organiser-entered text as safe HTML paragraphs (see organiser_html)."""
        return organiser_html(self.value)

    @property
    def blocks(self) -> list[SafeString]:
        """The paragraphs and lists of ``html`` one by one, so that a bilingual booklet can
        set each paragraph beside its translation and break pages between them."""
        return html_blocks(organiser_html(self.value))


# Organisers type plain text with line breaks; a few may paste simple rich text. Either way
# nothing but these tags survives, and never an attribute, so no link, image or style
# can reach WeasyPrint from a description.
RICH_TEXT_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li"}
_BLOCK_TAG = re.compile(r"<(p|ul|ol)[ >]")


def organiser_html(value: str) -> SafeString:
    cleaned = nh3.clean(
        value or "",
        tags=RICH_TEXT_TAGS,
        attributes={},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
    ).strip()
    if not cleaned:
        return mark_safe("")
    if not _BLOCK_TAG.search(cleaned):
        paragraphs = re.split(r"\n\s*\n", cleaned.replace("\r\n", "\n"))
        cleaned = "".join(
            "<p>" + paragraph.strip().replace("\n", "<br>") + "</p>"
            for paragraph in paragraphs
            if paragraph.strip()
        )
    return mark_safe(cleaned)  # nh3 output: tags allow-listed above


_TOP_TAG = re.compile(r"<(/?)(p|ul|ol)\b[^>]*>")


def html_blocks(html: str) -> list[SafeString]:
    """Top-level ``<p>``, ``<ul>`` and ``<ol>`` blocks of nh3-cleaned HTML, in order."""
    blocks: list[SafeString] = []
    depth = 0
    start = 0
    for match in _TOP_TAG.finditer(html):
        closing = bool(match.group(1))
        if not closing:
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                blocks.append(mark_safe(html[start : match.end()]))  # a slice of nh3 output
    if not blocks and html.strip():
        blocks.append(mark_safe(html))  # nh3 output with no block tag
    return blocks


@dataclass(frozen=True)
class Cell:
    """One language's part of a row: text (or safe HTML) and the language it is in."""

    lang: str
    html: str = ""

    def __bool__(self) -> bool:
        return bool(self.html)


def paired_blocks(texts: list[Text]) -> list[list[Cell]]:
    """Paragraph rows across languages: row i holds paragraph i of each language (or an
    empty cell), so translations stand side by side and a page breaks between rows."""
    columns = [text.blocks for text in texts]
    rows = []
    for index in range(max((len(blocks) for blocks in columns), default=0)):
        rows.append(
            [
                Cell(text.lang, blocks[index] if index < len(blocks) else "")
                for text, blocks in zip(texts, columns, strict=True)
            ]
        )
    return rows


def text(obj, field_name: str, language: str) -> Text:
    """A translated field in ``language``, else the first language that has it."""
    value, shown = translated_text(obj=obj, field_name=field_name, language=language)
    return Text(typeset(value.strip(), shown), shown) if value.strip() else Text("", language)


def plain(value: str, language: str) -> Text:
    return Text(typeset((value or "").strip(), language), language)


DAY_FORMATS = {"ru": "l, j E", "fr": "l j F", "en": "l j F"}


# Languages that write the names of the days with a capital letter also inside a sentence.
WEEKDAY_CAPITALISED = {"en", "de"}


def day_label(
    date: datetime.date, language: str, *, with_year: bool = False, mid_sentence: bool = False
) -> str:
    """ "Mardi 14 mai" (a heading, a line's start), with " 2019" when the programme's dates
    need their year; ``mid_sentence`` gives "mardi 14 mai", "вторник, 14 мая" for a date
    inside a sentence, as French and Russian write it (English keeps "Tuesday")."""
    with translation.override(language):
        value = formats.date_format(date, DAY_FORMATS.get(language, "l j F"))
    if with_year:
        value = f"{value} {date.year}"
    if mid_sentence and language not in WEEKDAY_CAPITALISED:
        return value[:1].lower() + value[1:]
    return value[:1].upper() + value[1:]


def phase_dates(start: datetime.date, end: datetime.date, language: str) -> str:
    return typeset(date_range(start, end, language), language)


def long_date(date: datetime.date, language: str) -> str:
    return day_month_year(date, language)


def website_label(url: str) -> str:
    return re.sub(r"^https?://", "", url or "").rstrip("/")
