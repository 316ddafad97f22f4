"""The .ics bytes escape commas, semicolons and line breaks as RFC 5545 says (3.3.11).

Read on the raw body, not through a parser: a parser forgives what a phone's calendar may
not, and an unescaped "," in LOCATION or a bare line break in DESCRIPTION cuts the text.
"""

import re

import pytest


def unfolded_lines(body: bytes) -> list[str]:
    # RFC 5545 3.1: a line break followed by one space continues the line.
    return body.decode().replace("\r\n ", "").split("\r\n")


def property_value(lines: list[str], name: str) -> tuple[str, str]:
    """The raw value of the one ``name`` property of the event, and the line after it."""
    (index,) = [i for i, line in enumerate(lines) if line.startswith(f"{name}:")]
    return lines[index].removeprefix(f"{name}:"), lines[index + 1]


@pytest.fixture
def punctuated(delegation):
    """The welcome session, with a venue name, an address and a description full of , ; and
    line breaks, in the Russian that Anna reads."""
    venue = delegation.venue
    venue.name_ru = "Центр Помпиду; зал 2"
    venue.address = "Place Georges-Pompidou, niveau -1"
    venue.save()
    session = delegation.plenary
    session.description_ru = "Приветствие, знакомство; кофе.\nВторая строка"
    session.save()
    return delegation


@pytest.mark.parametrize("path", ["/p/{token}/calendar.ics", "/v/paris-2026/programme.ics?lang=ru"])
def test_location_and_description_escape_commas_semicolons_and_line_breaks(
    client, punctuated, path
):
    response = client.get(path.format(token=punctuated.anna.access_token))
    lines = unfolded_lines(response.content)

    location, _next = property_value(lines, "LOCATION")
    description, after_description = property_value(lines, "DESCRIPTION")

    assert response.status_code == 200
    assert location == (
        r"Центр Помпиду\; зал 2\, Place Georges-Pompidou\, niveau -1\, 75004 Paris\, France"
    )
    assert description.startswith(r"Приветствие\, знакомство\; кофе.\nВторая строка\n\n")
    # Every comma and semicolon of the whole description is escaped, the hosts' and
    # speakers' lists included, and no bare line break split it into lines of its own.
    assert re.findall(r"(?<!\\)[,;]", description) == []
    assert "\n" not in description
    assert re.match(r"^[A-Z][A-Z-]*[:;]", after_description), after_description
