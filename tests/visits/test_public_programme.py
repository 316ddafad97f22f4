"""The public programme of a published visit shows the programme and no personal data."""

import icalendar
import pytest

from visits.models import Visit


def personal_data(delegation) -> list[str]:
    """Everything about people that only organisers and the person may see."""
    data = []
    for participant in delegation.participants:
        data += [
            participant.name_latin,
            participant.name_native,
            participant.email,
            participant.access_token,
        ]
        data += [
            value
            for value in (participant.phone, participant.needs, participant.private_notes)
            if value
        ]
    data += [
        session.private_notes
        for session in delegation.visit.sessions.all()
        if session.private_notes
    ]
    data += [delegation.speaker.email, delegation.speaker.phone, delegation.speaker.private_notes]
    for contact in delegation.visit.emergency_contacts.all():
        data += [contact.name, contact.phone, contact.email]
    # Words the typesetter leaves as they are, so that the test holds on typeset pages too.
    data += ["prendre la ligne 4", "Гостиница", "Hotel: take metro line 4."]
    assert all(data)
    assert len(data) == 27
    return data


@pytest.mark.parametrize("language", ["ru", "fr", "en"])
def test_the_public_page_contains_no_personal_data(client, delegation, language):
    response = client.get(f"/v/paris-2026/?lang={language}")

    page = response.content.decode()
    assert response.status_code == 200
    for secret in personal_data(delegation):
        assert secret not in page


@pytest.mark.parametrize("language", ["ru", "fr", "en"])
def test_the_public_calendar_contains_no_personal_data(client, delegation, language):
    response = client.get(f"/v/paris-2026/programme.ics?lang={language}")

    body = response.content.decode()
    assert response.status_code == 200
    # Folded lines would hide a name cut in two: read the unfolded text.
    unfolded = body.replace("\r\n ", "")
    for secret in personal_data(delegation):
        assert secret not in unfolded


def test_the_public_page_shows_the_whole_programme_in_each_language(client, delegation):
    russian = client.get("/v/paris-2026/?lang=ru").content.decode()
    french = client.get("/v/paris-2026/?lang=fr").content.decode()

    assert '<html lang="ru">' in russian
    assert '<h1 class="masthead-title">Учебный визит в Париж</h1>' in russian
    for title in ("Приветствие", "Экскурсия по библиотеке", "Экскурсия по музею"):
        assert f'<h3 class="session-title">{title}</h3>' in russian
    assert '<html lang="fr">' in french
    for title in ("Accueil", "Visite de la bibliothèque", "Visite du musée"):
        assert f'<h3 class="session-title">{title}</h3>' in french
    assert '<p class="session-groups">Pour\u202f: Musées</p>' in french
    assert '<link rel="alternate" hreflang="en" href="/v/paris-2026/?lang=en">' in french
    assert "<li><strong>Claire Martin</strong>, directrice" in french


def test_the_public_calendar_round_trips_every_session(client, delegation):
    response = client.get("/v/paris-2026/programme.ics?lang=en")

    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == ["Library tour", "Museum tour", "Welcome"]
    assert events["Welcome"].decoded("DTSTART") == delegation.plenary.starts_at
    assert events["Museum tour"].decoded("DTEND") == delegation.museum_visit.ends_at
    assert str(events["Welcome"]["UID"]) == f"session-{delegation.plenary.pk}@127.0.0.1"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


@pytest.mark.parametrize("status", [Visit.Status.DRAFT, Visit.Status.ARCHIVED])
@pytest.mark.parametrize("path", ["/v/paris-2026/", "/v/paris-2026/programme.ics"])
def test_draft_and_archived_visits_are_not_public(client, delegation, status, path):
    Visit.objects.filter(pk=delegation.visit.pk).update(status=status)
    unknown = client.get("/v/no-such-visit/")

    response = client.get(path)

    assert response.status_code == 404
    assert response.content == unknown.content


def test_sessions_that_start_together_are_all_next(client, delegation, monkeypatch):
    from django.utils import timezone

    from tests.scenarios import visit_time

    monkeypatch.setattr(timezone, "now", lambda: visit_time(delegation.visit, 0, 10, 30))

    page = client.get("/v/paris-2026/?lang=en").content.decode()

    assert f'<article class="session is-past" id="session-{delegation.plenary.pk}">' in page
    for session in (delegation.library_visit, delegation.museum_visit):
        assert f'<article class="session is-next" id="session-{session.pk}">' in page


def test_the_public_page_offers_the_whole_programme_booklets(client, delegation):
    page = client.get("/v/paris-2026/?lang=fr").content.decode()

    assert '<h2 id="booklet-title">Livret à imprimer</h2>' in page
    assert '<a class="button-link" href="/v/paris-2026/booklet/fr/a5/">Français, A5</a>' in page
    assert (
        '<a class="button-link" href="/v/paris-2026/booklet/ru+fr/a4/">Русский + Français, A4</a>'
        in page
    )
