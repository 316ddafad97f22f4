"""HTML to PDF. The only module that imports WeasyPrint, and only inside the function:
it is slow to import and the web processes that never render should not pay for it."""

from __future__ import annotations

import contextlib
import ctypes.util
import datetime
import functools
import gc
import io
import logging
import re

from django.template.loader import render_to_string
from django.utils import timezone, translation

from visits.booklets.fetcher import BOOKLET_BASE_URL, StaticOnlyPolicy
from visits.booklets.selectors import BookletContent
from visits.booklets.typography import long_date

logger = logging.getLogger(__name__)


def css_string(value: str) -> str:
    """A CSS string literal: the footer carries no organiser text, but quote it anyway."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def footer_css(
    *, content: BookletContent, version: str, issued: datetime.datetime
) -> tuple[str, str]:
    """The ``content`` values of the footer's margin boxes: "Programme as of 22 November
    2026, 14:05" in each booklet language on the left, with the short identifier small,
    and "page N of M" on the right."""
    short = version[:8]
    lines = [
        labels_one["as_of"]
        % {"date": long_date(issued.date(), language), "time": f"{issued:%H:%M}"}
        for labels_one, language in zip(content.labels, content.languages, strict=True)
    ]
    # One line a language ("\A" with white-space: pre-line in the print CSS).
    lines[-1] += f" · {short}"
    left = ' "\\A " '.join(css_string(line) for line in lines)
    right = ' "  ·  " '.join(
        f"{css_string(labels_one['page'] + ' ')} counter(page) "
        f"{css_string(' ' + labels_one['of'] + ' ')} counter(pages)"
        for labels_one in content.labels
    )
    return left, right


def booklet_check_url(*, content: BookletContent, version: str) -> str:
    """Where a printed booklet is checked: the same booklet's address with the version it
    printed; opened with an older version, the page says so and offers the new one."""
    languages = "+".join(content.languages)
    return f"{content.online_url}booklet/{languages}/{content.paper}/?from={version[:8]}"


def booklet_html(*, content: BookletContent, zone, version: str, issued: datetime.datetime) -> str:
    """The print HTML of a booklet, in its first language and the visit's time zone."""
    footer_left, footer_right = footer_css(content=content, version=version, issued=issued)
    with translation.override(content.languages[0]), timezone.override(zone):
        return render_to_string(
            "booklet/booklet.html",
            {
                "booklet": content,
                "footer_left": footer_left,
                "footer_right": footer_right,
                "check_url": booklet_check_url(content=content, version=version),
            },
        )


@functools.cache
def weasyprint_loaded():
    """WeasyPrint, imported once a process, without asking the system where its libraries are.

    WeasyPrint opens Pango, HarfBuzz and their kin by trying a list of names, Windows' first
    ("libgobject-2.0-0"); each name the loader does not know goes to
    ``ctypes.util.find_library``, which on Linux runs ``ldconfig -p`` and then ``gcc`` and
    ``ld`` to look for it: fifty processes, a third of a second, in every cold command and
    every worker's first booklet. The same list holds the names the loader opens directly
    (``libgobject-2.0.so.0``, the ``.dylib`` and ``.dll`` ones), so the search is skipped
    while WeasyPrint loads; a system that only the search would find is tried with it.
    """
    real_find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    # The import makes enough objects for full passes of the garbage collector (52 of the
    # 94 ms of full passes in a cold render_booklet).
    with loaded_objects_set_aside():
        try:
            # A miss here is not the user's error yet: WeasyPrint's advice on installing the
            # libraries is printed only if the search fails too.
            with contextlib.redirect_stdout(io.StringIO()):
                import weasyprint
        except OSError:
            # The modules that failed are not kept: the import runs again, with the search.
            ctypes.util.find_library = real_find_library
            import weasyprint
        finally:
            ctypes.util.find_library = real_find_library
    _html_parser_mended()
    return weasyprint


@contextlib.contextmanager
def loaded_objects_set_aside():
    """The garbage collector kept off what the process already holds while WeasyPrint works.

    WeasyPrint makes objects by the million, and each full collection would also walk the
    hundreds of thousands a Django process holds (models, templates, catalogues): a tenth
    of a render's CPU. They are frozen meanwhile and collected as usual afterwards. Where
    someone froze them already (gunicorn's workers, before the fork), they are left so:
    unfreezing would give back theirs too.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _CharacterRuns(dict):
    """The regular expressions of tinyhtml5's ``chars_until``, made once each.

    tinyhtml5 2.1 (WeasyPrint's HTML parser) means to keep them in a dictionary keyed by the
    characters sought, but its ``characters = cache[key] = regex`` rebinds ``characters``
    before the key is made, so each is stored under the expression itself and made again
    on every call: half the parsing of a booklet's HTML (35 of 69 ms for the demo
    booklet, and in proportion for a long programme). This dictionary makes a missing one
    exactly as tinyhtml5 does and keeps it under the key tinyhtml5 looks up.
    """

    def __missing__(self, key):
        if not (isinstance(key, tuple) and len(key) == 2):
            raise KeyError(key)  # a tinyhtml5 that keys otherwise: its own code runs
        characters, opposite = key
        expression = "".join([f"\\x{ord(character):02x}" for character in characters])
        if not opposite:
            expression = f"^{expression}"
        self[key] = compiled = re.compile(f"[{expression}]+")
        return compiled


def _html_parser_mended():
    try:
        from tinyhtml5 import inputstream
    except ImportError:  # a WeasyPrint with another parser
        return
    if type(getattr(inputstream, "characters_until_regex", None)) is dict:
        inputstream.characters_until_regex = _CharacterRuns()


# WeasyPrint's HTML stylesheet styles six pseudo-elements of every element ("::marker",
# "::footnote-call" and their kin, universal rules), so it computes seven styles per
# element where one is used: in a 300-session booklet, 90,000 styles that were a quarter
# of the render's memory (over 100 MB) and a seventh of its time. Each rule is kept, for
# the elements that can have the pseudo-element: list items' markers, and footnotes and
# notes, which our print never makes and which would have to carry data-footnote or
# data-note to be numbered.
_PSEUDO_ELEMENTS_SCOPED = {
    "marker": "li::marker, summary::marker",
    "footnote-call": "[data-footnote]::footnote-call",
    "footnote-marker": "[data-footnote]::footnote-marker",
    "note-call": "[data-note]::note-call",
    "note-marker": "[data-note]::note-marker",
    "note-callback": "[data-note]::note-callback",
}


@functools.cache
def user_agent_stylesheet():
    """WeasyPrint's own HTML stylesheet with its pseudo-element rules scoped as above, or
    None (WeasyPrint's as it is) if a newer WeasyPrint wrote them otherwise."""
    weasyprint_loaded()
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle
    from weasyprint.html import UA

    text = UA
    for pseudo, scoped in _PSEUDO_ELEMENTS_SCOPED.items():
        text, found = re.subn(rf"^::{pseudo} {{", f"{scoped} {{", text, flags=re.MULTILINE)
        if found != 1:
            logger.warning("WeasyPrint's stylesheet has no rule '::%s {': used unscoped", pseudo)
            return None
    # Its counter styles are WeasyPrint's already (each render starts from a copy of
    # them): read into a dictionary of their own, not defined twice.
    return CSS(string=text, counter_style=CounterStyle())


def html_to_pdf(html: str, *, policy: StaticOnlyPolicy | None = None) -> bytes:
    """Render print HTML with a fetcher that loads nothing but our static files."""
    weasyprint_loaded()
    from weasyprint import HTML

    stylesheet = user_agent_stylesheet()

    class PrintHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            # Forms are never printed; WeasyPrint's own sheets if ours could not be made.
            return [stylesheet] if stylesheet and not forms else super()._ua_stylesheets(forms)

    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    # WeasyPrint reports every layout step at INFO; a worker's log needs only its warnings.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    policy = policy or StaticOnlyPolicy()

    class StaticOnlyFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

        def fetch(self, url, headers=None):
            path, mime_type = policy.resolve(url)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime_type})

    fetcher = StaticOnlyFetcher()
    font_config = FontConfiguration()
    with loaded_objects_set_aside():
        document = PrintHTML(string=html, base_url=BOOKLET_BASE_URL, url_fetcher=fetcher)
        pdf = document.write_pdf(font_config=font_config, uncompressed_pdf=False)
    if policy.refused:
        logger.warning("Booklet rendering refused %s", ", ".join(policy.refused))
    return pdf
