"""Another organisation's organiser proposes a change to a shared record; its keeper answers."""

import pytest
from django.urls import reverse

from organisations.models import ChangeProposal, Venue
from tests.factories import OrganisationFactory, OrganiserFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dest():
    return OrganisationFactory(name_fr="D'EST")


@pytest.fixture
def fta():
    return OrganisationFactory(name_fr="France terre d'asile")


@pytest.fixture
def venue(dest):
    return VenueFactory(
        name_fr="Mairie de Paris", city_fr="Paris", address="29 rue de Rivoli", owner=dest
    )


@pytest.fixture
def anna(dest):
    return OrganiserFactory(
        username="anna", first_name="Anna", last_name="Keeper", organisation=dest
    )


@pytest.fixture
def milena(fta):
    return OrganiserFactory(
        username="milena", first_name="Milena", last_name="Proposer", organisation=fta
    )


def propose_url(venue) -> str:
    return reverse("admin:organisations_venue_propose", args=[venue.pk])


def proposal_url(proposal, action: str = "change") -> str:
    return reverse(f"admin:organisations_changeproposal_{action}", args=[proposal.pk])


def propose(client, venue, **changes):
    """Post the proposal form as the page fills it, with ``changes`` typed in."""
    form = client.get(propose_url(venue)).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    return client.post(propose_url(venue), {**data, **changes}, HTTP_ACCEPT_LANGUAGE="en")


def test_an_organiser_proposes_a_change_and_the_record_stays(client, venue, milena, fta):
    client.force_login(milena)

    page = client.get(reverse("admin:organisations_venue_change", args=[venue.pk]))
    form = client.get(propose_url(venue), HTTP_ACCEPT_LANGUAGE="en")
    response = propose(
        client, venue, name_fr="Hôtel de Ville", directions_fr="Métro Hôtel de Ville"
    )

    assert f'href="{propose_url(venue)}"' in page.text
    assert 'name="name_fr"' in form.text
    assert "the organisers of D&#x27;EST accept or decline it" in form.text
    assert 'name="owner"' not in form.text
    assert response.status_code == 302
    proposal = ChangeProposal.objects.get()
    assert proposal.changes == {
        "name_fr": {"old": "Mairie de Paris", "new": "Hôtel de Ville"},
        "directions_fr": {"old": venue.directions_fr, "new": "Métro Hôtel de Ville"},
    }
    assert (proposal.proposed_by_organisation, proposal.kept_by, proposal.proposed_by) == (
        fta,
        venue.owner,
        milena,
    )
    venue.refresh_from_db()
    assert venue.name_fr == "Mairie de Paris"


def test_a_proposal_that_changes_nothing_is_refused_with_words(client, venue, milena):
    client.force_login(milena)

    response = propose(client, venue)

    assert "Nothing differs from the record: there is nothing to propose." in response.text
    assert ChangeProposal.objects.count() == 0


def test_the_keeper_sees_it_on_the_record_and_accepting_writes_only_the_proposed_fields(
    client, venue, anna, milena
):
    client.force_login(milena)
    propose(client, venue, name_fr="Hôtel de Ville")
    proposal = ChangeProposal.objects.get()
    # Meanwhile the keeper corrects the address: accepting must not undo it.
    Venue.objects.filter(pk=venue.pk).update(address="5 rue de Lobau")
    client.force_login(anna)

    record_page = client.get(
        reverse("admin:organisations_venue_change", args=[venue.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    proposal_page = client.get(proposal_url(proposal), HTTP_ACCEPT_LANGUAGE="en")
    client.post(proposal_url(proposal, "accept"))

    assert "1 change to this record proposed by another organisation waits" in record_page.text
    assert f'href="{proposal_url(proposal)}"' in record_page.text
    assert "Mairie de Paris" in proposal_page.text
    assert "Hôtel de Ville" in proposal_page.text
    assert "Milena" not in proposal_page.text and "milena" not in proposal_page.text
    venue.refresh_from_db()
    assert (venue.name_fr, venue.address, venue.city_fr) == (
        "Hôtel de Ville",
        "5 rue de Lobau",
        "Paris",
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("accepted", anna)
    last = venue.history.first()
    assert (last.name_fr, last.history_user) == ("Hôtel de Ville", anna)


def test_declining_leaves_the_record_and_the_proposer_sees_the_answer(client, venue, anna, milena):
    client.force_login(milena)
    propose(client, venue, name_fr="Hôtel de Ville")
    proposal = ChangeProposal.objects.get()
    client.force_login(anna)

    client.post(proposal_url(proposal, "decline"))

    venue.refresh_from_db()
    assert venue.name_fr == "Mairie de Paris"
    client.force_login(milena)
    record_page = client.get(
        reverse("admin:organisations_venue_change", args=[venue.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    proposal_page = client.get(proposal_url(proposal), HTTP_ACCEPT_LANGUAGE="en")
    assert "Your organisation’s proposals for this record:" in record_page.text
    assert "Declined" in record_page.text
    assert "Declined" in proposal_page.text
    assert "Proposed by Milena Proposer." in proposal_page.text
    assert "Anna" not in proposal_page.text and "Keeper" not in proposal_page.text


def test_the_proposer_cannot_answer_their_own_proposal(client, venue, milena):
    client.force_login(milena)
    propose(client, venue, name_fr="Hôtel de Ville")
    proposal = ChangeProposal.objects.get()

    response = client.post(proposal_url(proposal, "accept"))

    assert response.status_code == 403
    venue.refresh_from_db()
    assert venue.name_fr == "Mairie de Paris"


def test_a_third_organisation_neither_sees_nor_answers_the_proposal(client, venue, milena):
    client.force_login(milena)
    propose(client, venue, name_fr="Mairie centrale")
    proposal = ChangeProposal.objects.get()
    outsider = OrganiserFactory(
        username="omar", organisation=OrganisationFactory(name_fr="Forum réfugiés")
    )
    client.force_login(outsider)

    listing = client.get(reverse("admin:organisations_changeproposal_changelist"))
    page = client.get(proposal_url(proposal))
    accepted = client.post(proposal_url(proposal, "accept"))
    declined = client.post(proposal_url(proposal, "decline"))
    record_page = client.get(reverse("admin:organisations_venue_change", args=[venue.pk]))

    assert "Mairie de Paris" not in listing.text
    assert page.status_code == 302
    assert (accepted.status_code, declined.status_code) == (404, 404)
    assert "Mairie centrale" not in record_page.text
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_the_keeper_changes_directly_and_is_not_offered_a_proposal(client, venue, anna):
    client.force_login(anna)

    page = client.get(reverse("admin:organisations_venue_change", args=[venue.pk]))
    response = client.get(propose_url(venue))

    assert f'href="{propose_url(venue)}"' not in page.text
    assert response.status_code == 403


def test_the_keeper_reads_the_notice_and_the_proposal_in_french(client, venue, anna, milena):
    client.force_login(milena)
    propose(client, venue, name_fr="Hôtel de Ville")
    proposal = ChangeProposal.objects.get()
    client.force_login(anna)

    record_page = client.get(
        reverse("admin:organisations_venue_change", args=[venue.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    )
    proposal_page = client.get(proposal_url(proposal), HTTP_ACCEPT_LANGUAGE="fr")

    assert (
        "1 modification de cette fiche proposée par une autre organisation attend votre "
        "réponse\u202f:" in record_page.text
    )
    assert "Accepter\u202f: écrire les valeurs proposées" in proposal_page.text
    assert "En attente de réponse" in proposal_page.text
