"""A participant reads their own journeys and nights, and nobody else's; booking
references never reach a page or a booklet, rooms never a public page or someone else's."""

import re
from zoneinfo import ZoneInfo

import pytest

from participants.models import Journey
from tests.factories import (
    ParticipantFactory,
)
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.selectors import booklet_content
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import Session

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def page(client, participant) -> str:
    response = client.get(f"/p/{participant.access_token}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_itinerary_shows_the_participants_own_journeys_transfer_and_nights(client, delegation):
    html = page(client, delegation["anna"])

    assert "Vos trajets et vos nuits" in html
    assert "Air France AF 1845" in html
    # Each time in its own place's zone: 07:00 in Moscow, 09:50 in Paris.
    assert "Moscou Cheremetievo, dimanche 12 mai, 07:00" in html
    assert "heure locale, UTC+3" in html
    assert "Paris Charles-de-Gaulle, dimanche 12 mai, 09:50" in html
    assert "Accueil à l’aéroport, dimanche 12 mai, 11:00" in html
    assert "Terminal 2E, porte 6" in html
    assert "AF 1644" in html
    assert "Hôtel du Marais" in html and "12 rue de Turenne" in html
    # Six nights in one bed with the same room-mate: one line.
    assert "Dimanche 12 mai, 6 nuits (départ de l’hôtel : samedi 18 mai)" in html
    assert html.count("chambre 204") == 1
    assert "avec Boris Petrov" in html


def test_the_itinerary_shows_no_one_elses_journey_nor_any_booking_reference(client, delegation):
    anna = page(client, delegation["anna"])
    vera = page(client, delegation["vera"])

    assert "ANNA7Q" not in anna and "VERA9Z" not in anna
    assert "SU 2454" not in anna
    # The rooms as printed, never a bare number: ids, factory sequences and the
    # booklet's version hash may hold "311" or "204".
    assert "Vera Orlova" not in anna and "chambre 311" not in anna
    assert "AF 1845" not in vera and "AF 1644" not in vera
    assert "ANNA7Q" not in vera and "VERA9Z" not in vera
    assert "chambre 204" not in vera and "Anna Ivanova" not in vera
    assert "chambre 311" in vera


def test_a_participant_without_journeys_or_nights_gets_no_empty_section(client, delegation):
    loner = ParticipantFactory(visit=delegation["visit"], preferred_language="fr")

    assert "Vos trajets et vos nuits" not in page(client, loner)


def test_the_public_page_and_the_delegations_booklet_show_no_logistics(client, delegation):
    visit = delegation["visit"]
    html = client.get(f"/v/{visit.slug}/").content.decode()

    for private in (
        "ANNA7Q",
        "VERA9Z",
        "AF 1845",
        "SU 2454",
        "chambre 204",
        "chambre 311",
        "Hôtel du Marais",
    ):
        assert private not in html
    assert booklet_content(visit=visit, languages=["fr"], paper="a4").logistics is None


def test_the_personal_booklet_prints_the_journeys_and_nights_without_booking_reference(
    delegation,
):
    mode = booklet_mode_parse(languages="fr", paper="a5")
    pdf, _version = booklet_pdf(
        visit=delegation["visit"], mode=mode, participant=delegation["anna"]
    )
    text = " ".join(pdf_pages(pdf))

    assert "Vos trajets et vos nuits" in text
    assert "Air France AF 1845" in text
    assert "Terminal 2E, porte 6" in text
    assert "Hôtel du Marais, chambre 204 · avec Boris Petrov" in text
    assert "DIMANCHE 12 MAI, 6 NUITS (DÉPART DE L’HÔTEL : SAMEDI 18 MAI)" in text
    assert "ANNA7Q" not in text
    # The room as printed: the version hash in the header may hold "311".
    assert "SU 2454" not in text and "chambre 311" not in text and "Vera Orlova" not in text


def test_a_changed_train_makes_a_new_personal_booklet_version(delegation):
    from visits.booklets.version import content_version

    anna = delegation["anna"]
    before = content_version(
        booklet_content(visit=delegation["visit"], languages=["fr"], paper="a4", participant=anna)
    )
    Journey.objects.filter(participant=anna, number="AF 1845").update(number="AF 1145")
    after = content_version(
        booklet_content(visit=delegation["visit"], languages=["fr"], paper="a4", participant=anna)
    )

    assert before != after


def panel(html: str) -> str:
    """The text of the journeys-and-nights panel, tags dropped."""
    start = html.index('id="travel"')
    section = html[start : html.index("</section>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", section).split(" "))


def test_the_panel_writes_a_date_inside_a_sentence_in_lower_case_and_typesets_the_text(
    client, delegation
):
    """ "l'hôtel" typed straight, "Métro : ligne 1 ; sortie 2 !" typed with ordinary spaces:
    the participant reads l’hôtel and French spaces, and "dimanche" in mid-sentence."""
    anna = delegation["anna"]
    hotel = anna.stays.get().hotel
    hotel.name_fr = "Hôtel de l'Opéra"
    hotel.directions_fr = "Métro : ligne 1 ; sortie 2 ! Demandez l'accueil."
    hotel.save()

    text = panel(page(client, anna))

    assert "Moscou Cheremetievo, dimanche 12 mai, 07:00" in text
    assert "Accueil à l’aéroport, dimanche 12 mai, 11:00" in text
    assert "(départ de l’hôtel\u202f: samedi 18 mai)" in text
    assert "Hôtel de l’Opéra, chambre 204" in text
    assert "Métro\u202f: ligne 1\u202f; sortie 2\u202f! Demandez l’accueil." in text
    # A date opening its line keeps its capital; none is capitalised mid-sentence.
    assert "Dimanche 12 mai, 6 nuits" in text
    assert not re.search(r", (Dimanche|Samedi) \d", text)
    assert "'" not in text and "&#x27;" not in text


def test_the_russian_panel_writes_the_weekday_in_lower_case_inside_a_sentence(client, delegation):
    anna = delegation["anna"]
    anna.preferred_language = "ru"
    anna.save()

    text = panel(page(client, anna))

    assert "Moscou Cheremetievo, воскресенье, 12 мая, 07:00" in text
    assert "Встреча в аэропорту, воскресенье, 12 мая, 11:00" in text
    assert "Воскресенье, 12 мая, 6 ночей (выезд: суббота, 18 мая)" in text
    assert not re.search(r", (Воскресенье|Суббота), \d", text)


def test_the_personal_booklet_writes_the_same_sentences(delegation):
    anna = delegation["anna"]
    hotel = anna.stays.get().hotel
    hotel.directions_fr = "Métro : ligne 1 ; demandez l'accueil."
    hotel.save()
    mode = booklet_mode_parse(languages="fr", paper="a5")
    pdf, _version = booklet_pdf(visit=delegation["visit"], mode=mode, participant=anna)
    text = " ".join(pdf_pages(pdf))

    assert "Moscou Cheremetievo, dimanche 12 mai, 07:00" in text
    assert "Accueil à l’aéroport, dimanche 12 mai, 11:00" in text
    assert "Métro : ligne 1 ; demandez l’accueil." in text
    assert "demandez l'accueil" not in text


def test_a_transfer_of_approximate_time_reads_its_day_mid_sentence_and_its_words(
    client, delegation
):
    pickup = delegation["anna"].journeys.get(number="AF 1845").transfer
    pickup.time_precision = Session.TimePrecision.TO_BE_CONFIRMED
    pickup.save()

    html = page(client, delegation["anna"])

    assert "Accueil à l’aéroport, dimanche 12 mai, horaire à confirmer" in html
    assert "12 mai, 00:00" not in html and "12 mai, 11:00" not in html
