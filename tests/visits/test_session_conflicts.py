"""Two organisers saving the same session: the second is told, nothing is overwritten.

Each organiser opens the page, the browser sends back what the page holds (parsed from the
page itself, hidden fields included), and the two saves come one after the other.
"""

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import OrganisationFactory, SessionFactory, VisitFactory
from visits.services import organiser_group_ensure

pytestmark = pytest.mark.django_db


class FormReader(HTMLParser):
    """What a browser would send for the form with id ``form_id``."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            if kind not in {"submit", "button", "file", "image"}:
                self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.data.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None


def opened(client: Client, url: str, form_id: str) -> dict[str, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    return opened_from(response, form_id)


def opened_from(response, form_id: str) -> dict[str, list[str]]:
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data


def organiser(username, organisation) -> Client:
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(organiser_group_ensure())
    organisation.members.add(user)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def session():
    organisation = OrganisationFactory(name_fr="D'EST")
    visit = VisitFactory(
        organiser=organisation,
        slug="paris-rouen-2019",
        start_date=dt.date(2019, 5, 12),
        end_date=dt.date(2019, 5, 18),
    )
    return SessionFactory(
        visit=visit,
        title_fr="Rencontre à la Mairie",
        title_ru="Встреча в мэрии",
        meeting_point_fr="Devant l'entrée",
    )


def test_the_second_save_of_a_session_page_is_told_with_both_versions(session):
    anna = organiser("anna", session.visit.organiser)
    boris = organiser("boris", session.visit.organiser)
    url = f"/admin/visits/session/{session.pk}/change/"
    annas = opened(anna, url, "session_form")
    boris_form = opened(boris, url, "session_form")

    annas["title_fr"] = ["Rencontre à l'Hôtel de Ville"]
    assert anna.post(url, annas).status_code == 302
    boris_form["meeting_point_fr"] = ["Sur le parvis"]
    refused = boris.post(url, boris_form)

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this session after you opened it, so nothing was saved." in page
    assert "saved: «Rencontre à l&#x27;Hôtel de Ville»; yours: «Rencontre à la Mairie»" in page
    assert "saved: «Devant l&#x27;entrée»; yours: «Sur le parvis»" in page
    # Boris's typing is still in the form; Anna's save is what the database holds.
    assert 'value="Sur le parvis"' in page
    session.refresh_from_db()
    assert (session.title_fr, session.meeting_point_fr) == (
        "Rencontre à l'Hôtel de Ville",
        "Devant l'entrée",
    )

    # Having seen both, Boris saves again: his version is kept, knowingly.
    again = opened_from(refused, "session_form")
    assert boris.post(url, again).status_code == 302
    session.refresh_from_db()
    assert (session.title_fr, session.meeting_point_fr) == (
        "Rencontre à la Mairie",
        "Sur le parvis",
    )


def test_a_save_with_nobody_else_in_between_goes_through(session):
    anna = organiser("anna", session.visit.organiser)
    url = f"/admin/visits/session/{session.pk}/change/"
    form = opened(anna, url, "session_form")
    form["title_fr"] = ["Rencontre à l'Hôtel de Ville"]

    assert anna.post(url, form).status_code == 302
    session.refresh_from_db()
    assert session.title_fr == "Rencontre à l'Hôtel de Ville"


def test_the_programme_editor_refuses_a_session_changed_since_it_was_opened(session):
    # The visit page used to carry the sessions inline; the programme editor replaced that,
    # so the protection is checked where sessions are now edited beside the visit.
    anna = organiser("anna", session.visit.organiser)
    boris = organiser("boris", session.visit.organiser)
    editor_url = f"/admin/visits/visit/{session.visit.pk}/programme/"
    boris_form = opened(boris, f"{editor_url}?session={session.pk}", "session-short-form")
    annas = opened(anna, f"/admin/visits/session/{session.pk}/change/", "session_form")
    annas["title_fr"] = ["Rencontre à l'Hôtel de Ville"]
    assert anna.post(f"/admin/visits/session/{session.pk}/change/", annas).status_code == 302

    boris_form["private_notes"] = ["Interprète : Mme Petrova, chuchotage"]
    refused = boris.post(editor_url, boris_form)

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Someone else saved this session after you opened it, so nothing was saved." in page
    assert "saved: «Rencontre à l&#x27;Hôtel de Ville»; yours: «Rencontre à la Mairie»" in page
    assert "Interprète : Mme Petrova, chuchotage</textarea>" in page
    session.refresh_from_db()
    assert (session.title_fr, session.private_notes) == ("Rencontre à l'Hôtel de Ville", "")

    # Having seen both, Boris saves again: his version is kept, knowingly.
    again = opened_from(refused, "session-short-form")
    assert boris.post(editor_url, again).status_code == 302
    session.refresh_from_db()
    assert (session.title_fr, session.private_notes) == (
        "Rencontre à la Mairie",
        "Interprète : Mme Petrova, chuchotage",
    )


def test_the_programme_editor_saves_when_nobody_else_saved_in_between(session):
    anna = organiser("anna", session.visit.organiser)
    editor_url = f"/admin/visits/visit/{session.visit.pk}/programme/"
    form = opened(anna, f"{editor_url}?session={session.pk}", "session-short-form")
    form["title_fr"] = ["Rencontre à l'Hôtel de Ville"]

    assert anna.post(editor_url, form).status_code == 302
    session.refresh_from_db()
    assert session.title_fr == "Rencontre à l'Hôtel de Ville"
