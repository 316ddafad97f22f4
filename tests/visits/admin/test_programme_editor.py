"""The programme editor: a visit's days and sessions on one page, and a short session form."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import (
    DayFactory,
    GroupFactory,
    OrganisationFactory,
    OrganiserFactory,
    SessionFactory,
    VisitFactory,
)
from visits.models import Phase, Session, TimePrecision

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2019, 5, day, hour, minute, tzinfo=PARIS)


@pytest.fixture
def dest():
    return OrganisationFactory(name_fr="D'EST", name_ru="D'EST", name_en="D'EST")


@pytest.fixture
def owner(dest):
    return OrganiserFactory(username="anna", organisation=dest)


@pytest.fixture
def visit(dest):
    return VisitFactory(
        organiser=dest, start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 14)
    )


@pytest.fixture
def mairie():
    return OrganisationFactory(name_fr="Mairie de Paris", name_ru="Мэрия Парижа")


def editor_url(visit) -> str:
    return reverse("admin:visits_visit_programme", args=[visit.pk])


def short_form(visit, **changes) -> dict:
    data = {
        "kind": "meeting",
        "time_precision": "exact",
        "date": "2019-05-13",
        "start": "14:00",
        "end": "15:30",
        "host": "",
        "interpretation": "",
        "private_notes": "",
        "languages": "ru,fr",
    }
    for code in ("ru", "fr", "en"):
        data[f"title_{code}"] = ""
        data[f"description_{code}"] = ""
    return data | changes


def cards(page: str) -> list[str]:
    """The session cards' titles in page order."""
    return re.findall(r'class="session-title"[^>]*>([^<]+)<', page)


def test_the_editor_shows_each_day_with_its_sessions_in_time_order(client, owner, visit):
    DayFactory(visit=visit, date=dt.date(2019, 5, 13), heading_en="Town halls")
    SessionFactory(visit=visit, title_en="Lunch", starts_at=at(13, 12), ends_at=at(13, 13))
    SessionFactory(visit=visit, title_en="Breakfast", starts_at=at(13, 8), ends_at=at(13, 9))
    SessionFactory(visit=visit, title_en="Arrival", starts_at=at(12, 15), ends_at=at(12, 16))
    client.force_login(owner)

    page = client.get(editor_url(visit)).content.decode()

    assert cards(page) == ["Arrival", "Breakfast", "Lunch"]
    assert "Sunday May 12, 2019" in page
    assert "Monday May 13, 2019" in page and "Town halls" in page
    # A free day still offers a place to start.
    assert "Tuesday May 14, 2019" in page and "Nothing planned yet." in page
    assert "08:00–09:00" in page
    assert f"{editor_url(visit)}?at=2019-05-13T13:00" in page
    # In Russian the day takes the month in the genitive; in French, in lower case.
    russian = client.get(editor_url(visit), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    french = client.get(editor_url(visit), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Понедельник 13 мая 2019 г." in russian
    assert "Lundi 13 mai 2019" in french
    assert ">lun 13 mai 2019 — Rencontres à Paris</option>" in french


def test_parallel_group_sessions_sit_side_by_side(client, owner, visit):
    museums, city = GroupFactory(visit=visit, name_en="Museums"), GroupFactory(visit=visit)
    SessionFactory(
        visit=visit, title_en="Louvre", starts_at=at(13, 10), ends_at=at(13, 12), groups=[museums]
    )
    SessionFactory(
        visit=visit, title_en="Town hall", starts_at=at(13, 10), ends_at=at(13, 11), groups=[city]
    )
    SessionFactory(visit=visit, title_en="Lunch", starts_at=at(13, 12), ends_at=at(13, 13))
    client.force_login(owner)

    page = client.get(editor_url(visit)).content.decode()

    slots = re.findall(
        r'<div class="programme-slot([^"]*)">(.*?)</div>\s*<a class="add-here"', page, re.S
    )
    assert [(kind, cards(body)) for kind, body in slots] == [
        (" is-parallel", ["Town hall", "Louvre"]),
        ("", ["Lunch"]),
    ]
    assert '<span class="group-badge">Museums</span>' in page


def test_a_session_card_names_its_hosts(client, owner, visit, mairie):
    other = OrganisationFactory(name_en="Musée Carnavalet")
    SessionFactory(
        visit=visit,
        title_en="Meeting at the town hall",
        starts_at=at(13, 10),
        ends_at=at(13, 11),
        hosts=[mairie, other],
    )
    client.force_login(owner)

    page = client.get(editor_url(visit), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    meta = re.search(r'<div class="session-meta">(.*?)</div>', page).group(1)
    assert meta.endswith(f" · {mairie}, Musée Carnavalet")


def test_a_missing_translation_shows_on_its_session(client, owner, visit):
    SessionFactory(visit=visit, title_en="Complete")
    gap = SessionFactory(
        visit=visit, title_en="Untranslated", title_fr="", starts_at=at(14, 9), ends_at=at(14, 10)
    )
    client.force_login(owner)

    page = client.get(editor_url(visit)).content.decode()

    card = page.split(f'id="session-{gap.pk}"')[1].split("</article>")[0]
    assert 'title="Missing in français">FR</span>' in card
    assert page.count('class="badge-missing" title=') == 1


def test_the_short_form_adds_a_session_in_two_languages_with_a_host(client, owner, visit, mairie):
    client.force_login(owner)
    data = short_form(
        visit,
        title_ru="Встреча в мэрии",
        title_fr="Rencontre à la mairie",
        description_ru="Политика приёма беженцев.",
        description_fr="La politique d'accueil des réfugiés.",
        host=mairie.pk,
    )

    response = client.post(editor_url(visit), data)

    session = Session.objects.get(visit=visit)
    assert (session.title_ru, session.title_fr) == ("Встреча в мэрии", "Rencontre à la mairie")
    assert session.description_fr == "La politique d'accueil des réfugiés."
    assert list(session.hosts.all()) == [mairie]
    assert session.starts_at == at(13, 14) and session.ends_at == at(13, 15, 30)
    # Back on the programme, the form ready for the session after this one.
    assert response.status_code == 302
    assert response["Location"] == (
        f"{editor_url(visit)}?languages=ru%2Cfr&at=2019-05-13T15%3A30#session-{session.pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Встреча в мэрии" in page or "Rencontre à la mairie" in page
    assert 'name="start" value="15:30"' in page and 'name="end" value="16:30"' in page


def test_bad_input_keeps_everything_typed_and_says_why_in_russian(client, owner, visit, mairie):
    client.force_login(owner)
    data = short_form(
        visit,
        start="16:00",
        end="15:00",
        description_ru="Политика приёма беженцев.",
        description_fr="La politique d'accueil.",
        host=mairie.pk,
    )

    response = client.post(editor_url(visit), data, HTTP_ACCEPT_LANGUAGE="ru")

    page = response.content.decode()
    assert response.status_code == 200
    assert not Session.objects.exists()
    assert "Мероприятие должно заканчиваться позже, чем начинается." in page
    assert "Политика приёма беженцев." in page and "La politique d&#x27;accueil." in page
    assert f'<option value="{mairie.pk}" selected>' in page
    assert 'value="16:00"' in page

    data["end"] = "17:00"
    response = client.post(editor_url(visit), data, HTTP_ACCEPT_LANGUAGE="ru")
    assert "Укажите название мероприятия хотя бы на одном языке." in response.content.decode()
    assert not Session.objects.exists()


def test_a_session_is_changed_in_the_same_form(client, owner, visit, mairie):
    other = OrganisationFactory(name_en="Musée")
    session = SessionFactory(
        visit=visit,
        title_fr="Rencontre",
        starts_at=at(13, 10),
        ends_at=at(13, 12),
        hosts=[mairie, other],
    )
    client.force_login(owner)

    page = client.get(editor_url(visit), {"session": session.pk}).content.decode()
    assert 'value="Rencontre"' in page
    assert 'name="start" value="10:00"' in page
    assert f'<option value="{mairie.pk}" selected>' in page

    data = short_form(
        visit,
        session=session.pk,
        title_fr="Rencontre à la mairie",
        title_ru="Встреча",
        start="10:30",
        end="12:00",
        host=mairie.pk,
        other_hosts=[other.pk],
    )
    response = client.post(editor_url(visit), data)

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title_fr == "Rencontre à la mairie"
    assert session.starts_at == at(13, 10, 30)
    assert set(session.hosts.all()) == {mairie, other}
    assert Session.objects.count() == 1


def test_groups_and_dates_offered_are_this_visits_only(client, owner, visit, dest):
    GroupFactory(visit=visit, name_en="Museums")
    GroupFactory(visit=VisitFactory(organiser=dest), name_en="Another visit's group")
    client.force_login(owner)

    page = client.get(editor_url(visit)).content.decode()

    assert "Museums" in page and "Another visit&#x27;s group" not in page
    dates = re.findall(r'<option value="(2019-05-\d\d)"', page)
    assert dates == ["2019-05-12", "2019-05-13", "2019-05-14"]


def test_an_outsider_cannot_open_or_post_to_the_editor(client, visit):
    outsider = OrganiserFactory(username="milena", organisation=OrganisationFactory())
    client.force_login(outsider)

    page = client.get(editor_url(visit), follow=True)
    posted = client.post(editor_url(visit), short_form(visit, title_fr="Intrus"))

    assert page.redirect_chain[-1][0] == reverse("admin:index")
    assert posted.status_code == 302 and not Session.objects.exists()


def test_the_visit_page_links_to_the_editor(client, owner, visit):
    SessionFactory(visit=visit)
    client.force_login(owner)

    page = client.get(reverse("admin:visits_visit_change", args=[visit.pk])).content.decode()

    assert "1 session" in page
    assert f'href="{editor_url(visit)}"' in page
    # The time zone is chosen from the list of zone names.
    assert '<select name="time_zone"' in page
    assert '<option value="Europe/Paris" selected>' in page


def test_the_session_page_offers_its_visits_groups_visits_with_dates_and_minutes(
    client, owner, visit, dest
):
    GroupFactory(visit=visit, name_en="Museums")
    GroupFactory(visit=VisitFactory(organiser=dest), name_en="Elsewhere")
    session = SessionFactory(visit=visit, starts_at=at(13, 10), ends_at=at(13, 12))
    client.force_login(owner)

    page = client.get(reverse("admin:visits_session_change", args=[session.pk])).content.decode()

    assert "Museums" in page and "Elsewhere" not in page
    assert f"{visit} (05/12/2019 – 05/14/2019)" in page
    assert 'name="starts_at_1" value="10:00"' in page


def test_a_long_programme_is_shown_phase_by_phase_with_approximate_times(client, owner, dest):
    visit = VisitFactory(
        organiser=dest, start_date=dt.date(2026, 9, 1), end_date=dt.date(2027, 2, 28)
    )
    trainees = GroupFactory(visit=visit, name_en="Trainees")
    training = Phase.objects.create(
        visit=visit,
        title_en="Training weeks",
        start_date=dt.date(2026, 10, 5),
        end_date=dt.date(2026, 10, 16),
    )
    training.groups.add(trainees)
    Phase.objects.create(
        visit=visit,
        title_en="Preparation",
        start_date=dt.date(2026, 9, 1),
        end_date=dt.date(2026, 9, 30),
    )
    SessionFactory(
        visit=visit,
        title_en="Legal workshop",
        time_precision=TimePrecision.MORNING,
        starts_at=dt.datetime(2026, 10, 6, 9, tzinfo=PARIS),
        ends_at=dt.datetime(2026, 10, 6, 12, 30, tzinfo=PARIS),
    )
    SessionFactory(
        visit=visit,
        title_en="Reading week",
        time_precision=TimePrecision.ALL_DAY,
        starts_at=dt.datetime(2026, 9, 14, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2026, 9, 15, 0, tzinfo=PARIS),
    )
    SessionFactory(
        visit=visit,
        title_en="Closing event",
        starts_at=dt.datetime(2027, 2, 26, 18, tzinfo=PARIS),
        ends_at=dt.datetime(2027, 2, 26, 20, tzinfo=PARIS),
    )
    client.force_login(owner)

    page = client.get(editor_url(visit)).content.decode()

    headings = re.findall(r'<header class="phase-header">\s*<h2>([^<]+)<', page)
    assert [heading.strip() for heading in headings] == [
        "Preparation",
        "Training weeks",
        "Outside the phases",
    ]
    preparation, training_section, outside = page.split('<header class="phase-header">')[1:]
    assert cards(preparation) == ["Reading week"] and "All day" in preparation
    assert cards(training_section) == ["Legal workshop"] and "Morning" in training_section
    assert '<span class="group-badge">Trainees</span>' in training_section
    assert cards(outside) == ["Closing event"]
    # Months of free days are not listed one by one; the phases' first days are.
    assert "Monday Oct. 5, 2026" in training_section
    assert "Thursday Oct. 1, 2026" not in page


def test_an_approximate_time_needs_no_start_or_end(client, owner, visit):
    client.force_login(owner)

    client.post(
        editor_url(visit),
        short_form(visit, title_fr="Atelier", time_precision="afternoon", start="", end=""),
    )

    session = Session.objects.get()
    assert session.time_precision == TimePrecision.AFTERNOON
    assert (session.starts_at, session.ends_at) == (at(13, 14), at(13, 18))

    response = client.post(editor_url(visit), short_form(visit, title_fr="Sans heure", end=""))
    assert "Give the time, or choose an approximate one." in response.content.decode()


def test_a_session_on_a_date_without_a_day_gives_the_programme_that_day(client, owner, visit):
    client.force_login(owner)
    assert not visit.days.exists()

    response = client.post(
        editor_url(visit),
        short_form(visit, title_fr="Journée au tribunal", time_precision="all_day", end=""),
    )

    assert [day.date for day in visit.days.all()] == [dt.date(2019, 5, 13)]
    # Nothing left for the check to refuse publishing for.
    page = client.get(response["Location"]).content.decode()
    assert "which has no day in the programme" not in page
    # The next session waits on the same day, in the morning, not at midnight after it.
    assert "at=2019-05-13T09%3A00" in response["Location"]
    assert 'name="start" value="09:00"' in page
