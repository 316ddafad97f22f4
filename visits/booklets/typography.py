"""How a booklet writes text and dates in each language: French spacing, the organisers'
rich text cleaned with nh3, a field with its fallback language, day and date labels."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import nh3
from django.utils import formats, translation
from django.utils.safestring import SafeString, mark_safe

from organisations.languages import translated_text
from visits.dates import date_range, day_month_year

# --- text ---------------------------------------------------------------------------

_FRENCH_SPACE_BEFORE = re.compile(r"[ \u00a0]+([;:!?»])")
_FRENCH_SPACE_AFTER = re.compile(r"«[ \u00a0]+")


def typeset(text: str, language: str) -> str:
    """The few typesetter's rules a reader notices: French thin no-break spaces before
    high punctuation and inside guillemets, and "№ 5" that never breaks."""
    if not text:
        return ""
    if language == "fr":
        text = _FRENCH_SPACE_BEFORE.sub("\u202f\\1", text)
        text = _FRENCH_SPACE_AFTER.sub("«\u202f", text)
    return text.replace("№ ", "№\u00a0")


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


def text(obj, field_name: str, language: str) -> Text:
    """A translated field in ``language``, else the first language that has it."""
    value, shown = translated_text(obj=obj, field_name=field_name, language=language)
    return Text(typeset(value.strip(), shown), shown) if value.strip() else Text("", language)


def plain(value: str, language: str) -> Text:
    return Text(typeset((value or "").strip(), language), language)


DAY_FORMATS = {"ru": "l, j E", "fr": "l j F", "en": "l j F"}


def day_label(date: datetime.date, language: str, *, with_year: bool = False) -> str:
    """ "Mardi 14 mai", with " 2019" when the programme's dates need their year."""
    with translation.override(language):
        value = formats.date_format(date, DAY_FORMATS.get(language, "l j F"))
    if with_year:
        value = f"{value} {date.year}"
    return value[:1].upper() + value[1:]


def phase_dates(start: datetime.date, end: datetime.date, language: str) -> str:
    return typeset(date_range(start, end, language), language)


def long_date(date: datetime.date, language: str) -> str:
    return day_month_year(date, language)


def website_label(url: str) -> str:
    return re.sub(r"^https?://", "", url or "").rstrip("/")
