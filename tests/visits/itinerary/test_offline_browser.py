"""A delegate opens their link on a phone, switches language, and keeps it offline."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from tests.factories import DayFactory, ParticipantFactory, SessionFactory
from tests.scenarios import published_visit
from visits.models import Session

pytestmark = pytest.mark.browser


@pytest.fixture
def running_visit(transactional_db):
    """A visit that runs today in Paris, with a session done and one coming up."""
    now = timezone.now()
    today_in_paris = now.astimezone(zoneinfo.ZoneInfo("Europe/Paris")).date()
    visit = published_visit(
        slug="running", start=today_in_paris - datetime.timedelta(days=1), days=4
    )
    DayFactory(
        bare=True,
        visit=visit,
        date=today_in_paris,
        heading_ru="Библиотеки",
        heading_fr="Bibliothèques",
        heading_en="Libraries",
    )
    SessionFactory(
        bare=True,
        visit=visit,
        starts_at=now - datetime.timedelta(hours=3),
        ends_at=now - datetime.timedelta(hours=2),
        title_fr="Breakfast (fr)",
        title_ru="Breakfast (ru)",
        title_en="Breakfast (en)",
    )
    coming = SessionFactory(
        bare=True,
        visit=visit,
        starts_at=now + datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=2),
        title_ru="Встреча в мэрии",
        title_fr="Rencontre à la mairie",
        title_en="Meeting at the town hall",
    )
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Анна Иванова",
        preferred_language="ru",
    )
    return visit, anna, coming


def test_a_phone_switches_language_sees_the_next_session_and_reloads_offline(
    live_server, phone, running_visit, monkeypatch
):
    visit, anna, coming = running_visit
    # The page on screen and the copy the phone keeps are two requests (the page asks its
    # worker to fetch itself): one moment for both, or the minute they print differs when
    # they fall on either side of a minute's turn (seen once in CI).
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    page = phone.new_page()
    page.goto(f"{live_server.url}/p/{anna.access_token}/")

    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text() == "Анна Иванова\nAnna Ivanova"
    assert page.locator(".status-card.is-next .status-title").inner_text() == "Встреча в мэрии"

    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/p/{anna.access_token}/?lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    next_card = page.locator(".status-card.is-next")
    assert next_card.locator(".status-title").inner_text() == "Meeting at the town hall"
    assert next_card.locator(".flag").inner_text() == "NEXT"
    assert page.locator(f"#session-{coming.pk}.is-next").is_visible()

    # The worker has stored this page; the note of when it was rendered comes with it.
    page.wait_for_selector("html[data-offline-ready=true]", timeout=15000)
    updated = page.locator("#updated").inner_text()
    assert updated.startswith("Last updated ")
    assert page.locator(".saved-note").is_visible()

    # A change made while the phone is offline cannot reach it: the copy is what it shows.
    # (as every writer does, the change stamps updated_at: the page's cache reads it)
    Session.objects.filter(pk=coming.pk).update(
        title_en="Moved to Rouen", updated_at=timezone.now()
    )
    phone.set_offline(True)
    page.reload()

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".status-card.is-next .status-title").inner_text() == (
        "Meeting at the town hall"
    )
    assert page.locator("#updated").inner_text().startswith(updated.split("\n")[0])
    assert page.locator(".offline-note").is_visible()
    assert page.locator(".offline-note").inner_text() == (
        "You are offline: this is the copy saved on this phone."
    )

    # Back online, the page comes from the network again and shows the change.
    phone.set_offline(False)
    page.reload()
    assert page.locator(".status-card.is-next .status-title").inner_text() == "Moved to Rouen"
    assert page.locator(".offline-note").is_hidden()


def test_the_page_works_with_javascript_off(live_server, chromium, running_visit):
    visit, anna, coming = running_visit
    context = chromium.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    page = context.new_page()

    page.goto(f"{live_server.url}/p/{anna.access_token}/?lang=en")
    page.get_by_role("link", name="Emergency").click()

    assert page.url.endswith("?lang=en#emergency")
    assert page.locator(".status-card.is-next .status-title").inner_text() == (
        "Meeting at the town hall"
    )
    assert page.locator("#emergency h2").is_visible()
    assert page.locator("#updated").inner_text().startswith("Last updated ")
    context.close()


def test_the_phone_layout_has_no_horizontal_scroll_and_large_tap_targets(
    live_server, phone, running_visit
):
    visit, anna, coming = running_visit
    page = phone.new_page()
    page.goto(f"{live_server.url}/p/{anna.access_token}/?lang=en")

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for selector in (".languages a", ".quick a", ".map-link", ".actions a"):
        for box in [link.bounding_box() for link in page.locator(selector).all()]:
            if box is not None:
                assert box["height"] >= 44, selector
