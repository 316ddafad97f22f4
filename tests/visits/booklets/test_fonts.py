"""The shipped fonts cover every character the booklets print: a missing glyph makes
WeasyPrint fall back to a system font, ten times slower, and prints tofu where none is."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import formats, translation
from fontTools.ttLib import TTFont

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from visits.booklets.labels import Labels
from visits.models import Day, EmergencyContact, Resource, Session, Visit, VisitOrganisation

FONTS = sorted((Path(settings.BASE_DIR) / "static" / "fonts").glob("*.ttf"))
TEMPLATES = sorted((Path(settings.BASE_DIR) / "templates" / "booklet").glob("*.html"))
# The typesetter's characters organisers and our own typography put in booklets.
REQUIRED = "\u00a0\u202f«»№–—\u2011’“”…·•"


def font_gaps(characters: set[str]) -> dict[str, list[str]]:
    gaps = {}
    for path in FONTS:
        cmap = TTFont(path, lazy=True).getBestCmap()
        missing = sorted(
            f"U+{ord(char):04X} {char}"
            for char in characters
            if ord(char) not in cmap and char.isprintable() and char not in "\n\r\t"
        )
        if missing:
            gaps[path.name] = missing
    return gaps


def test_the_fonts_are_the_five_shipped_faces_with_their_licence():
    assert [path.name for path in FONTS] == [
        "NotoSans-Bold.ttf",
        "NotoSans-Regular.ttf",
        "NotoSerif-Bold.ttf",
        "NotoSerif-Italic.ttf",
        "NotoSerif-Regular.ttf",
    ]
    licence = (Path(settings.BASE_DIR) / "static" / "fonts" / "OFL.txt").read_text()
    assert "SIL Open Font License, Version 1.1" in licence


def test_they_cover_the_templates_labels_and_dates():
    characters = set(REQUIRED)
    for template in TEMPLATES:
        characters |= set(template.read_text())
    for code, _name in settings.LANGUAGES:
        characters |= set("".join(Labels.for_language(code).values()))
        with translation.override(code):
            for month in range(1, 13):
                day = datetime.date(2025, month, 1 + month)
                characters |= set(formats.date_format(day, "l j E F Y"))
    assert font_gaps(characters) == {}


@pytest.mark.django_db
def test_they_cover_every_character_of_the_demo_data():
    call_command("load_demo")
    characters = set(REQUIRED)
    translated = {
        Visit: [
            "title",
            "subtitle",
            "cities",
            "goals",
            "content",
            "themes",
            "practical_information",
            "schedule_note",
        ],
        Day: ["heading", "city"],
        Session: ["title", "description", "meeting_point", "interpretation_note"],
        Resource: ["title", "summary"],
        EmergencyContact: ["role"],
        Organisation: ["name", "description", "city", "country"],
        Person: ["name", "role"],
        Venue: ["name", "city", "country", "directions"],
        Group: ["name"],
    }
    plain = {
        Venue: ["address", "postal_code"],
        EmergencyContact: ["name", "phone", "email"],
        Organisation: ["website"],
        Resource: ["url"],
    }
    for names in Participant.objects.values_list("name_native", "name_latin"):
        characters |= set("".join(names))
    for model, fields in translated.items():
        names = [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]
        names += plain.get(model, [])
        for row in model.objects.values_list(*names):
            for value in row:
                characters |= set(value or "")
    assert VisitOrganisation.objects.exists()
    assert len(characters) > 150
    assert font_gaps(characters) == {}
