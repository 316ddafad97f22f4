"""The typesetter's rules for text in each language, the same on the pages, in the calendar
and in the booklets.

``typeset`` returns plain text (no markup), so that the pages escape it as usual and the
calendar can carry it: superscript ordinals are the Unicode modifier letters (ᵉ, ʳ), which
our fonts have.
"""

import functools
import re
import threading
import unicodedata

_ADDRESS = re.compile(r"((?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)")
_FRENCH_SPACE_BEFORE = re.compile(r"[ \u00a0]+([;:!?»])")
# "Attention!" and "Pourquoi?" typed without a space; a colon is left alone ("https://").
_FRENCH_BANG_AFTER_WORD = re.compile(r"(?<=[^\W\d_])([;!?])")
_FRENCH_SPACE_AFTER = re.compile(r"«[ \u00a0]+")
# Guillemets typed (or formatted, as "«%(title)s»") with nothing inside them still get their
# spaces.
_FRENCH_GUILLEMET_OPENS = re.compile(r"«(?=[^\s\u202f])")
_FRENCH_GUILLEMET_CLOSES = re.compile(r"(?<=[^\s\u202f])»")

# An apostrophe inside a word (l'atelier, don't, д'Артаньян) or closing an elision.
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|(?<=\w)'")
# What is left of straight single quotes opens at the start of a word and closes elsewhere.
_SINGLE_OPENING = re.compile(r"(^|[\s(\[«“—–-])'")
_DOUBLE_QUOTED = re.compile(r"\"([^\"]*)\"")

OPENING_CLOSING = {
    "fr": ("«\u202f", "\u202f»"),
    "ru": ("«", "»"),
    "en": ("\u201c", "\u201d"),
}


def quoted(text: str, language: str) -> str:
    """Text in the quotes of the language it is read in, as a reader's page sets it."""
    opening, closing = OPENING_CLOSING.get(language, OPENING_CLOSING["en"])
    return f"{opening}{text}{closing}"


def in_guillemets(text: str, language: str) -> str:
    """A name inside a message of the interface. Its catalogues quote names with guillemets
    in every language, the English messages too; French sets them with narrow no-break
    spaces inside, as it does its own."""
    if language == "fr":
        return f"«\u202f{text}\u202f»"
    return f"«{text}»"


# French ordinals: XIXe siècle, Ve République, 10e arrondissement, 1er, 1re, 2nde. A numeral
# of one letter is only I, V or X: "Le" and "Ce" are words.
_FRENCH_ORDINAL = re.compile(r"\b([IVXLC]{2,}|[IVX]|\d+)(er|re|e|nde|nd)\b")
_SUPERSCRIPT = {"e": "ᵉ", "er": "ᵉʳ", "re": "ʳᵉ", "nde": "ⁿᵈᵉ", "nd": "ⁿᵈ"}


def typeset(text: str, language: str) -> str:
    """The typesetter's rules a reader notices: typographic apostrophes and quotes in the
    language's own style, French narrow no-break spaces before high punctuation and inside
    guillemets, French ordinals as superscripts (XIXᵉ), and "№ 5" that never breaks."""
    if not text:
        return ""
    if _ADDRESS.search(text):
        # Web and e-mail addresses are copied by readers: left exactly as typed.
        parts = _ADDRESS.split(text)
        return "".join(
            part if index % 2 else typeset(part, language) for index, part in enumerate(parts)
        )
    text = _quotes(text, language)
    if language == "fr":
        text = _FRENCH_SPACE_BEFORE.sub("\u202f\\1", text)
        text = _FRENCH_BANG_AFTER_WORD.sub("\u202f\\1", text)
        text = _FRENCH_SPACE_AFTER.sub("«\u202f", text)
        text = _FRENCH_GUILLEMET_OPENS.sub("«\u202f", text)
        text = _FRENCH_GUILLEMET_CLOSES.sub("\u202f»", text)
        text = _FRENCH_ORDINAL.sub(_french_ordinal, text)
    return text.replace("№ ", "№\u00a0")


def _quotes(text: str, language: str) -> str:
    if "'" not in text and '"' not in text:
        return text
    opening, closing = OPENING_CLOSING.get(language, OPENING_CLOSING["en"])
    if language == "fr":
        # The spaces come from the guillemets themselves, not from what was typed inside.
        text = _DOUBLE_QUOTED.sub(lambda m: f"{opening}{m.group(1).strip()}{closing}", text)
    else:
        text = _DOUBLE_QUOTED.sub(lambda m: f"{opening}{m.group(1)}{closing}", text)
    text = _APOSTROPHE.sub("\u2019", text)
    text = _SINGLE_OPENING.sub("\\1\u2018", text)
    # An odd double quote left unpaired: still never a straight one.
    return text.replace("'", "\u2019").replace(
        '"', closing.strip() if language == "fr" else "\u201d"
    )


def _french_ordinal(match: re.Match) -> str:
    number, suffix = match.groups()
    return number + _SUPERSCRIPT[suffix]


@functools.cache
def _collator():
    from pyuca import Collator
    from pyuca.collator import COLL_ELEMENT_PATTERN
    from pyuca.utils import hexstrings2int

    class CollatorOnDemand(Collator):
        """pyuca's collator, which parses a character's lines of the Unicode table the
        first time a text holds it. Parsing the whole table (30,000 lines) took 0.15 to
        0.25 s of every process that sorts a list, such as each booklet's cold command;
        a booklet's names hold a hundred characters. The keys are pyuca's own."""

        def load(self, filename):
            # A character's lines in one string, one a line: a contraction ("0418 0306",
            # И with its breve) is found from its first character, so its line is kept
            # under that one. A string, not a list a character: 30,000 new lists set off
            # the garbage collector's full passes over everything a Django process holds,
            # two thirds of the 74 ms this took in a booklet's cold command.
            self.lines_by_character: dict[int, str] = {}
            self.parsed: set[int] = set()
            self.parsing = threading.Lock()
            known = self.lines_by_character
            with open(filename, encoding="utf-8") as keys_file:
                for line in keys_file:
                    line = line.split("#", 1)[0].rstrip()
                    if not line or line.startswith("@version"):
                        continue
                    if line.startswith("@implicitweights"):
                        characters, base = line[len("@implicitweights") :].split(";")
                        start, end = characters.split("..")
                        self.implicit_weights.append([int(start, 16), int(end, 16), int(base, 16)])
                        continue
                    first = int(line.split(None, 1)[0], 16)
                    known[first] = f"{known[first]}\n{line}" if first in known else line

        def parse_for(self, codepoints):
            missing = set(codepoints) - self.parsed
            if not missing:
                return
            # Threads of one process share the table: none reads a half-added character.
            with self.parsing:
                self.parse_missing(missing - self.parsed)

        def parse_missing(self, codepoints):
            for codepoint in codepoints:
                for line in self.lines_by_character.pop(codepoint, "").splitlines():
                    characters, weights = line.split(";", 1)
                    self.table.add(
                        hexstrings2int(characters.split()),
                        [
                            hexstrings2int(element.groups())
                            for element in COLL_ELEMENT_PATTERN.finditer(weights.strip())
                        ],
                    )
                self.parsed.add(codepoint)

        def collation_elements(self, normalized_string):
            self.parse_for(map(ord, normalized_string))
            return super().collation_elements(normalized_string)

    return CollatorOnDemand()


def collation_key(text: str, language: str = "") -> tuple:
    """A sort key in alphabetical order as readers of Russian and French expect it: Ё with
    Е, É with E, case after letters (the Unicode Collation Algorithm's default table, which
    both languages follow)."""
    normalised = unicodedata.normalize("NFC", (text or "").strip())
    return tuple(_collator().sort_key(normalised))
