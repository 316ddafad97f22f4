"""The itinerary is rendered once for every participant of the same groups (its shell) and
each reader's own lines are filled in per request: nothing of one reader reaches another,
and every edit of the visit shows at once."""

import pytest

from organisations.models import Organisation
from tests.factories import ParticipantFactory
from tests.scenarios import delegation_in_paris as build_delegation
from visits.models import Visit


@pytest.fixture
def delegation(db):
    return build_delegation()


def read(client, participant, query: str = "?lang=en"):
    response = client.get(f"/p/{participant.access_token}/{query}")
    assert response.status_code == 200
    return response.content.decode(), [template.name for template in response.templates]


def librarian(delegation, *, latin: str, native: str):
    """Another participant in Anna's group: the same programme part and shell as hers."""
    return ParticipantFactory(
        bare=True,
        visit=delegation.visit,
        name_latin=latin,
        name_native=native,
        groups=[delegation.libraries],
    )


def test_one_shell_serves_every_reader_of_the_same_groups_with_their_own_lines(client, delegation):
    anna = delegation.anna
    maria = librarian(delegation, latin="Maria Petrova", native="Мария Петрова")

    first, first_templates = read(client, anna)
    second, second_templates = read(client, maria)

    # The second reader's page was not rendered again: only their own lines were.
    assert "itinerary/itinerary.html" in first_templates
    assert "itinerary/itinerary.html" not in second_templates
    assert "<title>Study visit to Paris · Maria Petrova</title>" in second
    person = '<h1 class="masthead-person">Maria Petrova <span class="native">Мария Петрова</span>'
    assert person in second
    assert f"webcal://testserver/p/{maria.access_token}/calendar.ics?lang=en" in second
    assert f'href="http://testserver/p/{maria.access_token}/calendar.ics?lang=en"' in second
    # Nothing of the first reader: not their address, name or panels.
    assert anna.access_token not in second
    assert "Anna" not in second and "Анна" not in second
    assert anna.access_token in first and "Maria" not in first
    # The shared page is the same around each reader's own lines.
    assert first.count("Public Information Library") == second.count("Public Information Library")


def test_a_readers_name_is_escaped_in_the_shell(client, delegation):
    mallory = librarian(delegation, latin='<script>alert("x")</script>', native="")

    page, _ = read(client, mallory)

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


@pytest.mark.parametrize("edit", ["practical information", "organiser name", "published"])
def test_every_edit_of_the_visit_shows_at_once_even_past_the_signals(client, delegation, edit):
    visit = delegation.visit
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.DRAFT)
    before, _ = read(client, delegation.anna)
    assert "Draft: this programme is not yet published" in before

    # QuerySet.update() sends no signal and bumps no revision: the shell's key holds the
    # visit's and its organiser's values themselves.
    if edit == "practical information":
        Visit.objects.filter(pk=visit.pk).update(practical_information_en="Bring your passport.")
        expected, gone = "Bring your passport.", None
    elif edit == "organiser name":
        Organisation.objects.filter(pk=visit.organiser_id).update(name_en="Exchanges Network")
        expected, gone = "Organised by Exchanges Network", None
    else:
        Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
        expected, gone = "Study visit to Paris", "Draft: this programme is not yet published"
    after, _ = read(client, delegation.anna)

    assert expected in after
    if gone:
        assert gone not in after


def test_a_rows_digest_follows_its_values_not_how_they_were_loaded(delegation):
    """The shell's key (visits.itinerary.pages.row_values) is the same for equal values,
    whether a text is one object in two fields or two equal objects, and whether the row
    was loaded whole or with deferred fields; any value changed changes it."""
    from visits.itinerary.pages import row_values

    title = "Visite d’étude à Paris " * 3
    shared, apart = (Visit.objects.get(pk=delegation.visit.pk) for _ in range(2))
    shared.__dict__["title_en"] = shared.__dict__["title_fr"] = title
    apart.__dict__["title_en"] = title
    apart.__dict__["title_fr"] = "".join(["Visite d’étude à Paris "] * 3)
    assert apart.title_fr == title and apart.title_fr is not title

    assert row_values(shared) == row_values(apart)
    whole = Visit.objects.get(pk=delegation.visit.pk)
    deferred = Visit.objects.only("pk").get(pk=delegation.visit.pk)
    assert row_values(deferred) == row_values(whole)
    apart.__dict__["title_fr"] = title + "."
    assert row_values(apart) != row_values(shared)
