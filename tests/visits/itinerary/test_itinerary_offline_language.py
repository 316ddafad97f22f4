"""Offline, the itinerary keeps the language the participant chose, not the default one."""

import pytest

from tests.visits.itinerary.test_offline_browser import running_visit  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser


def test_offline_the_bare_link_opens_in_the_language_last_chosen(
    live_server,
    phone,
    running_visit,  # noqa: F811
):
    _visit, anna, _coming = running_visit
    page = phone.new_page()
    page.goto(f"{live_server.url}/p/{anna.access_token}/")
    assert page.locator("html").get_attribute("lang") == "ru"

    page.get_by_role("link", name="Français", exact=True).click()
    page.wait_for_url(f"{live_server.url}/p/{anna.access_token}/?lang=fr")
    page.wait_for_selector("html[data-offline-ready=true]", timeout=15000)

    phone.set_offline(True)
    # The installed app or a bookmark opens the link without ?lang=.
    page.goto(f"{live_server.url}/p/{anna.access_token}/")

    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".offline-note").is_visible()
