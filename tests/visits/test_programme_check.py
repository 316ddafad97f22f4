import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from tests.factories import (
    DayFactory,
    GroupFactory,
    OrganisationFactory,
    ParticipantFactory,
    PersonFactory,
    TravelTimeFactory,
    VisitOrganisationFactory,
)
from tests.scenarios import may_2019, paris_rouen_programme, plain_session, plain_venue
from visits.models import Day, Session
from visits.programme_check import ERROR, WARNING, programme_check

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]


def found(visit) -> list[tuple[str, str]]:
    return [(finding.severity, finding.code) for finding in programme_check(visit=visit)]


def only(visit):
    findings = programme_check(visit=visit)
    assert len(findings) == 1, [finding.message for finding in findings]
    return findings[0]


def change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_a_clean_programme_has_no_finding():
    assert programme_check(visit=paris_rouen_programme()) == []


def test_two_sessions_for_everyone_at_once_overlap():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    clash = plain_session(
        visit, "Musée Carnavalet", may_2019(13, 11), may_2019(13, 12), venue=mairie.venue
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (ERROR, "session_overlap")
    assert finding.message == (
        "«Rencontre à la Mairie de Paris» (2019-05-13 10:00–12:00) and «Musée Carnavalet» "
        "(2019-05-13 11:00–12:00) overlap for the same participants."
    )
    assert finding.url == change_url(clash)


def test_sessions_are_named_in_the_quotes_of_the_organisers_language():
    visit = paris_rouen_programme()
    mairie = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    plain_session(visit, "Musée Carnavalet", may_2019(13, 11), may_2019(13, 12), venue=mairie.venue)

    with translation.override("fr"):
        (french,) = [finding.message for finding in programme_check(visit=visit)]
    with translation.override("ru"):
        (russian,) = [finding.message for finding in programme_check(visit=visit)]

    # French guillemets hold narrow no-break spaces, as the catalogue's own quotes do.
    assert french == (
        "«\u202fRencontre à la Mairie de Paris\u202f» (2019-05-13 10:00–12:00) et "
        "«\u202fMusée Carnavalet\u202f» (2019-05-13 11:00–12:00) se chevauchent pour les "
        "mêmes participants."
    )
    assert russian.startswith(
        "Мероприятия «Rencontre à la Mairie de Paris (ru)» (2019-05-13 10:00–12:00) и «Musée"
    )


def test_a_group_session_overlaps_a_session_for_everyone():
    visit = paris_rouen_programme()
    museums = GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)")
    plain_session(
        visit,
        "Bibliothèque",
        may_2019(13, 11),
        may_2019(13, 11, 45),
        groups=[museums],
        venue=plain_venue("BnF", "Paris", "Париж"),
    )

    assert found(visit) == [(ERROR, "session_overlap")]


def test_sessions_of_separate_groups_may_run_at_once():
    visit = paris_rouen_programme()
    museums, districts = (
        GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)"),
        GroupFactory(bare=True, visit=visit, name_fr="Districts", name_ru="Districts (ru)"),
    )
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        groups=[museums],
    )
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Boris Petrov",
        name_native="Boris Petrov",
        groups=[districts],
    )
    plain_session(
        visit,
        "Louvre",
        may_2019(13, 15),
        may_2019(13, 17),
        groups=[museums],
        venue=plain_venue("Louvre", "Paris", "Париж"),
    )
    plain_session(
        visit,
        "Mairie du 18e",
        may_2019(13, 15),
        may_2019(13, 17),
        groups=[districts],
        venue=plain_venue("Mairie du 18e", "Paris", "Париж"),
    )

    assert found(visit) == []


def test_a_participant_in_both_groups_cannot_attend_both():
    visit = paris_rouen_programme()
    museums, districts = (
        GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)"),
        GroupFactory(bare=True, visit=visit, name_fr="Districts", name_ru="Districts (ru)"),
    )
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        groups=[museums, districts],
    )
    plain_session(
        visit,
        "Louvre",
        may_2019(13, 15),
        may_2019(13, 17),
        groups=[museums],
        venue=plain_venue("Louvre", "Paris", "Париж"),
    )
    plain_session(
        visit,
        "Mairie du 18e",
        may_2019(13, 16),
        may_2019(13, 17),
        groups=[districts],
        venue=plain_venue("Mairie du 18e", "Paris", "Париж"),
    )

    assert found(visit) == [(ERROR, "session_overlap")]


def test_a_venue_booked_twice_for_separate_groups_is_a_warning():
    visit = paris_rouen_programme()
    museums, districts = (
        GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)"),
        GroupFactory(bare=True, visit=visit, name_fr="Districts", name_ru="Districts (ru)"),
    )
    bnf = plain_venue("BnF", "Paris", "Париж")
    plain_session(
        visit, "Atelier A", may_2019(13, 15), may_2019(13, 17), groups=[museums], venue=bnf
    )
    plain_session(
        visit, "Atelier B", may_2019(13, 16), may_2019(13, 18), groups=[districts], venue=bnf
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "venue_double_booked")
    assert finding.message.startswith("BnF, Paris is booked twice at once, for separate groups")


def test_a_speaker_booked_twice_at_once_is_an_error():
    visit = paris_rouen_programme()
    museums, districts = (
        GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)"),
        GroupFactory(bare=True, visit=visit, name_fr="Districts", name_ru="Districts (ru)"),
    )
    hidalgo = PersonFactory(
        bare=True, name_fr="Anne Hidalgo", name_ru="Anne Hidalgo", role_fr="maire", role_ru="мэр"
    )
    plain_session(
        visit,
        "Atelier A",
        may_2019(13, 15),
        may_2019(13, 17),
        groups=[museums],
        speakers=[hidalgo],
        venue=plain_venue("BnF", "Paris", "Париж"),
    )
    plain_session(
        visit,
        "Atelier B",
        may_2019(13, 16),
        may_2019(13, 18),
        groups=[districts],
        speakers=[hidalgo],
        venue=plain_venue("Louvre", "Paris", "Париж"),
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (ERROR, "speaker_double_booked")
    assert finding.message.startswith("Anne Hidalgo speaks at «Atelier A»")


def test_too_little_time_to_go_from_paris_to_rouen():
    visit = paris_rouen_programme()
    plain_session(
        visit,
        "Préfecture de Rouen",
        may_2019(13, 13, 30),
        may_2019(13, 16),
        venue=plain_venue("Préfecture", "Rouen", "Руан"),
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "travel_time")
    assert finding.message == (
        "Only 90 min between «Rencontre à la Mairie de Paris» (2019-05-13 10:00–12:00) at "
        "Hôtel de Ville, Paris and «Préfecture de Rouen» (2019-05-13 13:30–16:00) at "
        "Préfecture, Rouen; going from Paris to Rouen takes about 120 min."
    )


def test_paris_to_clichy_needs_an_hour_and_the_visit_may_say_otherwise():
    visit = paris_rouen_programme()
    Session.objects.filter(kind=Session.Kind.MEAL).delete()
    plain_session(
        visit,
        "ACLEFEU",
        may_2019(13, 12, 45),
        may_2019(13, 14),
        venue=plain_venue("ACLEFEU", "Clichy-sous-Bois", "Клиши-су-Буа"),
    )

    assert found(visit) == [(WARNING, "travel_time")]

    TravelTimeFactory(visit=visit, city_from="Clichy-sous-Bois", city_to="paris", minutes=40)
    assert found(visit) == []


def test_two_venues_of_one_city_need_twenty_minutes(settings):
    visit = paris_rouen_programme()
    plain_session(
        visit,
        "Musée Carnavalet",
        may_2019(13, 12, 10),
        may_2019(13, 12, 25),
        venue=plain_venue("Carnavalet", "Paris", "Париж"),
    )

    assert found(visit) == [(WARNING, "travel_time")]

    settings.PROGRAMME_CHECK_SAME_CITY_MINUTES = 10
    assert found(visit) == []


def test_an_unknown_pair_of_cities_needs_ninety_minutes_by_default(settings):
    visit = paris_rouen_programme()
    Session.objects.filter(kind=Session.Kind.MEAL).delete()
    plain_session(
        visit,
        "Lille",
        may_2019(13, 13),
        may_2019(13, 14),
        venue=plain_venue("Mairie", "Lille", "Лилль"),
    )

    assert found(visit) == [(WARNING, "travel_time")]

    settings.PROGRAMME_CHECK_TRAVEL_MINUTES = {("Paris", "Lille"): 60}
    assert found(visit) == []


def test_a_transfer_is_the_travel_itself():
    visit = paris_rouen_programme()
    Session.objects.filter(kind=Session.Kind.TRANSFER).update(
        starts_at=may_2019(13, 12), ends_at=may_2019(13, 13, 30)
    )
    Session.objects.filter(kind=Session.Kind.MEAL).delete()
    Session.objects.filter(title_fr="Rencontre à la Mairie de Rouen").update(
        starts_at=may_2019(13, 13, 30), ends_at=may_2019(13, 15)
    )
    Day.objects.filter(date=dt.date(2019, 5, 14)).delete()

    assert found(visit) == []


def test_a_session_outside_the_visits_dates():
    visit = paris_rouen_programme()
    late = plain_session(
        visit, "Départ", may_2019(15, 10), may_2019(15, 11), kind=Session.Kind.FREE_TIME
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (ERROR, "session_outside_visit")
    assert finding.message == (
        "«Départ» (2019-05-15 10:00–11:00) is outside the visit, which runs from 2019-05-13 "
        "to 2019-05-14."
    )
    assert finding.url == change_url(late)


def test_a_session_on_a_date_with_no_day():
    visit = paris_rouen_programme()
    Day.objects.filter(date=dt.date(2019, 5, 14)).delete()

    assert found(visit) == [(ERROR, "session_without_day"), (ERROR, "session_without_day")]


def test_a_session_running_past_midnight():
    visit = paris_rouen_programme()
    plain_session(visit, "Soirée", may_2019(13, 22), may_2019(14, 1), kind=Session.Kind.FREE_TIME)

    assert found(visit) == [(WARNING, "session_past_midnight")]


def test_a_session_ending_at_midnight_stays_on_its_day():
    visit = paris_rouen_programme()
    plain_session(visit, "Soirée", may_2019(13, 22), may_2019(14, 0), kind=Session.Kind.FREE_TIME)

    assert found(visit) == []


def test_a_meeting_with_no_venue_and_no_meeting_point():
    visit = paris_rouen_programme()
    plain_session(visit, "Rencontre", may_2019(13, 15), may_2019(13, 16))
    plain_session(
        visit,
        "Promenade",
        may_2019(13, 17),
        may_2019(13, 18),
        kind=Session.Kind.EXCURSION,
        meeting_point_fr="Place de la République",
        meeting_point_ru="Площадь Республики",
    )
    plain_session(visit, "Dîner", may_2019(13, 19), may_2019(13, 20), kind=Session.Kind.MEAL)

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "session_without_venue")
    assert (
        finding.message == "«Rencontre» (2019-05-13 15:00–16:00) has no venue and no meeting point."
    )


def test_an_empty_day():
    visit = paris_rouen_programme()
    visit.end_date = dt.date(2019, 5, 15)
    visit.save()
    day = DayFactory(
        bare=True,
        visit=visit,
        date=dt.date(2019, 5, 15),
        heading_fr="Libre",
        heading_ru="Свободный",
    )

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "empty_day")
    assert finding.message == "2019-05-15 (Libre) has no session."
    assert finding.url == change_url(day)


def test_a_host_with_no_description():
    visit = paris_rouen_programme()
    Organisation.objects.filter(name_fr="Mairie de Paris").update(
        description_fr="", description_ru=""
    )
    bare = OrganisationFactory(
        bare=True,
        name_fr="Secours populaire",
        name_ru="Secours populaire",
        city_fr="Paris",
        city_ru="Париж",
    )
    VisitOrganisationFactory(visit=visit, organisation=bare, role="host")

    findings = programme_check(visit=visit)

    assert [(f.code, f.message) for f in findings] == [
        (
            "host_without_description",
            "The host Mairie de Paris has no description in Russian, French.",
        ),
        (
            "host_without_description",
            "The host Secours populaire has no description in Russian, French.",
        ),
    ]
    assert findings[1].url == change_url(bare)


def test_each_translated_field_missing_in_a_booklet_language_is_a_finding():
    visit = paris_rouen_programme()
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.description_fr = "Présentation du plan de mobilisation."
    meeting.save()
    paris = Day.objects.get(date=dt.date(2019, 5, 13))
    paris.heading_ru = ""
    paris.save()

    findings = programme_check(visit=visit)

    assert [(f.code, f.message, f.url) for f in findings] == [
        (
            "translation_missing",
            "Day «2019-05-13 Paris»: heading has no Russian text.",
            change_url(paris),
        ),
        (
            "translation_missing",
            "Session «Rencontre à la Mairie de Paris»: description has no Russian text.",
            change_url(meeting),
        ),
    ]


def test_findings_speak_the_organisers_language():
    visit = paris_rouen_programme()
    plain_session(visit, "Rencontre", may_2019(13, 15), may_2019(13, 16))

    Day.objects.filter(date=dt.date(2019, 5, 13)).update(heading_ru="")

    with translation.override("fr"):
        messages = [finding.message for finding in programme_check(visit=visit)]

    # Built under the active language, the organiser's, with the language named in French.
    assert messages[1] == (
        "Journée «\u202f2019-05-13 Paris\u202f»\u202f: le champ «\u202fintitulé\u202f» "
        "n’a pas de texte en russe."
    )


def test_a_translation_written_before_its_source_changed_is_stale():
    visit = paris_rouen_programme()
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.title_fr = "Rencontre à l'Hôtel de Ville de Paris"
    meeting.save()

    finding = only(visit)

    assert (finding.severity, finding.code) == (WARNING, "translation_stale")
    assert finding.message == (
        "Session «Rencontre à l'Hôtel de Ville de Paris»: the Russian title was written before "
        "the French text last changed."
    )

    meeting.title_ru = "Встреча в мэрии Парижа"
    meeting.save()
    assert found(visit) == []


def test_a_revised_translation_is_never_stale_nor_makes_its_source_stale():
    visit = paris_rouen_programme()
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.title_ru = "Встреча в мэрии Парижа"
    meeting.save()

    assert found(visit) == []


def test_a_translation_added_later_does_not_make_its_source_stale():
    visit = paris_rouen_programme()
    meeting = Session.objects.get(title_fr="Rencontre à la Mairie de Paris")
    meeting.description_fr = "Présentation."
    meeting.save()
    meeting.description_ru = "Презентация."
    meeting.save()

    assert found(visit) == []


def test_stale_translations_of_shared_records_are_found_too():
    visit = paris_rouen_programme()
    mairie = Organisation.objects.get(name_fr="Mairie de Paris")
    mairie.description_fr = "La Mairie de Paris reçoit la délégation à l'Hôtel de Ville."
    mairie.save()

    assert found(visit) == [(WARNING, "translation_stale")]


def test_speakers_roles_count_but_their_names_do_not():
    visit = paris_rouen_programme()
    hidalgo = PersonFactory(
        bare=True, name_fr="Anne Hidalgo", name_ru="Anne Hidalgo", role_fr="maire", role_ru="мэр"
    )
    hidalgo.name_ru = ""
    hidalgo.role_ru = ""
    hidalgo.save()
    Session.objects.get(title_fr="Rencontre à la Mairie de Paris").speakers.add(hidalgo)

    findings = programme_check(visit=visit)

    assert [(f.code, f.message) for f in findings] == [
        ("translation_missing", "Person «Anne Hidalgo»: title or role has no Russian text.")
    ]
