"""The delegation's booklet: whom to call, for organisers and participants only; the public
booklet keeps no one's phone and says where the delegation finds them."""

import io

import pytest
from pypdf import PdfReader

from tests.scenarios import librarian as participant
from tests.scenarios import librarians_in_paris_and_rouen as build_visit
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.models import Booklet
from visits.booklets.services import booklet_mode_parse, booklet_pdf, booklet_request
from visits.models import Visit

pytestmark = pytest.mark.django_db


def contacts_page(visit, audience):
    mode = booklet_mode_parse(languages="ru+fr", paper="a5", audience=audience)
    pdf, _version = booklet_pdf(visit=visit, mode=mode)
    return " ".join(pdf_pages(pdf)).split("Контакты / Contacts")[-1]


def test_the_delegation_booklet_prints_whom_to_call():
    visit = build_visit()
    visit.organiser.website = "https://echanges-franco-russes.example.org/"
    visit.organiser.save()
    text = contacts_page(visit, "delegation")
    assert "+33 6 12 34 56 78 Marie Lefèvre координатор визита / coordinatrice de la visite" in text
    assert "marie@example.org" in text
    assert "112 Полиция, скорая помощь, пожарные / Police, SAMU, pompiers" in text
    assert "echanges-franco-russes.example.org" in text


def test_the_public_booklet_says_where_the_contacts_are_and_prints_none():
    visit = build_visit()
    text = contacts_page(visit, "public")
    assert "+33 6 12 34 56 78" not in text and "marie@example.org" not in text
    assert "Телефоны организаторов напечатаны в буклете делегации" in text
    assert "Les numéros des organisateurs figurent dans le livret de la délégation" in text


def test_only_a_personal_link_serves_the_delegation_booklet(
    client, django_capture_on_commit_callbacks
):
    visit = build_visit()
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
    anna = participant(visit)

    # The public address knows no such mode.
    assert client.get(f"/v/{visit.slug}/booklet/delegation/ru+fr/a5/").status_code == 404
    assert client.get("/p/not-a-token/booklet/delegation/ru+fr/a5/").status_code == 404

    url = f"/p/{anna.access_token}/booklet/delegation/ru+fr/a5/"
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"]
    booklet = Booklet.objects.get(audience=Booklet.Audience.DELEGATION)
    assert booklet.participant is None
    pdf = b"".join(response.streaming_content)
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "+33 6 12 34 56 78" in text
    assert "Анна Иванова" not in text  # the delegation's booklet names no participant
    assert "delegation" in response["Content-Disposition"]


def test_public_and_delegation_booklets_are_two_files():
    visit = build_visit()
    public = booklet_request(visit=visit, mode=booklet_mode_parse(languages="ru", paper="a4"))
    delegation = booklet_request(
        visit=visit,
        mode=booklet_mode_parse(languages="ru", paper="a4", audience="delegation"),
    )
    assert public.pk != delegation.pk
    assert public.content_version != delegation.content_version
