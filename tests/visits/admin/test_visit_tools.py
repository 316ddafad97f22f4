import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from organisations.models import Venue
from tests.factories import (
    GroupFactory,
    OrganisationFactory,
    OrganiserFactory,
    ParticipantFactory,
)
from tests.scenarios import PARIS, may_2019, paris_rouen_programme, plain_session
from visits.models import Day, Session, Visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]


@pytest.fixture
def visit():
    return paris_rouen_programme()


@pytest.fixture
def owner(visit):
    return OrganiserFactory(username="anna", organisation=visit.organiser)


@pytest.fixture
def outsider():
    return OrganiserFactory(
        username="milena",
        organisation=OrganisationFactory(bare=True, name_fr="France terre d'asile"),
    )


def url(name: str, visit) -> str:
    return reverse(f"admin:visits_visit_{name}", args=[visit.pk])


def add_overlap(visit):
    return plain_session(
        visit,
        "Musée Carnavalet",
        may_2019(13, 11),
        may_2019(13, 12),
        venue=Venue.objects.get(name_fr="Hôtel de Ville"),
    )


# -- the change page and the check page ---------------------------------------------------


def test_the_programme_editor_shows_the_findings_with_links(client, owner, visit):
    clash = add_overlap(visit)
    client.force_login(owner)

    page = client.get(url("programme", visit)).content.decode()

    assert "1 error" in page
    assert "overlap for the same participants" in page
    assert reverse("admin:visits_session_change", args=[clash.pk]) in page
    assert url("check", visit) in page


def test_a_clean_programme_says_so(client, owner, visit):
    client.force_login(owner)

    page = client.get(url("programme", visit)).content.decode()

    assert "nothing to fix" in page


@pytest.mark.parametrize("name", ["check", "translations", "duplicate"])
def test_an_outsider_reaches_none_of_the_desk_pages(client, outsider, visit, name):
    client.force_login(outsider)

    response = client.get(url(name, visit), follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "doesn’t exist" in response.content.decode()
    assert "Rencontre à la Mairie" not in response.content.decode()


def test_an_outsider_cannot_publish_by_posting(client, outsider, visit):
    client.force_login(outsider)

    client.post(url("check", visit), {"confirm_warnings": "on"})

    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT


def test_publishing_with_errors_is_refused_with_the_list(client, owner, visit):
    add_overlap(visit)
    client.force_login(owner)

    response = client.post(url("check", visit), {"confirm_warnings": "on"}, follow=True)

    page = response.content.decode()
    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT
    assert "Not published: 1 error must be fixed first." in page
    assert "overlap for the same participants" in page
    assert "Publishing is refused while 1 error remains." in page


def test_publishing_with_warnings_needs_a_confirmation(client, owner, visit):
    plain_session(visit, "Rencontre", may_2019(13, 15), may_2019(13, 16))
    client.force_login(owner)

    refused = client.post(url("check", visit), {})
    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT
    assert "Tick the box to confirm that you have read the warnings" in refused.content.decode()
    assert "has no venue and no meeting point" in refused.content.decode()

    accepted = client.post(url("check", visit), {"confirm_warnings": "on"})
    visit.refresh_from_db()
    assert accepted.status_code == 302
    assert visit.status == Visit.Status.PUBLISHED


def test_a_clean_programme_is_published_at_once(client, owner, visit):
    client.force_login(owner)

    client.post(url("check", visit), {})

    visit.refresh_from_db()
    assert visit.status == Visit.Status.PUBLISHED


def test_the_status_menu_does_not_publish_around_the_check(client, owner, visit):
    client.force_login(owner)
    data = {
        "title_ru": visit.title_ru,
        "title_fr": visit.title_fr,
        "slug": visit.slug,
        "status": "published",
        "organiser": visit.organiser_id,
        "start_date": "2019-05-13",
        "end_date": "2019-05-14",
        "time_zone": "Europe/Paris",
        "first_language": "ru",
        "second_language": "fr",
    }
    for prefix in (
        "organisation_roles",
        "groups",
        "days",
        "sessions",
        "resources",
        "emergency_contacts",
        "travel_times",
    ):
        data |= {f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0}

    response = client.post(url("change", visit), data)

    visit.refresh_from_db()
    assert visit.status == Visit.Status.DRAFT
    assert "is published from its “Check and publish” page" in response.content.decode()
    assert 'value="Учебный визит в Париж и Руан"' in response.content.decode()


# -- the translator's page -------------------------------------------------------------------


def test_the_translators_page_lists_missing_first_and_counts_what_remains(client, owner, visit):
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.description_fr = "Présentation du plan."
    meeting.save()
    client.force_login(owner)

    response = client.get(url("translations", visit), {"language": "ru"})

    rows = response.context["rows"]
    assert [(row["entry"].field, row["entry"].state) for row in rows[:1]] == [
        ("description", "missing")
    ]
    assert rows[0]["entry"].source_text == "Présentation du plan."
    assert {tab["code"]: tab["remaining"] for tab in response.context["tabs"]} == {
        "ru": 1,
        "fr": 0,
    }
    assert "1 to do" in response.content.decode()


def test_a_translation_typed_in_place_is_saved_and_no_longer_missing(client, owner, visit):
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.description_fr = "Présentation du plan."
    meeting.save()
    client.force_login(owner)
    key = f"visits.session.{meeting.pk}.description.ru"

    response = client.post(
        url("translations", visit) + "?language=ru", {f"text-{key}": "Презентация плана."}
    )

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert meeting.description_ru == "Презентация плана."
    assert client.get(url("translations", visit)).context["tabs"][0]["remaining"] == 0


def test_a_stale_translation_can_be_declared_still_right(client, owner, visit):
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.title_fr = "Rencontre à la Mairie de Paris !"
    meeting.save()
    client.force_login(owner)
    key = f"visits.session.{meeting.pk}.title.ru"
    page = client.get(url("translations", visit), {"language": "ru"})
    assert page.context["rows"][0]["entry"].state == "stale"

    client.post(
        url("translations", visit) + "?language=ru",
        {f"text-{key}": meeting.title_ru, f"confirm-{key}": "on"},
    )

    after = client.get(url("translations", visit), {"language": "ru"}).context["rows"]
    assert {row["entry"].state for row in after} == {"done"}


def test_a_too_long_translation_is_explained_and_nothing_typed_is_lost(client, owner, visit):
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    paris = Day.objects.get(date=dt.date(2019, 5, 13))
    client.force_login(owner)
    long_title = "Очень длинное название " * 20

    response = client.post(
        url("translations", visit) + "?language=ru",
        {
            f"text-visits.session.{meeting.pk}.title.ru": long_title,
            f"text-visits.day.{paris.pk}.heading.ru": "Париж, день первый",
        },
    )

    page = response.content.decode()
    paris.refresh_from_db()
    assert "Nothing was saved: correct the texts marked below." in page
    assert f"At most 300 characters; this text has {len(long_title.strip())}." in page
    assert long_title.strip() in page
    assert 'value="Париж, день первый"' in page
    assert paris.heading_ru == "Париж"


def test_texts_of_another_visit_cannot_be_posted_through_this_one(client, owner, visit):
    other = paris_rouen_programme(slug="cifer-paris")
    stranger = Session.objects.filter(visit=other).first()
    client.force_login(owner)

    client.post(
        url("translations", visit) + "?language=ru",
        {f"text-visits.session.{stranger.pk}.title.ru": "Взлом"},
    )

    stranger.refresh_from_db()
    assert stranger.title_ru != "Взлом"


# -- duplication ------------------------------------------------------------------------------


def test_duplicating_shifts_the_programme_and_leaves_the_delegation(client, owner, visit):
    museums = GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)")
    Session.objects.get(title_fr="Déjeuner").groups.add(museums)
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        groups=[museums],
    )
    client.force_login(owner)

    response = client.post(
        url("duplicate", visit), {"start_date": "2020-05-11", "slug": "paris-rouen-2020"}
    )

    new = Visit.objects.get(slug="paris-rouen-2020")
    assert response.status_code == 302
    assert response["Location"] == url("change", new)
    assert (new.start_date, new.end_date, new.status) == (
        dt.date(2020, 5, 11),
        dt.date(2020, 5, 12),
        Visit.Status.DRAFT,
    )
    assert new.title_ru == visit.title_ru
    assert list(new.days.values_list("date", "heading_fr")) == [
        (dt.date(2020, 5, 11), "Paris"),
        (dt.date(2020, 5, 12), "Rouen"),
    ]
    first = new.sessions.order_by("starts_at").first()
    assert first.starts_at.astimezone(PARIS) == dt.datetime(2020, 5, 11, 10, 0, tzinfo=PARIS)
    assert first.venue == Session.objects.get(visit=visit, title_fr=first.title_fr).venue
    assert Venue.objects.count() == 2
    assert [str(h) for h in first.hosts.all()] == ["Mairie de Paris"]
    lunch = new.sessions.get(title_fr="Déjeuner")
    assert [(g.name_fr, g.visit_id) for g in lunch.groups.all()] == [("Musées", new.pk)]
    assert new.participants.count() == 0
    assert visit.sessions.count() == new.sessions.count() == 4


def test_a_taken_short_name_is_explained_and_the_date_kept(client, owner, visit):
    client.force_login(owner)

    response = client.post(
        url("duplicate", visit), {"start_date": "2020-05-11", "slug": visit.slug}
    )

    page = response.content.decode()
    assert "Another visit already uses this short name." in page
    assert 'value="2020-05-11"' in page
    assert Visit.objects.count() == 1


@pytest.mark.parametrize("start_date", ["9999-12-31", "0202-05-11"])
def test_a_first_day_centuries_away_is_explained(client, owner, visit, start_date):
    client.force_login(owner)

    response = client.post(url("duplicate", visit), {"start_date": start_date, "slug": "copie"})

    assert "Give a first day between the years 2000 and 2100." in response.content.decode()
    assert 'value="copie"' in response.content.decode()
    assert Visit.objects.count() == 1


def test_the_duplicate_page_suggests_next_year(client, owner, visit):
    client.force_login(owner)

    form = client.get(url("duplicate", visit)).context["form"]

    assert form.initial == {"start_date": dt.date(2020, 5, 11), "slug": "paris-rouen-2020"}


def test_the_list_action_leads_to_the_duplicate_page(client, owner, visit):
    client.force_login(owner)

    response = client.post(
        reverse("admin:visits_visit_changelist"),
        {"action": "duplicate_action", "_selected_action": [visit.pk]},
    )

    assert response["Location"] == url("duplicate", visit)


def test_a_copy_keeps_summer_time_wall_clock(visit):
    from visits.services import visit_duplicate

    winter = visit_duplicate(visit=visit, start_date=dt.date(2019, 12, 2), slug="hiver")

    first = winter.sessions.order_by("starts_at").first()
    assert first.starts_at.astimezone(PARIS).time() == dt.time(10, 0)
    # The visit handed in is still last year's, in memory and in the database.
    assert (visit.slug, visit.start_date) == ("paris-rouen-2019", dt.date(2019, 5, 13))
    assert Visit.objects.get(pk=visit.pk).slug == "paris-rouen-2019"
    assert winter.pk != visit.pk
    assert sorted(s.title_fr for s in winter.sessions.all()) == sorted(
        s.title_fr for s in visit.sessions.all()
    )


# -- the command ------------------------------------------------------------------------------


def test_the_command_prints_findings_and_fails_on_an_error(visit):
    add_overlap(visit)
    out, err = StringIO(), StringIO()

    with pytest.raises(SystemExit) as exit_:
        call_command("check_programme", visit.slug, stdout=out, stderr=err, no_color=True)

    assert exit_.value.code == 1
    assert "error: «Rencontre à la Mairie de Paris»" in out.getvalue()
    assert "paris-rouen-2019: 1 errors, 0 warnings." in err.getvalue()


def test_the_command_passes_with_warnings_only(visit):
    plain_session(visit, "Rencontre", may_2019(13, 15), may_2019(13, 16))
    out = StringIO()

    call_command("check_programme", visit.slug, stdout=out, no_color=True)

    assert "warning: «Rencontre» (2019-05-13 15:00–16:00) has no venue" in out.getvalue()
    assert "0 errors, 1 warnings." in out.getvalue()


def test_the_command_names_an_unknown_visit():
    with pytest.raises(CommandError, match="No visit has the short name “nowhere-2030”."):
        call_command("check_programme", "nowhere-2030")
