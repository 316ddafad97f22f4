"""A programme as organisers bring them, entered through the admin and read by everyone.

On a freshly migrated database, the first organiser of an association (created as
organisers are, by ``add_organiser``, and choosing their password through its link) enters
through the admin pages alone an exchange of four months in Russian and French: two
groups, a preparation phase and a training week for one group, sessions in the morning,
all day and at a time still to be confirmed, a speaker known by their role at a partner
foundation, and a participant in each group. Then each reader checks what they are given:
each group's itinerary, a calendar, the public page and a bilingual booklet.
"""

import io
import re
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from icalendar import Calendar

from participants.models import Participant
from tests.visits.booklets.conftest import pdf_pages

pytestmark = pytest.mark.browser

DESK = {"width": 1440, "height": 900}
PASSWORD = "Tour-Eiffel-1889"
EMAIL = "anna.martin@maison-europe.example"


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class Admin:
    """The organiser's hands on the admin: what they click, choose and type."""

    def __init__(self, page, base_url):
        self.page, self.base_url = page, base_url

    def open(self, path):
        self.page.goto(f"{self.base_url}{path}")

    def switch_language(self, code):
        # One switch shows every translated field of the form in that language.
        self.page.select_option("#modeltranslation-main-switch", code)

    def autocomplete(self, select_id, typed, choice):
        """Django's searched menu: open it, type, pick from the answer to what was typed
        (not from the list shown as it opened, which a search that finds nothing replaces)."""
        self.page.click(f"#{select_id} + .select2 .select2-selection")
        search = self.page.locator(".select2-container--open .select2-search__field")
        with self.page.expect_response(lambda response: f"term={quote(typed)}&" in response.url):
            search.press_sequentially(typed, delay=20)
        self.page.locator(".select2-results__option", has_text=choice).first.click()

    def session(self, *, date, time, title_ru, title_fr, start=None, end=None, **who):
        """One session through the programme editor's short form."""
        page = self.page
        page.select_option("#id_date", date)
        page.select_option("#id_time_precision", time)
        if start:
            page.fill("#id_start", start)
            page.fill("#id_end", end)
        page.fill("#id_title_ru", title_ru)
        page.fill("#id_title_fr", title_fr)
        if "host" in who:
            page.select_option("#id_host", label=who["host"])
        if "speaker" in who:
            self.autocomplete("id_speakers", who["speaker"][:9], who["speaker"])
        if "group" in who:
            page.locator("#id_groups").get_by_label(who["group"]).check()
        with page.expect_navigation():
            page.click("#session-short-form input[type=submit]")
        assert page.locator(".errornote").count() == 0, page.locator("#session-form").inner_text()
        assert page.locator(".session-card", has_text=title_fr).count() == 1

    def save(self, name="_save"):
        with self.page.expect_navigation():
            self.page.click(f"input[name={name}]")
        errors = self.page.locator(".errornote, .errorlist")
        assert errors.count() == 0, errors.all_inner_texts()


@pytest.fixture
def organiser_desk(chromium, live_server, transactional_db, settings):
    """The first organiser of the Maison de l'Europe, logged into the admin."""
    printed = io.StringIO()
    call_command("add_organiser", organisation="Maison de l'Europe", email=EMAIL, stdout=printed)
    link = re.search(r"Password link for \S+: (\S+)", printed.getvalue()).group(1)
    context = chromium.new_context(viewport=DESK, locale="en-GB")
    page = context.new_page()
    page.goto(link.replace(settings.SITE_URL, live_server.url))
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", EMAIL)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    yield Admin(page, live_server.url)
    context.close()


@pytest.fixture
def reader(chromium):
    """A participant's or a passer-by's phone: no account, nothing shared with the admin."""
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    yield context
    context.close()


def test_a_programme_in_phases_entered_in_the_admin_reads_right_for_everyone(
    organiser_desk, reader, live_server
):
    admin = organiser_desk
    page = admin.page
    assert not page.locator("#id_username").count(), "the organiser could not log in"
    assert not get_user_model().objects.get(email=EMAIL).is_superuser

    # The partner foundation and its speaker, known by their role alone.
    admin.open("/admin/organisations/organisation/add/")
    admin.switch_language("fr")
    page.fill("#id_name_fr", "Fondation pour le droit")
    admin.switch_language("ru")
    page.fill("#id_name_ru", "Фонд права")
    page.select_option("#id_kind", "foundation")
    admin.save()

    admin.open("/admin/organisations/person/add/")
    admin.switch_language("fr")
    page.fill("#id_role_fr", "Directrice du service juridique")
    admin.switch_language("ru")
    page.fill("#id_role_ru", "Директор юридической службы")
    admin.autocomplete("id_organisation", "Fondation", "Fondation pour le droit")
    admin.save()

    # The exchange: February to May 2027, in Russian first and French, two groups and
    # a preparation phase for everyone.
    admin.open("/admin/visits/visit/add/")
    page.get_by_text("Add another Group").click()
    page.get_by_text("Add another Group").click()
    page.get_by_text("Add another Phase").click()
    page.get_by_text("Add another Phase").click()
    admin.switch_language("fr")
    page.fill("#id_title_fr", "Échange de pratiques juridiques")
    page.fill("#id_cities_fr", "Strasbourg")
    page.fill("#id_groups-0-name_fr", "Juristes")
    page.fill("#id_groups-1-name_fr", "Bibliothécaires")
    page.fill("#id_phases-0-title_fr", "Préparation")
    page.fill("#id_phases-0-description_fr", "Lectures et réunion de lancement.")
    page.fill("#id_phases-1-title_fr", "Semaine de formation des juristes")
    admin.switch_language("ru")
    page.fill("#id_title_ru", "Обмен юридическими практиками")
    page.fill("#id_cities_ru", "Страсбург")
    page.fill("#id_groups-0-name_ru", "Юристы")
    page.fill("#id_groups-1-name_ru", "Библиотекари")
    page.fill("#id_phases-0-title_ru", "Подготовка")
    page.fill("#id_phases-0-description_ru", "Чтение и установочная встреча.")
    page.fill("#id_phases-1-title_ru", "Учебная неделя юристов")
    page.fill("#id_slug", "echange-2027")
    admin.autocomplete("id_organiser", "Maison", "Maison de l'Europe")
    page.fill("#id_start_date", "2027-02-01")
    page.fill("#id_end_date", "2027-05-28")
    page.fill("#id_phases-0-start_date", "2027-02-01")
    page.fill("#id_phases-0-end_date", "2027-02-26")
    page.fill("#id_phases-1-start_date", "2027-03-15")
    page.fill("#id_phases-1-end_date", "2027-03-19")
    page.fill("#id_phases-1-position", "1")
    admin.save("_continue")

    # The training week is for the lawyers only: their group exists now that it is saved.
    page.locator("#id_phases-1-groups").get_by_label("Juristes").check()
    admin.save("_continue")

    # The programme editor: the sessions, most of them at times not known to the hour.
    with page.expect_navigation():
        page.get_by_role("link", name="Open the programme editor").click()
    admin.session(
        date="2027-02-10",
        time="to_be_confirmed",
        title_ru="Установочная встреча",
        title_fr="Réunion de lancement",
    )
    admin.session(
        date="2027-03-15",
        time="morning",
        title_ru="Право ассоциаций",
        title_fr="Le droit des associations",
        host="Fondation pour le droit",
        speaker="Directrice du service juridique",
        group="Juristes",
    )
    admin.session(
        date="2027-03-16",
        time="all_day",
        title_ru="День в суде",
        title_fr="Journée au tribunal",
        group="Juristes",
    )
    admin.session(
        date="2027-05-27",
        time="exact",
        start="10:00",
        end="12:00",
        title_ru="Заключительная встреча",
        title_fr="Rencontre de clôture",
    )

    # A participant in each group, through the admin too.
    for latin, native, group, language in (
        ("Irina Sokolova", "Ирина Соколова", "Juristes", "ru"),
        ("Marc Petit", "Marc Petit", "Bibliothécaires", "fr"),
    ):
        admin.open("/admin/participants/participant/add/")
        # The menu names each visit with its dates.
        exchange = page.locator("#id_visit option", has_text="Échange de pratiques juridiques")
        page.select_option("#id_visit", exchange.get_attribute("value"))
        page.fill("#id_name_native", native)
        page.fill("#id_name_latin", latin)
        page.locator("#id_groups").get_by_label(group).check()
        page.select_option("#id_preferred_language", language)
        admin.save()

    # Checked, then published: what is left are warnings, read and accepted.
    admin.open("/admin/visits/visit/")
    with page.expect_navigation():
        page.get_by_role("link", name="Échange de pratiques juridiques").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Check and publish").click()
    page.check("input[name=confirm_warnings]")
    with page.expect_navigation():
        page.click("input[type=submit][value=Publish]")
    assert "“Échange de pratiques juridiques” is published." in page.inner_text(".messagelist")

    # Each reader, on their own phone, through their personal link or the public address.
    irina = Participant.objects.get(name_latin="Irina Sokolova").access_token
    marc = Participant.objects.get(name_latin="Marc Petit").access_token
    read = reader.new_page()

    def shown(path):
        read.goto(f"{live_server.url}{path}")
        return " ".join(read.inner_text("body").split())

    # The lawyer, in Russian: both phases, the words for times, the speaker by role.
    lawyer = shown(f"/p/{irina}/")
    for words in (
        "Подготовка",
        "Чтение и установочная встреча.",
        "Учебная неделя юристов",
        "Установочная встреча",
        "Время уточняется",
        "Право ассоциаций",
        "Утро",
        "Директор юридической службы",
        "День в суде",
        "Весь день",
        "Заключительная встреча",
    ):
        assert words in lawyer, words

    # The librarian, in French: the lawyers' week is not there at all, not even as a gap.
    librarian = shown(f"/p/{marc}/")
    for words in (
        "Préparation",
        "Réunion de lancement",
        "Horaire à confirmer",
        "Rencontre de clôture",
    ):
        assert words in librarian, words
    for words in (
        "Semaine de formation des juristes",
        "Le droit des associations",
        "Journée au tribunal",
        "15 mars",
        "Rien de prévu pour vous",
    ):
        assert words not in librarian, words

    # The lawyer's calendar: whole days where the time is not an hour.
    calendar = reader.request.get(f"{live_server.url}/p/{irina}/calendar.ics").text()
    events = {str(e["SUMMARY"]): e for e in Calendar.from_ical(calendar).walk("VEVENT")}
    assert sorted(events) == sorted(
        [
            "Установочная встреча (время уточняется)",
            "Право ассоциаций (утро)",
            "День в суде",
            "Заключительная встреча",
        ]
    )
    assert "DTSTART;VALUE=DATE:20270210" in calendar and "DTSTART;VALUE=DATE:20270316" in calendar
    assert "Директор юридической службы" in str(events["Право ассоциаций (утро)"]["DESCRIPTION"])

    # The public page, once published: every phase, with the group it is for.
    public = shown("/v/echange-2027/?lang=fr")
    for words in (
        "Préparation",
        "Semaine de formation des juristes",
        "Le droit des associations",
        "Matin",
        "Toute la journée",
        "Horaire à confirmer",
        "Directrice du service juridique",
    ):
        assert words in public, words
    assert "Pour : Juristes" in public.replace("\u00a0", " ")

    # The bilingual booklet offered there, rendered as it is asked for.
    link = read.get_by_role("link", name=re.compile("Русский \\+ Français, A5"))
    url = f"{live_server.url}{link.get_attribute('href')}"
    for _attempt in range(20):
        response = reader.request.get(url)
        if response.headers["content-type"] == "application/pdf":
            break
        read.wait_for_timeout(500)
    text = " ".join(pdf_pages(response.body()))
    for words in (
        "Подготовка",
        "Préparation",
        "Учебная неделя юристов",
        "Semaine de formation des juristes",
        "Директор юридической службы",
        "Directrice du service juridique",
        "Время уточняется",
        "Horaire à confirmer",
    ):
        assert words in text, words
