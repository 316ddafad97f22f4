from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.scenarios import published_visit


def test_it_prints_each_participant_with_their_full_link(delegation, settings):
    settings.SITE_URL = "https://visits.example.org"
    out = StringIO()

    call_command("participant_links", "paris-2026", stdout=out)

    assert out.getvalue().splitlines() == [
        f"Anna Ivanova (Анна Иванова)\thttps://visits.example.org/p/{delegation.anna.access_token}/",
        f"Olga Smirnova (Ольга Смирнова)\thttps://visits.example.org/p/{delegation.olga.access_token}/",
        f"Pyotr Sokolov (Пётр Соколов)\thttps://visits.example.org/p/{delegation.pierre.access_token}/",
    ]


def test_the_printed_links_open_the_participants_pages(client, delegation):
    out = StringIO()
    call_command("participant_links", "paris-2026", stdout=out)

    for line in out.getvalue().splitlines():
        name, url = line.split("\t")
        path = url.removeprefix("http://127.0.0.1:8000")
        page = client.get(path).content.decode()
        assert name.split(" (")[0] in page


def test_it_names_an_unknown_visit(db):
    with pytest.raises(CommandError) as error:
        call_command("participant_links", "no-such-visit")

    assert str(error.value) == "There is no visit with the short name 'no-such-visit'."


def test_it_says_when_a_visit_has_no_participants(db):
    published_visit(slug="empty")
    out, err = StringIO(), StringIO()

    call_command("participant_links", "empty", stdout=out, stderr=err)

    assert out.getvalue() == ""
    assert err.getvalue() == "The visit 'empty' has no participants yet.\n"
