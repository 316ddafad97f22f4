"""An organiser adds sessions in the programme editor with as few actions as possible."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model

from organisations.models import Organisation
from tests.factories import OrganisationFactory, SessionFactory, VisitFactory
from visits.models import Session
from visits.services import organiser_group_ensure

pytestmark = pytest.mark.browser
PARIS = ZoneInfo("Europe/Paris")
DESK = {"width": 1440, "height": 900}


@pytest.fixture
def desk_visit(transactional_db):
    """A visit of D'EST with its first session, and an organiser who is not a superuser."""
    dest = OrganisationFactory(name_fr="D'EST", name_ru="D'EST", name_en="D'EST")
    OrganisationFactory(
        name_fr="Mairie de Paris", name_ru="Мэрия Парижа", name_en="Paris City Hall"
    )
    user = get_user_model().objects.create_user("anna", password="Tour-Eiffel-1889", is_staff=True)
    user.groups.add(organiser_group_ensure())
    dest.members.add(user)
    visit = VisitFactory(
        organiser=dest, start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 14)
    )
    SessionFactory(
        visit=visit,
        title_ru="Встреча в аэропорту",
        title_fr="Accueil à l'aéroport",
        starts_at=dt.datetime(2019, 5, 13, 9, tzinfo=PARIS),
        ends_at=dt.datetime(2019, 5, 13, 10, tzinfo=PARIS),
        hosts=[dest],
    )
    return visit


@pytest.fixture
def desk(chromium, live_server, desk_visit):
    context = chromium.new_context(viewport=DESK, locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "anna")
    page.fill("#id_password", "Tour-Eiffel-1889")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/visits/visit/{desk_visit.pk}/programme/")
    yield page
    context.close()


class Actions:
    """Counts what the organiser does: each click, choice or text typed is one action."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def fill(self, selector, text):
        self.count += 1
        self.page.fill(selector, text)

    def choose(self, selector, label):
        self.count += 1
        self.page.select_option(selector, label=label)

    def click(self, selector):
        self.count += 1
        self.page.click(selector)


def test_a_session_with_an_existing_host_in_two_languages_takes_six_actions(desk, desk_visit):
    page = desk
    # The form waits where the programme's last session ends, in the booklet's languages.
    assert page.input_value("#id_start") == "10:00"
    assert page.locator('.language-column[data-language="ru"]').is_visible()
    assert page.locator('.language-column[data-language="fr"]').is_visible()
    assert page.locator('.language-column[data-language="en"]').is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= DESK["width"]

    actions = Actions(page)
    actions.fill("#id_title_ru", "Встреча в мэрии")
    actions.fill("#id_title_fr", "Rencontre à la mairie")
    actions.fill("#id_description_ru", "Политика приёма беженцев.")
    actions.fill("#id_description_fr", "La politique d'accueil des réfugiés.")
    actions.choose("#id_host", "Paris City Hall")
    actions.click("#session-short-form input[type=submit]")
    page.wait_for_url("**/programme/?*")

    assert actions.count <= 6
    session = Session.objects.get(title_fr="Rencontre à la mairie")
    assert session.title_ru == "Встреча в мэрии"
    assert session.description_ru == "Политика приёма беженцев."
    assert [host.name_fr for host in session.hosts.all()] == ["Mairie de Paris"]
    assert session.starts_at == dt.datetime(2019, 5, 13, 10, tzinfo=PARIS)
    assert page.locator(f"#session-{session.pk}").is_visible()
    # And the next one starts where this one ends.
    assert page.input_value("#id_start") == "11:00"


def test_another_slot_is_one_click_and_a_new_host_needs_no_other_page(desk, desk_visit):
    page = desk
    actions = Actions(page)
    actions.click('a.add-here[href*="at=2019-05-14T09:00"]')
    assert page.input_value("#id_date") == "2019-05-14"
    assert page.input_value("#id_start") == "09:00"
    actions.fill("#id_title_fr", "Visite du musée")
    actions.fill("#id_title_ru", "Посещение музея")

    # The host is new: the "+" beside the menu opens the organisation's form in a popup.
    with page.expect_popup() as popup_info:
        actions.click("#add_id_host")
    popup = popup_info.value
    popup.wait_for_load_state()
    # The name's language tabs: the portal's default language is the one a name needs.
    popup.locator(".ui-tabs-nav a", has_text="FR").first.click()
    popup.locator("#id_name_fr").fill("Musée Carnavalet")
    popup.locator("input[name=_save]").click()
    popup.wait_for_event("close")
    assert page.locator("#id_host option:checked").inner_text() == "Musée Carnavalet"

    actions.click("#session-short-form input[type=submit]")
    page.wait_for_url("**/programme/?*")

    session = Session.objects.get(title_fr="Visite du musée")
    assert list(session.hosts.all()) == [Organisation.objects.get(name_fr="Musée Carnavalet")]
    assert session.starts_at == dt.datetime(2019, 5, 14, 9, tzinfo=PARIS)


def test_one_switch_shows_a_language_for_the_whole_form(desk):
    page = desk
    page.check('input[data-language-toggle][value="en"]')
    page.uncheck('input[data-language-toggle][value="ru"]')

    assert page.locator("#id_title_en").is_visible()
    assert page.locator("#id_description_en").is_visible()
    assert page.locator("#id_title_ru").is_hidden()
    assert page.input_value("input[data-languages-value]") == "fr,en"
