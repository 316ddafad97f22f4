"""axe-core on what delegations and organisers read: no serious or critical violation.

axe-core comes from npm (``.ci/run`` installs it under tests/.axe); without it the
checks are skipped on a workstation and fail in CI, like the browser itself.
"""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from tests.scenarios import delegation_in_paris as build_delegation
from tests.scenarios import session_on_day as build_session

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / ".axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> str:
    path = Path(os.environ.get("AXE_CORE_JS", AXE))
    if not path.exists():
        message = f"{path} is missing: npm install --no-save --prefix tests/.axe axe-core@4"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path.read_text(encoding="utf-8")


def serious_violations(page, axe_script: str) -> list[str]:
    # The personal pages forbid inline scripts; the context bypasses that policy for axe.
    page.add_script_tag(content=axe_script)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {len(violation['nodes'])} × "
        f"{violation['nodes'][0]['target']}"
        for violation in result["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def running_delegation(transactional_db):
    """A delegation in the middle of its visit: days over, today, days to come."""
    today = timezone.localdate(timezone=datetime.UTC)
    delegation = build_delegation(start=today - datetime.timedelta(days=2), days=5)
    for day in range(5):
        build_session(delegation.visit, day=day, hour=9, title=f"Morning {day}")
        build_session(delegation.visit, day=day, hour=15, title=f"Afternoon {day}")
    return delegation


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["ru", "fr"])
def test_the_itinerary_and_the_public_page_pass_axe(
    live_server, chromium, axe_script, running_delegation, width, language
):
    context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    delegation = running_delegation
    found = {}
    for path in (
        f"/p/{delegation.anna.access_token}/?lang={language}",
        f"/v/{delegation.visit.slug}/?lang={language}",
    ):
        page.goto(live_server.url + path)
        found[path] = serious_violations(page, axe_script)
    context.close()

    assert found == {path: [] for path in found}


def test_the_admin_visit_page_passes_axe(live_server, chromium, axe_script, running_delegation):
    user = get_user_model().objects.create_superuser("axe", "axe@example.org", "not-used-here")
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/visits/visit/{running_delegation.visit.pk}/change/")
    assert page.locator("#visit_form").count() == 1

    violations = serious_violations(page, axe_script)
    context.close()

    assert violations == [], "\n".join(violations)
