"""One Content-Security-Policy on every page: nothing inline, nothing from another origin."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ParticipantFactory
from tests.scenarios import published_visit

pytestmark = pytest.mark.django_db

SITE_POLICY = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
}


def policy_of(response) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


def test_public_personal_and_admin_pages_carry_the_sites_policy(client, admin_user):
    visit = published_visit()
    anna = ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna Ivanova", name_native="Anna Ivanova"
    )

    public = client.get("/v/paris-2026/")
    personal = client.get(f"/p/{anna.access_token}/")
    calendar = client.get(f"/p/{anna.access_token}/calendar.ics")
    login = client.get("/admin/login/")
    client.force_login(admin_user)
    desk = client.get(f"/admin/visits/visit/{visit.pk}/change/")

    for response in (public, personal, calendar, login, desk):
        assert policy_of(response) >= SITE_POLICY, response.request["PATH_INFO"]
        assert "unsafe-inline" not in response["Content-Security-Policy"]


TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)


@pytest.mark.parametrize(
    "template",
    sorted(
        path
        for path in TEMPLATES.rglob("*.html")
        # Booklets are printed by WeasyPrint and e-mails read by mail programs, not by
        # browsers under our policy; the booklet's waiting page is a page.
        if path.parts[len(TEMPLATES.parts)] not in {"booklet", "email"}
        or path.name == "status.html"
    ),
    ids=lambda path: str(path.relative_to(TEMPLATES)),
)
def test_no_page_template_of_ours_has_inline_script_or_style(template):
    assert INLINE.findall(template.read_text()) == []
