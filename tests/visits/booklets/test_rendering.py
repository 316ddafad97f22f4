"""Booklets as readers get them: text, page order, footer, fonts, personal content."""

import gc
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.visits.booklets.conftest import pdf_pages
from visits.booklets import rendering
from visits.booklets.rendering import booklet_html, html_to_pdf
from visits.booklets.services import booklet_current_content, booklet_mode_parse, booklet_pdf
from visits.typography import typeset


def render(visit, languages, paper, participant=None):
    mode = booklet_mode_parse(languages=languages, paper=paper)
    return booklet_pdf(visit=visit, mode=mode, participant=participant)


def test_bilingual_a4_holds_both_languages_in_the_designed_order(visit):
    pdf, version = render(visit, "ru+fr", "a4")
    pages = pdf_pages(pdf)

    # Cover, contents, about and programme open a page; the directories and the contacts,
    # short here, run on after the programme.
    assert len(pages) == 6
    assert pages[0].startswith(
        "АССОЦИАЦИЯ «ФРАНКО‑РОССИЙСКИЕ ОБМЕНЫ» · ASSOCIATION ÉCHANGES FRANCO‑RUSSES "
        "Библиотеки и гражданское участие"
    )
    assert "Bibliothèques et participation citoyenne" in pages[0]
    assert "12–14 мая 2025 · Париж, Руан" in pages[0]
    assert "12–14 mai 2025 · Paris, Rouen" in pages[0]
    assert "ПРИ ПОДДЕРЖКЕ Парижский культурный институт" in pages[0]
    assert "AVEC LE SOUTIEN DE Institut culturel de Paris" in pages[0]
    assert pages[1].startswith("Оглавление / Sommaire")
    # Headings of the two languages share a line; paragraphs follow side by side.
    assert "ЦЕЛИ OBJECTIFS Узнать, как французские библиотеки вовлекают жителей." in pages[2]
    assert "Понедельник, 12 мая" in pages[3] and "Lundi 12 mai" in pages[3]
    assert "День 1: Париж" in pages[3] and "Journée 1 : Paris" in pages[3]
    assert "Среда, 14 мая" in pages[3] and "Mercredi 14 mai" in pages[3]
    # The hosts' directory: names and descriptions in both languages, and web sites.
    hosts = pages[4]
    assert "Принимающие организации / Organisations d’accueil" in hosts
    assert "Медиатека имени Франсуазы Саган" in hosts
    assert "Médiathèque Françoise‑Sagan" in hosts
    assert "Ежегодно принимает более 300 школьных классов" in hosts
    assert "Elle accueille chaque année plus de 300 classes" in hosts
    assert "mediatheque-sagan.example.org" in hosts
    assert "Музей изящных искусств Руана" in hosts and "Musée des Beaux‑Arts de Rouen" in hosts
    assert "Места проведения / Lieux" in pages[4]
    assert "8 rue Léon‑Schwartzenberg, 75010 Paris" in pages[4]
    assert "Plan lecture publique 2024" in pages[5]
    assert "Контакты / Contacts ЭКСТРЕННАЯ СВЯЗЬ / EN CAS D’URGENCE" in pages[5]
    assert "Телефоны организаторов напечатаны в буклете делегации" in pages[5]
    assert "+33 6 12 34 56 78" not in pages[5]
    assert "http://127.0.0.1:8000/v/paris-rouen-2025/" in pages[5]
    # Footer on every page but the cover: the programme's date and time in each language,
    # the short identifier, page N of M.
    for number, text in enumerate(pages[1:], start=2):
        assert re.search(r"Программа на \d+ \w+ \d{4}, \d\d:\d\d Programme au \d+ \w+ \d{4}", text)
        assert f"· {version[:8]}" in text
        assert f"Стр. {number} из 6 · Page {number} sur 6" in text
    assert "Стр. 1 из" not in pages[0]


# The visit is in 2025, not the current year: its day headings carry the year (issue 9).
def test_table_of_contents_gives_the_page_numbers(visit):
    pdf, _version = render(visit, "fr", "a4")
    pages = pdf_pages(pdf)
    numbers = {
        title.strip(): int(number)
        for title, number in re.findall(r"(.+?)(?: \.)+ (\d+)", pages[1].removeprefix("Sommaire "))
    }
    assert numbers == {
        "La visite": 3,
        "Programme": 4,
        "Lundi 12 mai 2025, Paris": 4,
        "Mardi 13 mai 2025, Paris": 4,
        "Mercredi 14 mai 2025, Rouen": 4,
        "Organisations d’accueil": 4,
        "Lieux": 5,
        "Documentation": 5,
        # The contacts end with the QR code, which would not fit on page 5: they go whole to
        # page 6 rather than leave the QR code alone there.
        "Contacts": 6,
    }
    # Short sections run on after the programme instead of each opening a page.
    assert "Organisations d’accueil" in pages[3]
    assert "Lieux" in pages[4] and "Documentation" in pages[4]
    assert pages[5].startswith("Contacts EN CAS D’URGENCE")


@pytest.mark.parametrize(
    ("languages", "paper", "contents", "footer", "day"),
    [
        ("ru", "a5", "Оглавление", "Стр. 2 из ", "Понедельник, 12 мая 2025 · Париж"),
        ("fr", "a4", "Sommaire", "Page 2 sur ", "Lundi 12 mai 2025 · Paris"),
        ("en", "a4", "Contents", "Page 2 of ", "Monday 12 May 2025 · Paris"),
        ("ru+fr", "a5", "Оглавление / Sommaire", "Стр. 2 из ", "Lundi 12 mai 2025 · Paris"),
    ],
)
def test_every_mode_renders_in_its_languages(visit, languages, paper, contents, footer, day):
    pdf, version = render(visit, languages, paper)
    pages = pdf_pages(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    width_mm = float(reader.pages[0].mediabox.width) * 25.4 / 72
    assert round(width_mm) == (148 if paper == "a5" else 210)
    assert pages[1].startswith(contents)
    assert footer in pages[1]
    assert version[:8] in pages[1]
    assert any(day in page for page in pages)


def test_every_font_is_ours_and_embedded(visit):
    pdf, _version = render(visit, "ru+fr", "a5")
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"]).split("+", 1)[-1]] = embedded
    # Only the shipped faces: a system font here means a glyph was missing from ours.
    assert set(fonts) == {
        "Booklet-Serif",
        "Booklet-Serif-Italic",
        "Booklet-Serif-Bold",
        "Booklet-Sans",
        "Booklet-Sans-Bold",
    }
    assert all(fonts.values()), fonts


def test_personal_booklet_holds_only_the_participants_sessions(visit, anna):
    pdf, _version = render(visit, "ru+fr", "a5", participant=anna)
    text = " ".join(pdf_pages(pdf))
    assert "ЛИЧНАЯ ПРОГРАММА / PROGRAMME PERSONNEL Анна Иванова Anna Ivanova" in text
    assert "Мастер-класс по цифровой медиации" in text  # her group's workshop
    assert "Atelier de médiation numérique" in text
    assert "Советы кварталов" not in text  # the officials' meeting
    assert "Conseils de quartier" not in text
    assert "Посещение медиатеки Франсуазы Саган" in text  # for everyone
    assert f"http://127.0.0.1:8000/p/{anna.access_token}/" in text
    assert "/v/paris-rouen-2025/" not in text
    assert "+33 6 12 34 56 78 Marie Lefèvre" in text  # whom she calls in an emergency


def test_whole_delegation_booklet_prints_no_personal_data(visit, anna):
    pdf, _version = render(visit, "ru+fr", "a4")
    text = " ".join(pdf_pages(pdf))
    assert "Советы кварталов: как это работает?" in text
    for private in ("Анна Иванова", "Anna Ivanova", "anna@example.org", "Vegetarian", "1234"):
        assert private not in text
    assert "+33 6 00 00 00 01" not in text  # a speaker's private phone
    # Emergency contacts are people's phones: a public booklet leaves them to personal ones.
    assert "Marie Lefèvre" not in text
    assert "+33 6 12 34 56 78" not in text


def test_demo_visit_renders_bilingual_with_its_hosts(db):
    from django.core.management import call_command

    from visits.models import Visit

    call_command("load_demo")
    visit = Visit.objects.get(slug="paris-rouen-2019")
    pdf, version = render(visit, "ru+fr", "a4")
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    hosts = [
        organisation for session in visit.sessions.all() for organisation in session.hosts.all()
    ]
    assert hosts
    for host in hosts:
        # As typeset: the demo's straight apostrophes print as typographic ones.
        assert typeset(host.name_ru, "ru") in text
        assert typeset(host.name_fr, "fr") in text
    total = len(pages)
    assert f"Стр. {total} из {total} · Page {total} sur {total}" in pages[-1]
    assert "Контакты / Contacts" in pages[-1]
    assert f"· {version[:8]}" in pages[-1]


LOADING_WEASYPRINT = """
import ctypes.util, json, subprocess, sys, cffi, django
django.setup()
if "--loader-knows-no-soname" in sys.argv:
    # A system where only the search finds the libraries: the loader opens none by the
    # names WeasyPrint gives, the search answers with where each one lies.
    import glob, _cffi_backend
    system_search = ctypes.util.find_library
    def searching(name):
        soname = system_search(name)
        found = soname and glob.glob(f"/usr/lib/*/{soname}") + glob.glob(f"/usr/lib/{soname}")
        return found[0] if found else None
    ctypes.util.find_library = searching
    real_load = _cffi_backend.load_library
    def load(name, *more):
        if not str(name).startswith("/"):
            raise OSError(f"cannot load library {name!r}")
        return real_load(name, *more)
    _cffi_backend.load_library = load
spawned = []
real_init = subprocess.Popen.__init__
def recording(self, args, *more, **options):
    spawned.append(args)
    real_init(self, args, *more, **options)
subprocess.Popen.__init__ = recording
search = ctypes.util.find_library
from visits.booklets.rendering import weasyprint_loaded
import gc
set_aside = []
def collecting(phase, info):
    if phase == "start":
        set_aside.append(gc.get_freeze_count())
gc.callbacks.append(collecting)
weasyprint_loaded()
gc.callbacks.remove(collecting)
from weasyprint.text import ffi
print(json.dumps({
    "spawned": [str(args) for args in spawned],
    "libraries": [name for name in ("pango", "harfbuzz", "fontconfig") if getattr(ffi, name)],
    "search_restored": ctypes.util.find_library is search,
    "collections": len(set_aside),
    "set_aside_in_each": bool(set_aside) and min(set_aside) > 0,
    "set_aside_after": gc.get_freeze_count(),
}))
"""


def load_weasyprint_in_a_new_process(*options: str) -> dict:
    import json
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", LOADING_WEASYPRINT, *options],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_weasyprint_loads_its_libraries_without_starting_a_process():
    # Each cold command and each worker's first booklet used to start some fifty processes
    # (ldconfig, gcc, ld) while WeasyPrint looked for its libraries under Windows' names.
    loaded = load_weasyprint_in_a_new_process()
    assert loaded["spawned"] == []
    assert loaded["libraries"] == ["pango", "harfbuzz", "fontconfig"]
    # The search is the system's again for anything else in the process.
    assert loaded["search_restored"]
    # The garbage collector ran while WeasyPrint was imported, on its new objects only: what
    # Django had loaded was set aside, and taken back afterwards.
    assert loaded["collections"] > 0
    assert loaded["set_aside_in_each"]
    assert loaded["set_aside_after"] == 0


def test_a_render_leaves_what_gunicorn_froze_frozen():
    # gunicorn's workers freeze what their master loaded before the fork (config/gunicorn.py):
    # a booklet rendered in one (in-process tasks) must not give those objects back.
    gc.freeze()
    try:
        pdf = html_to_pdf("<p>Programme</p>")
        # Still frozen (a few of them freed meanwhile, as any object may be).
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert "Programme" in pdf_pages(pdf)[0]


def test_weasyprint_still_loads_where_only_the_search_finds_its_libraries():
    loaded = load_weasyprint_in_a_new_process("--loader-knows-no-soname")
    assert loaded["spawned"]  # the search ran, as WeasyPrint alone would run it
    assert loaded["libraries"] == ["pango", "harfbuzz", "fontconfig"]
    assert loaded["search_restored"]


PRINTED = """<html><head><style>.aside { float: footnote }</style></head><body>
<p>Visite<span class="aside" data-footnote>Sous réserve</span> de la bibliothèque.</p>
<ul><li>Accueil</li></ul></body></html>"""


def test_the_print_stylesheet_keeps_list_markers_and_marked_footnotes():
    """WeasyPrint's own stylesheet is scoped (visits.booklets.rendering): list items keep
    their bullet, and a footnote marked data-footnote its call and its number."""
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(html_to_pdf(PRINTED))).pages
    )

    assert "Visite1 de la bibliothèque." in text
    assert "•" in text and "Accueil" in text
    assert "1. Sous réserve" in text


def test_the_print_is_typeset_with_the_scoped_stylesheet(monkeypatch):
    """The scoping is in force: WeasyPrint reads its stylesheet from us, and could read
    ours (a newer WeasyPrint that wrote its rules otherwise would be reported here)."""
    from weasyprint import CSS

    assert rendering.user_agent_stylesheet() is not None
    hidden = CSS(string="body { display: none }")
    monkeypatch.setattr(rendering, "user_agent_stylesheet", lambda: hidden)

    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(html_to_pdf(PRINTED))).pages
    )

    assert "Visite" not in text


PARSED = """<!DOCTYPE html><p class='a' title="b &amp; c">Visite&nbsp;d’étude &lt;Rouen&gt;
<!-- a comment - with dashes --><span lang=ru>Визит</span>\x00<br/>x<![CDATA[y]]></p>"""


def test_the_html_parser_keeps_the_expressions_it_makes():
    """tinyhtml5 made a regular expression on every call where it meant to keep each
    (visits.booklets.rendering._CharacterRuns): they are kept under the characters sought,
    and what it parses is the same as before the mending."""
    import xml.etree.ElementTree as ElementTree

    import tinyhtml5
    from tinyhtml5 import inputstream

    rendering.weasyprint_loaded()
    mended = inputstream.characters_until_regex
    assert isinstance(mended, rendering._CharacterRuns)
    tree = ElementTree.tostring(tinyhtml5.parse(PARSED), encoding="unicode")

    assert (("&", "<", "\u0000"), False) in mended
    assert (("'", "&", "\u0000"), False) in mended
    assert all(isinstance(key[0], (tuple, frozenset, str)) for key in mended)
    try:
        inputstream.characters_until_regex = {}  # tinyhtml5's own
        assert ElementTree.tostring(tinyhtml5.parse(PARSED), encoding="unicode") == tree
    finally:
        inputstream.characters_until_regex = mended
    assert "Visite\u00a0d’étude &lt;Rouen&gt;" in tree and ">Визит<" in tree


def test_a_fallback_is_marked_with_its_language_and_the_column_own_text_is_not(visit):
    """A name without its Russian translation prints in French in the Russian column, marked
    ``lang="fr"`` for hyphenation and screen readers; text in the column's own language
    needs no element of its own (each costs WeasyPrint a box and a line layout)."""
    venue = visit.sessions.exclude(venue=None).first().venue
    venue.name_ru = ""
    venue.save()
    mode = booklet_mode_parse(languages="ru+fr", paper="a5")
    content, version = booklet_current_content(visit=visit, mode=mode)

    html = booklet_html(content=content, zone=visit.zone, version=version, issued=timezone.now())

    name = re.escape(typeset(venue.name_fr, "fr"))
    # The 16 characters before each place the name prints in a cell of each language.
    before = r'<div class="cell" lang="{}">(?:(?!</div>).)*?(.{{16}})'
    in_russian = re.findall(before.format("ru") + name, html, re.S)
    in_french = re.findall(before.format("fr") + name, html, re.S)
    # Its sessions' venue and the venues' directory, in both columns.
    assert len(in_russian) == len(in_french) >= 2
    assert all(before.endswith('lang="fr">') for before in in_russian)
    assert not any(before == '<span lang="fr">' for before in in_french)
