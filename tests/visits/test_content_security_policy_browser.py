"""Every page we serve works under the site's Content-Security-Policy, the admin included.

Chromium reports each refused inline script, inline style or foreign origin on the
console; a page that needed one would show it there (and break for the organiser).
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from participants.models import Participant
from visits.demo.loader import demo_load
from visits.models import Day, Resource, Session, Visit

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    visits = demo_load()
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    return visits, superuser


def admin_pages(visit: Visit) -> list[str]:
    session = Session.objects.filter(visit=visit).first()
    day = Day.objects.filter(visit=visit).first()
    participant = Participant.objects.filter(visit=visit).first()
    resource = Resource.objects.filter(visit=visit).first()
    record_pages = [
        reverse(f"admin:{app}_{model}_{page}", args=args)
        for app, model in [
            ("organisations", "organisation"),
            ("organisations", "person"),
            ("organisations", "venue"),
            ("visits", "visit"),
            ("visits", "session"),
            ("visits", "day"),
            ("visits", "resource"),
            ("participants", "participant"),
            ("participants", "group"),
        ]
        for page, args in [("changelist", []), ("add", [])]
    ]
    return [
        reverse("admin:index"),
        *record_pages,
        reverse("admin:visits_visit_change", args=[visit.pk]),
        reverse("admin:visits_visit_check", args=[visit.pk]),
        reverse("admin:visits_visit_translations", args=[visit.pk]),
        reverse("admin:visits_visit_duplicate", args=[visit.pk]),
        reverse("admin:visits_session_change", args=[session.pk]),
        reverse("admin:visits_day_change", args=[day.pk]),
        reverse("admin:visits_resource_change", args=[resource.pk]),
        reverse("admin:participants_participant_change", args=[participant.pk]),
        reverse("admin:participants_participant_import"),
        reverse("admin:participants_participant_export"),
        reverse("admin:organisations_organisation_change", args=[visit.organiser_id]),
        reverse("admin:organisations_venue_change", args=[session.venue_id]),
        reverse("admin:password_change"),
    ]


def logged_in(chromium, live_server, user):
    """A browser context with the user's session, as after a login."""
    client = Client()
    client.force_login(user)
    context = chromium.new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context


def open_and_collect(context, url: str) -> list[str]:
    problems: list[str] = []
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            problems.append(f"{url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{url}: {error}"))
    response = page.goto(url)
    assert response.status == 200, url
    # Directives in any order (django-csp does not fix one): script-src is exactly 'self'.
    directives = [d.strip() for d in response.headers["content-security-policy"].split(";")]
    assert "script-src 'self'" in directives, url
    page.wait_for_load_state("networkidle")
    page.close()
    return problems


def test_no_admin_page_breaks_the_policy(live_server, chromium, demo):
    visits, superuser = demo
    context = logged_in(chromium, live_server, superuser)

    problems = []
    for path in admin_pages(visits[0]):
        problems += open_and_collect(context, live_server.url + path)

    assert problems == []
    context.close()


def test_the_tabbed_translations_language_switch_and_export_still_work(live_server, chromium, demo):
    visits, superuser = demo
    context = logged_in(chromium, live_server, superuser)
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:visits_visit_change", args=[visits[0].pk]))

    # modeltranslation's tabs are drawn by script: their presence proves it ran.
    assert page.locator(".ui-tabs-nav").first.is_visible()
    with page.expect_navigation():
        page.select_option("#admin-language", "ru")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.goto(live_server.url + reverse("admin:participants_participant_export"))
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')

    page.uncheck("#select-all-toggle")

    assert fields.count() > 3
    assert [fields.nth(i).is_checked() for i in range(fields.count())] == [False] * fields.count()
    context.close()


def test_no_public_or_personal_page_breaks_the_policy(live_server, chromium, demo):
    visits, _superuser = demo
    visit = next(visit for visit in visits if visit.status == Visit.Status.PUBLISHED)
    participant = Participant.objects.filter(visit=visit).first()
    context = chromium.new_context()

    problems = []
    for path in [f"/v/{visit.slug}/", f"/p/{participant.access_token}/"]:
        problems += open_and_collect(context, live_server.url + path)

    assert problems == []
    context.close()
