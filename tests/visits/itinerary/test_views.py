"""What a participant reads on their itinerary page."""

import datetime
import zoneinfo
from urllib.parse import urljoin

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from organisations.models import Person
from tests.factories import (
    DayFactory,
    GroupFactory,
    OrganisationFactory,
    ParticipantFactory,
    PersonFactory,
    ResourceFactory,
    SessionFactory,
    VenueFactory,
)
from tests.scenarios import published_visit, visit_time
from visits.models import Resource, Session


def page_of(client, participant, query: str = "") -> str:
    response = client.get(f"/p/{participant.access_token}/{query}")
    assert response.status_code == 200
    return response.content.decode()


def freeze_now(monkeypatch, moment: datetime.datetime) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_the_page_shows_only_the_participants_sessions(client, delegation):
    anna = page_of(client, delegation.anna)
    pierre = page_of(client, delegation.pierre)
    olga = page_of(client, delegation.olga)

    assert '<h3 class="session-title">Приветствие</h3>' in anna
    assert '<h3 class="session-title">Экскурсия по библиотеке</h3>' in anna
    assert "Экскурсия по музею" not in anna

    assert '<h3 class="session-title">Accueil</h3>' in pierre
    assert '<h3 class="session-title">Visite du musée</h3>' in pierre
    assert "Visite de la bibliothèque" not in pierre

    assert '<h3 class="session-title">Welcome</h3>' in olga
    assert "Library tour" not in olga
    assert "Museum tour" not in olga


def test_the_page_opens_in_the_preferred_language_and_switches(client, delegation):
    russian = page_of(client, delegation.anna)
    french = page_of(client, delegation.anna, "?lang=fr")
    unknown = page_of(client, delegation.anna, "?lang=xx")
    token = delegation.anna.access_token

    assert '<html lang="ru">' in russian
    assert '<span class="day-date">Понедельник 16 марта</span>' in russian
    assert '<html lang="fr">' in french
    assert '<h3 class="session-title">Visite de la bibliothèque</h3>' in french
    assert '<span class="day-date">lundi 16 mars</span>' in french
    assert '<html lang="ru">' in unknown
    assert '<h3 class="session-title">Экскурсия по библиотеке</h3>' in unknown
    # The switcher offers every configured language, in its own name, on the same page
    # (links relative to the personal address: one page shell serves every participant).
    assert (
        '<li><a href="?lang=fr" lang="fr" hreflang="fr" aria-current="true">Français</a></li>'
    ) in french
    assert '<li><a href="?lang=ru" lang="ru" hreflang="ru">Русский</a></li>' in french
    assert '<li><a href="?lang=en" lang="en" hreflang="en">English</a></li>' in french
    # A chosen language is kept in the calendar and manifest links.
    assert f'href="webcal://testserver/p/{token}/calendar.ics?lang=fr"' in french
    assert '<link rel="manifest" href="manifest.webmanifest?lang=fr">' in french
    manifest = client.get(urljoin(f"/p/{token}/?lang=fr", "manifest.webmanifest?lang=fr"))
    assert manifest.json()["start_url"] == f"/p/{token}/?lang=fr"
    assert f'href="webcal://testserver/p/{token}/calendar.ics"' in russian


def test_a_missing_translation_shows_the_fallback_marked_with_its_language(client, delegation):
    # The venue's directions exist in French and Russian only; Olga reads English.
    olga = page_of(client, delegation.olga)
    anna = page_of(client, delegation.anna)

    assert (
        '<div class="directions"><div lang="fr" class="fallback">'
        "<p>Métro Rambuteau, entrée rue du Renard.</p></div></div>"
    ) in olga
    assert '<div class="directions"><p>Метро Rambuteau, вход с улицы Ренар.</p></div>' in anna
    # The interpretation note exists in French only.
    assert (
        "<dd>Consecutive interpretation: "
        '<span lang="fr" class="fallback">russe–français</span></dd>'
    ) in olga


def test_a_session_shows_venue_maps_hosts_speakers_interpretation_and_reading(client, delegation):
    page = page_of(client, delegation.olga)

    assert '<span class="address">Place Georges-Pompidou, 75004 Paris, France</span>' in page
    assert (
        'href="https://www.openstreetmap.org/?mlat=48.860611&amp;mlon=2.352228'
        '#map=18/48.860611/2.352228"'
    ) in page
    # One map button, to a map every phone and computer opens.
    assert page.count('class="button-link map-link"') == 1
    assert "geo:" not in page
    assert "<strong>Public Information Library</strong> · " in page
    assert '<a href="https://www.bpi.fr/" rel="noopener noreferrer">web site</a>' in page
    assert "<p>The large library of the Centre Pompidou.</p>" in page
    # Her organisation hosts the session: the speaker line does not say it again.
    assert "<li><strong>Claire Martin</strong>, director</li>" in page
    assert (
        '<a href="https://www.bpi.fr/rapport" rel="noopener noreferrer">'
        '<span lang="fr" class="fallback">Rapport annuel</span></a>'
    ) in page


def test_a_venue_without_coordinates_links_to_a_search_by_address(client, delegation):
    venue = VenueFactory(
        bare=True,
        name_fr="Mairie de Rouen",
        address="2 place du Général de Gaulle",
        city_fr="Rouen",
    )
    SessionFactory(
        bare=True,
        visit=delegation.visit,
        starts_at=visit_time(delegation.visit, 1, 10),
        ends_at=visit_time(delegation.visit, 1, 11, 30),
        title_fr="Town hall (fr)",
        title_ru="Town hall (ru)",
        title_en="Town hall (en)",
        venue=venue,
    )

    page = page_of(client, delegation.olga)

    assert (
        'href="https://www.openstreetmap.org/search?query='
        '2+place+du+G%C3%A9n%C3%A9ral+de+Gaulle%2C+Rouen"'
    ) in page


def test_times_are_shown_in_the_visits_zone_whatever_the_server_zone(client, db, settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    visit = published_visit(slug="tokyo", start=datetime.date(2026, 6, 1), time_zone="Asia/Tokyo")
    SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 0, 10),
        ends_at=visit_time(visit, 0, 11, 30),
        title_fr="Ward office (fr)",
        title_ru="Ward office (ru)",
        title_en="Ward office (en)",
    )
    tourist = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Ivan Petrov",
        name_native="Ivan Petrov",
        preferred_language="en",
    )

    page = page_of(client, tourist)

    assert (
        '<time datetime="2026-06-01T10:00:00+09:00">10:00</time>'
        '<span class="dash" aria-hidden="true">–</span>'
        '<span class="visually-hidden">to</span>'
        '<time datetime="2026-06-01T11:30:00+09:00">11:30</time>'
    ) in page
    # The zone is said once, in words, above the programme, not on every card.
    assert '<span class="zone">Asia/Tokyo</span>' not in page
    assert "All times are Tokyo time (UTC+09:00), whatever your phone" in page
    # 10:00 in Tokyo is 18:00 the day before in Los Angeles: that must appear nowhere.
    assert "18:00" not in page
    assert '<span class="day-date">Monday 1 June</span>' in page


def test_sessions_fall_on_days_by_their_local_date(client, db):
    visit = published_visit(slug="late", start=datetime.date(2026, 6, 1), time_zone="Asia/Tokyo")
    # 01:30 on 2 June in Tokyo is still 1 June in UTC.
    SessionFactory(
        bare=True,
        visit=visit,
        starts_at=visit_time(visit, 1, 1),
        ends_at=visit_time(visit, 1, 1, 30),
        title_fr="Night train (fr)",
        title_ru="Night train (ru)",
        title_en="Night train (en)",
    )
    traveller = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Ivan Petrov",
        name_native="Ivan Petrov",
        preferred_language="en",
    )

    page = page_of(client, traveller)

    day = page.split('id="day-2026-06-02"')[1]
    assert '<h3 class="session-title">Night train (en)</h3>' in day
    assert 'id="day-2026-06-01"' not in page


def test_during_the_visit_the_current_and_next_sessions_stand_out(client, delegation, monkeypatch):
    freeze_now(monkeypatch, visit_time(delegation.visit, 0, 9, 30))

    page = page_of(client, delegation.anna)

    status = page.split('<section class="status" id="now"')[1].split("</section>")[0]
    assert (f'<a class="status-card is-current" href="#session-{delegation.plenary.pk}">') in status
    assert '<span class="status-title">Приветствие</span>' in status
    assert '<span class="status-detail">до 10:00 · Центр Помпиду</span>' in status
    assert (
        f'<a class="status-card is-next" href="#session-{delegation.library_visit.pk}">' in status
    )
    assert '<span class="status-title">Экскурсия по библиотеке</span>' in status
    assert '<span class="status-detail">11:00</span>' in status
    assert f'<article class="session is-current" id="session-{delegation.plenary.pk}">' in page
    assert f'<article class="session is-next" id="session-{delegation.library_visit.pk}">' in page
    assert '<span class="flag flag-today">Сегодня</span>' in page
    assert '<li><a href="#now">Сейчас</a></li>' in page


def test_the_next_session_can_be_on_a_later_day(client, delegation, monkeypatch):
    SessionFactory(
        bare=True,
        visit=delegation.visit,
        starts_at=visit_time(delegation.visit, 2, 14),
        ends_at=visit_time(delegation.visit, 2, 15, 30),
        title_fr="Rouen (fr)",
        title_ru="Rouen (ru)",
        title_en="Rouen (en)",
    )
    freeze_now(monkeypatch, visit_time(delegation.visit, 0, 20))

    page = page_of(client, delegation.olga, "?lang=en")

    status = page.split('<section class="status" id="now"')[1].split("</section>")[0]
    assert '<span class="status-title">Rouen (en)</span>' in status
    assert '<span class="status-detail">Wednesday 18 March, 14:00</span>' in status
    assert "is-current" not in status


def test_before_the_visit_the_page_says_when_it_starts(client, delegation, monkeypatch):
    freeze_now(monkeypatch, visit_time(delegation.visit, -6, 12))

    page = page_of(client, delegation.olga)

    assert (
        '<p class="status-line">The visit has not started yet: it begins on '
        "Monday 16 March, in 6 days.</p>"
    ) in page
    assert "is-current" not in page
    assert "is-next" not in page


def test_the_day_before_the_visit_the_page_says_tomorrow(client, delegation, monkeypatch):
    freeze_now(monkeypatch, visit_time(delegation.visit, -1, 12))

    page = page_of(client, delegation.olga)

    assert (
        '<p class="status-line">The visit has not started yet: it begins tomorrow, '
        "Monday 16 March.</p>"
    ) in page


def test_after_the_visit_the_page_says_it_is_over(client, delegation, monkeypatch):
    freeze_now(monkeypatch, visit_time(delegation.visit, 5, 12))

    page = page_of(client, delegation.olga)

    assert (
        '<p class="status-line">The visit is over: it ended on Friday 20 March 2026. '
        "This page stays here for reference.</p>"
    ) in page
    assert "is-next" not in page


def test_the_page_embeds_when_it_was_rendered(client, delegation, monkeypatch):
    freeze_now(monkeypatch, datetime.datetime(2026, 3, 16, 13, 5, tzinfo=datetime.UTC))

    page = page_of(client, delegation.olga)

    # 13:05 UTC is 14:05 in Paris in March.
    assert "Last updated 16 March, 14:05\n" in page


def test_emergency_contacts_and_practical_information_are_one_tap_away(client, delegation):
    page = page_of(client, delegation.anna)

    assert '<li><a href="#emergency" class="quick-emergency">Экстренная связь</a></li>' in page
    assert '<li><a href="#practical">Полезное</a></li>' in page
    assert '<section class="panel panel-emergency" id="emergency"' in page
    call = '<a class="button-link call" href="tel:+33612345678">Позвонить +33 6 12 34 56 78</a>'
    assert call in page
    assert '<section class="panel" id="practical"' in page
    assert "<p>Гостиница: линия метро 4.</p>" in page


def test_the_page_works_without_javascript_and_loads_nothing_from_elsewhere(client, delegation):
    page = page_of(client, delegation.anna)

    assert '<script src="/static/itinerary/itinerary.js" defer></script>' in page
    assert page.count("<script") == 1
    assert '<link rel="stylesheet" href="/static/itinerary/itinerary.css">' in page
    for external in ('src="http', 'href="//', "@import", "fonts.googleapis", "cdn"):
        assert external not in page


def add_programme(visit, *, sessions: int, everyone_group) -> None:
    """``sessions`` sessions with a host, a speaker, a reading; a third for everyone.

    Built unsaved by the factories and saved in bulk: 300 sessions one by one would be slow.
    """
    host = OrganisationFactory(bare=True, name_fr="Hôte", website="https://example.org/")
    speaker_home = OrganisationFactory(bare=True, name_fr="Maison")
    venue = VenueFactory(bare=True, name_fr="Salle", address="1 rue de Paris", city_fr="Paris")
    other_group = GroupFactory(bare=True, visit=visit, name_fr="Autre")
    created = Session.objects.bulk_create(
        [
            SessionFactory.build(
                bare=True,
                visit=visit,
                starts_at=visit_time(visit, index % 5, 8 + index % 12),
                ends_at=visit_time(visit, index % 5, 9 + index % 12),
                title_fr=f"Séance {index}",
                description_fr="Une description.",
                venue=venue,
                interpretation=Session.Interpretation.CONSECUTIVE,
            )
            for index in range(sessions)
        ]
    )
    speakers = Person.objects.bulk_create(
        [
            PersonFactory.build(
                bare=True, name_fr=f"Orateur {index}", role_fr="rôle", organisation=speaker_home
            )
            for index in range(sessions)
        ]
    )
    Session.hosts.through.objects.bulk_create(
        [Session.hosts.through(session=session, organisation=host) for session in created]
    )
    Session.speakers.through.objects.bulk_create(
        [
            Session.speakers.through(session=session, person=speaker)
            for session, speaker in zip(created, speakers, strict=True)
        ]
    )
    Session.groups.through.objects.bulk_create(
        [
            Session.groups.through(
                session=session, group=everyone_group if index % 2 else other_group
            )
            for index, session in enumerate(created)
            if index % 3
        ]
    )
    Resource.objects.bulk_create(
        [
            ResourceFactory.build(
                bare=True, visit=visit, session=session, title_fr="Lire", url="https://example.org/"
            )
            for session in created
        ]
    )


def count_page_queries(client, participant) -> int:
    with CaptureQueriesContext(connection) as queries:
        page = page_of(client, participant)
    assert page.count('<article class="session') > 0
    return len(queries)


def test_the_page_costs_the_same_queries_for_10_and_for_300_sessions(client, db):
    counts = {}
    for sessions in (10, 300):
        visit = published_visit(slug=f"size-{sessions}", start=datetime.date(2026, 3, 16))
        group = GroupFactory(bare=True, visit=visit, name_fr="Groupe")
        add_programme(visit, sessions=sessions, everyone_group=group)
        participant = ParticipantFactory(
            bare=True,
            visit=visit,
            name_latin="Anna Ivanova",
            name_native="Anna Ivanova",
            preferred_language="fr",
            groups=[group],
        )
        counts[sessions] = count_page_queries(client, participant)

    assert counts[10] == counts[300]
    # The participant, sessions, hosts, speakers, groups, resources (the sessions' and the
    # visit's), the frame (days, phases, groups, contacts), journeys, nights and room-mates,
    # and the programme version the participant reads.
    assert counts[10] <= 10


def test_the_query_count_is_the_same_after_a_language_switch(client, db, django_assert_num_queries):
    visit = published_visit(slug="switch", start=datetime.date(2026, 3, 16))
    group = GroupFactory(bare=True, visit=visit, name_fr="Groupe")
    add_programme(visit, sessions=20, everyone_group=group)
    participant = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        groups=[group],
    )
    expected = count_page_queries(client, participant)

    with django_assert_num_queries(expected):
        client.get(f"/p/{participant.access_token}/?lang=en")


def test_the_manifest_opens_the_participants_own_itinerary(client, delegation):
    token = delegation.anna.access_token

    manifest = client.get(f"/p/{token}/manifest.webmanifest?lang=fr").json()

    assert manifest["name"] == "Visite d'étude à Paris"
    assert manifest["start_url"] == f"/p/{token}/?lang=fr"
    assert manifest["scope"] == f"/p/{token}/"
    assert manifest["display"] == "standalone"
    assert [icon["src"] for icon in manifest["icons"]] == [
        "/static/itinerary/icon.svg",
        "/static/itinerary/icon-192.png",
        "/static/itinerary/icon-512.png",
    ]


def test_the_service_worker_is_served_with_a_scope_over_the_itineraries(client, delegation):
    response = client.get("/p/service-worker.js")
    page = page_of(client, delegation.anna)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-cache, max-age=0"
    assert 'const CACHE = "itinerary-v2";' in response.content.decode()
    assert (
        '<div class="page" data-service-worker="/p/service-worker.js" '
        'data-service-worker-scope="/p/">'
    ) in page


def test_the_local_zone_of_a_session_ignores_the_active_zone(delegation):
    zone = zoneinfo.ZoneInfo("Europe/Paris")
    with timezone.override(zoneinfo.ZoneInfo("Asia/Tokyo")):
        assert delegation.plenary.starts_at.astimezone(zone).hour == 9


def test_the_page_offers_the_participants_own_booklet(client, delegation):
    token = delegation.anna.access_token

    page = page_of(client, delegation.anna)
    waiting = client.get(urljoin(f"/p/{token}/", "booklet/ru+fr/a5/"))

    assert '<h2 id="booklet-title">Буклет для печати</h2>' in page
    # Relative to the personal address, /p/<token>/: the participant's own booklet.
    assert '<a class="button-link" href="booklet/ru/a5/">Русский, A5</a>' in page
    assert '<a class="button-link" href="booklet/ru+fr/a4/">Русский + Français, A4</a>' in page
    assert waiting.status_code == 200
    assert waiting["Content-Type"] in {"application/pdf", "text/html; charset=utf-8"}


def test_the_calendar_costs_the_same_queries_whatever_days_the_reader_has_alone(client, db):
    """A reader with a day of other groups' sessions (to be left out) and a reader with
    sessions every day: the same queries, so the count follows no programme's shape."""
    visit = published_visit(slug="shapes", start=datetime.date(2026, 3, 16))
    lawyers = GroupFactory(bare=True, visit=visit, name_fr="Juristes")
    librarians = GroupFactory(bare=True, visit=visit, name_fr="Bibliothécaires")
    for day, group in ((0, lawyers), (1, librarians)):
        DayFactory(visit=visit, date=visit_time(visit, day, 0).date(), heading_fr=f"Jour {day}")
        SessionFactory(
            bare=True,
            visit=visit,
            title_fr=f"Séance {day}",
            starts_at=visit_time(visit, day, 10),
            ends_at=visit_time(visit, day, 12),
            groups=[group],
        )
    one_group = ParticipantFactory(bare=True, visit=visit, groups=[lawyers])
    both_groups = ParticipantFactory(bare=True, visit=visit, groups=[lawyers, librarians])
    counts = []
    for participant in (one_group, both_groups):
        client.get(f"/p/{participant.access_token}/calendar.ics")  # what a process keeps, kept
        with CaptureQueriesContext(connection) as queries:
            body = client.get(f"/p/{participant.access_token}/calendar.ics").content.decode()
        counts.append(len(queries))
        assert "Séance 0" in body

    assert (
        "Séance 1" not in client.get(f"/p/{one_group.access_token}/calendar.ics").content.decode()
    )
    assert counts[0] == counts[1]
