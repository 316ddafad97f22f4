"""How a booklet writes text and dates in each language: French spacing, the organisers'
rich text cleaned with nh3, a field with its fallback language, day and date labels."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import nh3
from django.conf import settings
from django.utils import formats, translation
from django.utils.safestring import SafeString, mark_safe
from modeltranslation.utils import build_localized_fieldname

from visits.languages import language_codes

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
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get("default", ())
    seen: set[str] = set()
    for code in (language, *fallbacks, *language_codes()):
        if code in seen:
            continue
        seen.add(code)
        value = getattr(obj, build_localized_fieldname(field_name, code), "") or ""
        if value.strip():
            return Text(typeset(value.strip(), code), code)
    return Text("", language)


def plain(value: str, language: str) -> Text:
    return Text(typeset((value or "").strip(), language), language)


DAY_FORMATS = {"ru": "l, j E", "fr": "l j F", "en": "l j F"}


def day_label(date: datetime.date, language: str) -> str:
    with translation.override(language):
        value = formats.date_format(date, DAY_FORMATS.get(language, "l j F"))
    return value[:1].upper() + value[1:]


def _month(language: str) -> str:
    # Russian needs the genitive ("12 мая"), which Django spells "E"; French and English
    # month names are lower- and title-case as "F" gives them.
    return "E" if language == "ru" else "F"


def long_date(date: datetime.date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(date, f"j {_month(language)} Y")


def date_range(start: datetime.date, end: datetime.date, language: str) -> str:
    month = _month(language)
    with translation.override(language):
        last = formats.date_format(end, f"j {month} Y")
        if start == end:
            return last
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}\u2013{last}"
        if start.year == end.year:
            return f"{formats.date_format(start, f'j {month}')} \u2013 {last}"
        return f"{formats.date_format(start, f'j {month} Y')} \u2013 {last}"


def website_label(url: str) -> str:
    return re.sub(r"^https?://", "", url or "").rstrip("/")
