"""render_booklet renders synchronously to a file and names what is wrong with its input."""

import pytest
from django.core.management import CommandError, call_command

from tests.scenarios import librarian, librarians_in_paris_and_rouen
from tests.visits.booklets.conftest import pdf_pages


def test_it_writes_the_booklet(visit, tmp_path):
    out = tmp_path / "booklet.pdf"
    call_command("render_booklet", visit.slug, "--lang", "ru", "--paper", "a5", "--out", str(out))
    pages = pdf_pages(out.read_bytes())
    assert pages[1].startswith("Оглавление")


def test_it_writes_a_personal_booklet(visit, anna, tmp_path):
    out = tmp_path / "anna.pdf"
    call_command(
        "render_booklet",
        visit.slug,
        "--lang",
        "ru+fr",
        "--participant",
        str(anna.pk),
        "--out",
        str(out),
    )
    assert "Анна Иванова" in pdf_pages(out.read_bytes())[0]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nope"], "No visit with the short name 'nope'."),
        (["paris-rouen-2025", "--lang", "de"], "Unknown language de; the portal has ru, fr, en."),
        (
            ["paris-rouen-2025", "--lang", "fr,ru"],
            "Give one language or two joined by '+', such as ru+fr; got 'fr,ru'.",
        ),
        (["paris-rouen-2025", "--paper", "a3"], "Paper is one of a4, a5; got 'a3'."),
        (["paris-rouen-2025", "--participant", "999999"], "No participant with id 999999."),
    ],
)
def test_bad_arguments_are_named(visit, tmp_path, arguments, message):
    with pytest.raises(CommandError) as error:
        call_command("render_booklet", *arguments, "--out", str(tmp_path / "x.pdf"))
    assert str(error.value) == message


def test_a_participant_of_another_visit_is_refused(visit, tmp_path):
    other = librarians_in_paris_and_rouen(slug="other-visit")
    stranger = librarian(other)
    with pytest.raises(CommandError) as error:
        call_command(
            "render_booklet",
            visit.slug,
            "--participant",
            str(stranger.pk),
            "--out",
            str(tmp_path / "x.pdf"),
        )
    assert str(error.value) == (
        f"Participant {stranger.pk} belongs to another visit, not paris-rouen-2025."
    )
