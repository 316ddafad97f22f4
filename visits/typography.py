"""The typesetter's rules for text in each language, the same on the pages, in the calendar
and in the booklets."""

import re

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
