"""The paper a visit needs: host sheets, attendance sheets, badges, and the registry."""

import io

import pytest
import segno
from django.urls import reverse
from pypdf import PdfReader

from participants.selectors import participant_personal_url
from tests.factories import (
    EmergencyContactFactory,
    OrganisationFactory,
    OrganiserFactory,
    SessionFactory,
    VisitOrganisationFactory,
)
from tests.scenarios import may_2019
from tests.scenarios import readers_in_paris as build_delegation
from visits.models import Session, VisitOrganisation
from visits.paper.registry import PaperKind, paper_kind_register, paper_kinds
from visits.paper.services import paper_html, paper_pdf, paper_render, paper_request_parse

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def delegation():
    data = build_delegation()
    bnf = OrganisationFactory(name_fr="BnF", name_en="BnF", name_ru="БнФ")
    data.library_visit.hosts.add(bnf)
    VisitOrganisationFactory(
        visit=data.visit,
        organisation=OrganisationFactory(name_fr="Fondation Robert Bosch"),
        role=VisitOrganisation.Role.SUPPORTER,
    )
    EmergencyContactFactory(visit=data.visit, name="Irina Petrova", phone="+33 6 00 00 00 01")
    data.anna.position = "Библиотекарь"
    data.anna.save()
    return data


def render(visit, kind, language):
    return pdf_text(paper_pdf(paper_request_parse(visit=visit, kind=kind, language=language)))


def test_a_host_sheet_says_who_comes_when_and_in_which_language(delegation):
    text = render(delegation.visit, "host-sheets", "fr")

    assert "BnF" in text
    assert "Mardi 14 mai, 10:00–12:00 · Visite de la BnF" in text
    assert "2 personnes" in text
    assert "Anna" in text and "Claire" in text and "Районная библиотека" in text
    assert "Библиотекарь" in text
    assert "John" not in text  # the museums group does not go to the library
    assert "La délégation parle anglais, français, russe." in text
    assert "Interprétation consécutive (russe–" in text
    # pypdf reads the narrow no-break space before the colon as a space; the HTML has it.
    assert "Irina Petrova, Organisateur, permanence téléphonique : +33 6 00 00 00 01" in text
    html = paper_html(
        paper_request_parse(visit=delegation.visit, kind="host-sheets", language="fr")
    )
    assert "téléphonique\u202f: +33" in html


def pdf_pages(pdf: bytes) -> list[str]:
    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def test_each_host_reads_its_page_in_its_own_language(delegation):
    mairie = OrganisationFactory(name_fr="Mairie de Paris", name_en="City of Paris", language="fr")
    consulate = OrganisationFactory(
        name_ru="Генеральное консульство России в Страсбурге",
        name_fr="Consulat général de Russie à Strasbourg",
        kind="embassy",
        language="ru",
    )
    delegation.welcome.hosts.add(mairie, consulate)

    pdf = paper_pdf(paper_request_parse(visit=delegation.visit, kind="host-sheets", language="en"))
    pages = pdf_pages(pdf)

    assert len(pages) == 3
    by_host = {
        host: next(page for page in pages if host in page)
        for host in ("BnF", "Mairie de Paris", "Генеральное консульство России в Страсбурге")
    }
    # The BnF's language is not known: its page is in the language asked for.
    bnf = by_host["BnF"]
    assert "For our hosts" in bnf
    assert "Tuesday 14 May, 10:00–12:00 · Visit of the BnF" in bnf
    assert "2 people" in bnf and "The delegation speaks English, French, Russian." in bnf
    french = by_host["Mairie de Paris"]
    assert "À l’attention de nos hôtes" in french
    assert "Lundi 13 mai, 09:00–10:00 · Accueil" in french
    assert "4 personnes" in french and "La délégation parle anglais, français, russe." in french
    assert "Votre contact chez les organisateurs" in french
    assert "Irina Petrova, Organisateur, permanence téléphonique : +33 6 00 00 00 01" in french
    assert "Welcome" not in french and "For our hosts" not in french
    russian = by_host["Генеральное консульство России в Страсбурге"]
    assert "Для принимающей стороны" in russian
    assert "Понедельник, 13 мая, 09:00–10:00 · Приветствие" in russian
    assert (
        "4 человека" in russian and "Языки делегации: английский, французский, русский." in russian
    )
    assert "Ваш контакт у организаторов" in russian
    assert "Accueil" not in russian and "Welcome" not in russian


def test_an_attendance_sheet_prints_both_scripts_and_a_column_to_sign(delegation):
    text = render(delegation.visit, "attendance", "en")

    library = text.split("Visit of the BnF")[1]
    assert "Tuesday 14 May, 10:00–12:00" in library
    assert "Town hall, 5 rue de Lobau, 75004 Paris, France" in library
    assert "With the support of" in text and "Fondation Robert Bosch" in library
    assert "Signature" in library
    assert delegation.anna.name_native in library and "Anna" in library
    assert "John" not in library
    # The welcome is for everyone: all four sign.
    welcome = text.split("Visit of the BnF")[0]
    for person in (delegation.anna, delegation.claire, delegation.john, delegation.nadia):
        assert person.name_native in welcome


def test_badges_print_both_scripts_and_the_participants_own_link(delegation):
    text = render(delegation.visit, "badges", "fr")

    for person in (delegation.anna, delegation.john):
        assert person.name_native in text and person.name_latin in text
    assert "Районная библиотека" in text and "Саратов" in text
    html = paper_html(paper_request_parse(visit=delegation.visit, kind="badges", language="fr"))
    code = segno.make(participant_personal_url(participant=delegation.anna), error="m")
    assert code.svg_inline(scale=1, border=0, omitsize=True, dark="#1b2a41") in html


def test_paper_is_kept_per_version_and_not_rendered_again(delegation, monkeypatch):
    request = paper_request_parse(visit=delegation.visit, kind="badges", language="ru")
    first = paper_render(request)

    def no_render(html, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr("visits.paper.services.html_to_pdf", no_render)
    assert paper_render(request) == first
    delegation.anna.city = "Самара"
    delegation.anna.save()
    with pytest.raises(AssertionError, match="rendered again"):
        paper_render(request)


def test_another_kind_plugs_in_with_one_line(delegation, tmp_path, settings):
    (tmp_path / "paper").mkdir()
    (tmp_path / "paper" / "roll_call.html").write_text(
        '{% extends "paper/base.html" %}{% block body %}'
        "{% for name in names %}<p>{{ name }}</p>{% endfor %}{% endblock %}"
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]

    def roll_call(*, visit, language):
        return {"names": sorted(p.name_latin for p in visit.participants.all())}

    paper_kind_register(PaperKind("roll-call", "Roll call", "paper/roll_call.html", roll_call))
    try:
        assert "Anna Claire John Nadia" in render(delegation.visit, "roll-call", "en")
    finally:
        from visits.paper import registry

        registry._kinds.pop("roll-call")
    assert "roll-call" not in paper_kinds()


def test_the_command_writes_the_pdf(delegation, tmp_path):
    from django.core.management import call_command

    out = tmp_path / "hosts.pdf"
    call_command(
        "render_paper", "paris-2019", "--kind", "host-sheets", "--lang", "fr", "--out", str(out)
    )
    assert "BnF" in pdf_text(out.read_bytes())


def test_the_admin_hands_the_paper_to_the_visit_organisers_only(delegation, client):
    url = reverse("admin:visits_visit_paper", args=[delegation.visit.pk, "attendance", "fr"])

    client.force_login(OrganiserFactory(username="stranger", organisation=OrganisationFactory()))
    assert client.get(url).status_code == 404

    client.force_login(OrganiserFactory(username="irina", organisation=delegation.visit.organiser))
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert "Feuille d’émargement" in pdf_text(b"".join(response.streaming_content))
    page = client.get(reverse("admin:visits_visit_change", args=[delegation.visit.pk]))
    assert url in page.content.decode()
    assert client.get(url.replace("attendance", "nonsense")).status_code == 404


def test_the_organisations_page_asks_for_the_language_of_its_host_sheet(delegation, client):
    organiser = delegation.visit.organiser
    organiser.owner = organiser  # its own organisers keep the record
    organiser.save()
    client.force_login(OrganiserFactory(username="irina", organisation=organiser))
    url = reverse("admin:organisations_organisation_change", args=[organiser.pk])

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert '<select name="language"' in page
    assert "sa fiche de structure d’accueil est imprimée dans cette langue" in page
    form = {
        "name_fr": organiser.name_fr,
        "kind": organiser.kind,
        "language": "fr",
        "owner": organiser.pk,
    }
    client.post(url, form, HTTP_ACCEPT_LANGUAGE="fr")
    organiser.refresh_from_db()
    assert organiser.language == "fr"


def test_paper_prints_an_approximate_time_in_words_not_its_placeholder_hours(delegation):
    library_visit = delegation.library_visit
    library_visit.time_precision = Session.TimePrecision.ALL_DAY
    library_visit.full_clean()  # stored as 00:00 to 00:00 the next day
    library_visit.save()
    workshop = SessionFactory(
        visit=delegation.visit,
        title_en="Cataloguing workshop",
        title_fr="Atelier de catalogage",
        title_ru="Мастерская каталогизации",
        starts_at=may_2019(15, 14),
        ends_at=may_2019(15, 16),
        time_precision=Session.TimePrecision.TO_BE_CONFIRMED,
        groups=[delegation.libraries],
    )
    workshop.full_clean()
    workshop.save()
    workshop.hosts.add(*library_visit.hosts.all())

    hosts = render(delegation.visit, "host-sheets", "fr")
    assert "Mardi 14 mai, toute la journée · Visite de la BnF" in hosts
    assert "Mercredi 15 mai, horaire à confirmer · Atelier de catalogage" in hosts
    assert "00:00" not in hosts

    attendance = render(delegation.visit, "attendance", "ru")
    assert "Вторник, 14 мая, весь день" in attendance
    assert "Среда, 15 мая, время уточняется" in attendance
    assert "00:00" not in attendance
