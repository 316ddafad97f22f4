"""A programme as organisers bring them: phases over months, two groups, a phase for one
group, approximate times and a speaker known by role, read by each group, a calendar, the
public and a bilingual booklet."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from organisations.models import Organisation, Person
from tests.factories import (
    DayFactory,
    GroupFactory,
    OrganisationFactory,
    ParticipantFactory,
    SessionFactory,
    VisitFactory,
    VisitOrganisationFactory,
)
from tests.visits.booklets.conftest import pdf_pages
from visits.booklets.selectors import booklet_content
from visits.booklets.services import booklet_mode_parse, booklet_pdf
from visits.models import Session, VisitOrganisation, approximate_span

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
T = Session.TimePrecision


def approximate(visit, date, precision, **fields):
    starts_at, ends_at = approximate_span(date=date, time_precision=precision, zone=PARIS)
    return SessionFactory(
        visit=visit, starts_at=starts_at, ends_at=ends_at, time_precision=precision, **fields
    )


def exact(visit, date, hour, **fields):
    starts_at = dt.datetime.combine(date, dt.time(hour), tzinfo=PARIS)
    return SessionFactory(
        visit=visit, starts_at=starts_at, ends_at=starts_at + dt.timedelta(hours=2), **fields
    )


@pytest.fixture
def exchange():
    return build_exchange()


def build_exchange():
    """October 2026 to April 2027: two years and both clock changes of Europe/Paris."""
    visit = VisitFactory(
        slug="exchange",
        title_fr="Échange de pratiques juridiques",
        title_ru="Обмен юридическими практиками",
        start_date=dt.date(2026, 10, 15),
        end_date=dt.date(2027, 4, 15),
        status="published",
    )
    lawyers = GroupFactory(visit=visit, name_fr="Juristes", name_ru="Юристы")
    librarians = GroupFactory(visit=visit, name_fr="Bibliothécaires", name_ru="Библиотекари")
    anna = ParticipantFactory(
        visit=visit, name_latin="Anna Ivanova", preferred_language="ru", groups=[lawyers]
    )
    boris = ParticipantFactory(
        visit=visit, name_latin="Boris Petrov", preferred_language="fr", groups=[librarians]
    )
    partner = OrganisationFactory(
        name_fr="Association partenaire", kind=Organisation.Kind.FOUNDATION
    )
    VisitOrganisationFactory(visit=visit, organisation=partner, role=VisitOrganisation.Role.PARTNER)
    VisitOrganisationFactory(
        visit=visit, organisation=partner, role=VisitOrganisation.Role.SUPPORTER
    )
    director = Person.objects.create(
        role_fr="Directrice du service juridique",
        role_ru="Директор юридической службы",
        organisation=partner,
    )

    visit.phases.create(
        title_fr="Préparation",
        title_ru="Подготовка",
        description_fr="Lectures et réunion de lancement en ligne.",
        description_ru="Чтение и установочная встреча онлайн.",
        start_date=dt.date(2026, 10, 15),
        end_date=dt.date(2026, 10, 31),
    )
    training = visit.phases.create(
        title_fr="Semaine de formation des juristes",
        title_ru="Учебная неделя юристов",
        start_date=dt.date(2026, 11, 16),
        end_date=dt.date(2026, 11, 20),
        position=1,
    )
    training.groups.add(lawyers)
    visit.phases.create(
        title_fr="Ateliers mensuels",
        title_ru="Ежемесячные семинары",
        start_date=dt.date(2027, 1, 1),
        end_date=dt.date(2027, 3, 31),
        position=2,
    )
    # The librarians' workshop day has a heading of its own but concerns them alone.
    DayFactory(visit=visit, date=dt.date(2027, 2, 11), heading_fr="Atelier", heading_ru="Семинар")
    for date in (dt.date(2026, 11, 16), dt.date(2026, 11, 17), dt.date(2026, 11, 18)):
        DayFactory(visit=visit, date=date, heading_fr="Formation", heading_ru="Обучение")

    approximate(
        visit,
        dt.date(2026, 10, 20),
        T.TO_BE_CONFIRMED,
        title_fr="Réunion de lancement",
        title_ru="Установочная встреча",
    )
    approximate(
        visit,
        dt.date(2026, 11, 16),
        T.MORNING,
        title_fr="Le droit des associations",
        title_ru="Право ассоциаций",
        speakers=[director],
        groups=[lawyers],
    )
    approximate(
        visit,
        dt.date(2026, 11, 17),
        T.ALL_DAY,
        title_fr="Journée au tribunal",
        title_ru="День в суде",
        groups=[lawyers],
    )
    exact(
        visit,
        dt.date(2027, 2, 11),
        10,
        title_fr="Atelier des bibliothécaires",
        title_ru="Семинар библиотекарей",
        groups=[librarians],
    )
    exact(
        visit,
        dt.date(2027, 3, 30),
        10,
        title_fr="Atelier du printemps",
        title_ru="Весенний семинар",
    )
    approximate(
        visit,
        dt.date(2027, 4, 15),
        T.EVENING,
        title_fr="Soirée de clôture",
        title_ru="Заключительный вечер",
    )
    return visit, anna, boris


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_each_group_reads_its_own_phases_days_and_approximate_times(client, exchange):
    _visit, anna, boris = exchange

    anna_page = page(client, f"/p/{anna.access_token}/")
    anna_text = text_of(anna_page)
    boris_text = text_of(page(client, f"/p/{boris.access_token}/"))

    # Phases as headings with their dates and words, then their days, with the year.
    assert "Подготовка" in anna_text
    assert "15–31 октября 2026" in anna_text
    assert "Чтение и установочная встреча онлайн." in anna_text
    assert "Учебная неделя юристов" in anna_text
    assert "Понедельник 16 ноября 2026" in anna_text
    # Approximate times in words, never invented hours.
    assert "Время уточняется" in anna_text
    assert "Утро" in anna_text and "Весь день" in anna_text
    assert "09:00" not in anna_text
    # The speaker known by role.
    assert "Директор юридической службы" in anna_text
    # Another group's day is not "nothing planned for you": it is not there at all.
    assert "Семинар библиотекарей" not in anna_text
    assert 'id="day-2027-02-11"' not in anna_page

    # The librarians see neither the lawyers' phase nor its days.
    assert "Semaine de formation des juristes" not in boris_text
    assert "16 novembre" not in boris_text
    assert "Atelier des bibliothécaires" in boris_text
    assert "jeudi 11 février 2027" in boris_text
    assert "Horaire à confirmer" in boris_text and "Soir" in boris_text
    # Each day after a clock change carries its own offset.
    assert re.search(r"mardi 30 mars 2027\s*UTC\+02:00", boris_text)
    assert re.search(r"mardi 20 octobre 2026\s*UTC\+02:00", boris_text)
    assert "à l’heure de Paris (UTC+02:00, UTC+01:00 à partir du 25 octobre 2026, " in boris_text
    assert "Rien de prévu pour vous" not in boris_text
    # A programme over two years says both years in its dates.
    assert "15 octobre 2026 – 15 avril 2027" in boris_text


def test_the_calendar_says_what_is_known_of_each_time(client, exchange):
    _visit, anna, _boris = exchange

    body = client.get(f"/p/{anna.access_token}/calendar.ics").content.decode()
    events = {str(event["SUMMARY"]): event for event in Calendar.from_ical(body).walk("VEVENT")}

    unconfirmed = events["Установочная встреча (время уточняется)"]
    assert "DTSTART;VALUE=DATE:20261020" in body and "DTEND;VALUE=DATE:20261021" in body
    assert str(unconfirmed["DESCRIPTION"]).startswith("Время уточняется: дата известна")
    assert "DTSTART;VALUE=DATE:20261117" in body and "DTEND;VALUE=DATE:20261118" in body
    assert "День в суде" in events
    morning = events["Право ассоциаций (утро)"]
    assert morning.decoded("DTSTART") == dt.datetime(2026, 11, 16, 9, tzinfo=PARIS)
    assert str(morning["DESCRIPTION"]).startswith("Утро: точное время пока не назначено.")
    assert "Директор юридической службы (Association partenaire)" in str(morning["DESCRIPTION"])
    assert "Семинар библиотекарей" not in body


def test_the_public_page_shows_every_phase_and_each_organisation_once(client, exchange):
    html = page(client, "/v/exchange/?lang=fr")
    text = text_of(html)

    assert "Semaine de formation des juristes" in text
    # The librarians' day says for whom it is, as their itinerary alone shows it.
    day = html[html.index('id="day-2027-02-11"') :]
    assert "Pour : Bibliothécaires" in text_of(day[: day.index("</header>")]).replace("\u00a0", " ")
    assert "Pour : Juristes" in text.replace("\u00a0", " ")
    organisations = text[text.index("Organisateurs et partenaires") :][:200]
    assert organisations.count("Association partenaire") == 1
    assert "Association partenaire · partenaire, soutien ou financeur" in organisations


def test_a_bilingual_booklet_prints_phases_times_and_roles(exchange):
    visit, _anna, _boris = exchange

    pdf, _version = booklet_pdf(
        visit=visit, mode=booklet_mode_parse(languages="ru+fr", paper="a4"), participant=None
    )
    text = " ".join(pdf_pages(pdf))

    for words in (
        "Подготовка",
        "Préparation",
        "Учебная неделя юристов",
        "Semaine de formation des juristes",
        "16–20 novembre 2026",
        "Lundi 16 novembre 2026",
        "Утро",
        "Matin",
        "Horaire à confirmer",
        "Toute la journée",
        "Directrice du service juridique",
        "Директор юридической службы",
    ):
        assert words in text, words
    # The partner that also supports: once on the cover in each language, with both parts.
    cover = pdf_pages(pdf)[0]
    assert cover.count("Association partenaire") == 2
    assert "ПАРТНЁРЫ · ПРИ ПОДДЕРЖКЕ Association partenaire" in cover
    assert "PARTENAIRES · AVEC LE SOUTIEN DE Association partenaire" in cover


def test_a_personal_booklet_holds_the_phases_and_days_of_its_reader(exchange):
    visit, anna, boris = exchange

    def outline(participant):
        content = booklet_content(
            visit=visit, languages=["fr"], paper="a5", participant=participant
        )
        return [
            (
                section.columns[0].title.value if section.columns else None,
                [d.date for d in section.days],
            )
            for section in content.sections
        ]

    assert outline(boris) == [
        ("Préparation", ["2026-10-20"]),
        ("Ateliers mensuels", ["2027-02-11", "2027-03-30"]),
        (None, ["2027-04-15"]),
    ]
    assert outline(anna) == [
        ("Préparation", ["2026-10-20"]),
        ("Semaine de formation des juristes", ["2026-11-16", "2026-11-17", "2026-11-18"]),
        ("Ateliers mensuels", ["2027-03-30"]),
        (None, ["2027-04-15"]),
    ]
