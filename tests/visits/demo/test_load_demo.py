import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Participant
from participants.selectors import participant_personal_url
from tests.factories import OrganisationFactory, VisitFactory
from visits.demo.loader import demo_load
from visits.models import Day, EmergencyContact, Resource, Session, Visit, VisitOrganisation

pytestmark = pytest.mark.django_db

EVERY_MODEL = [
    Organisation,
    Person,
    Venue,
    Visit,
    VisitOrganisation,
    Day,
    Session,
    Resource,
    EmergencyContact,
    Group,
    Participant,
    Session.hosts.through,
    Session.speakers.through,
    Session.groups.through,
    Participant.groups.through,
]

# The host organisations of the 2019 programme booklet (seed 000), by French name.
SEED_000_HOSTS = [
    "Mairie de Paris",
    "Singa France",
    "BAAM",
    "Atelier des artistes en exil",
    "PEROU – Pôle d'exploration des ressources urbaines",
    "Échelle Inconnue",
    "Ticket d'entrée",
    "Join Hands",
    "Musée national de l'histoire de l'immigration",
    "Bibliothèques Sans Frontières",
    "Ville de Clichy-sous-Bois",
]
# The booklet gives no web site for these two and we know of none we could vouch for.
SEED_000_WITHOUT_WEBSITE = {"Ticket d'entrée", "Join Hands"}


def run(*args, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_demo", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in EVERY_MODEL}


def test_loading_twice_gives_the_same_rows(settings):
    run()
    first = row_counts()
    tokens = dict(Participant.objects.values_list("email", "access_token"))
    resource_files = sorted(Resource.objects.values_list("file", flat=True))

    run()

    assert row_counts() == first
    assert dict(Participant.objects.values_list("email", "access_token")) == tokens
    assert sorted(Resource.objects.values_list("file", flat=True)) == resource_files
    stored = sorted(path.name for path in (settings.MEDIA_ROOT / "resources").rglob("*.md"))
    assert len(stored) == 2
    assert first["visits.Visit"] == 2
    assert first["participants.Participant"] == 17 + 8


def test_loading_leaves_other_visits_and_organisations_alone():
    other = VisitFactory(slug="rouen-2020", organiser=OrganisationFactory(name_fr="Autre"))

    demo_load()
    demo_load()

    assert Visit.objects.filter(pk=other.pk).exists()
    assert Organisation.objects.filter(name_fr="Autre").count() == 1


def test_the_two_visits_exist_with_their_languages_and_organisers():
    demo_load()

    paris = Visit.objects.get(slug="paris-rouen-2019")
    cifer = Visit.objects.get(slug="cifer-paris")

    assert (paris.first_language, paris.second_language) == ("ru", "fr")
    assert (cifer.first_language, cifer.second_language) == ("fr", "en")
    assert (paris.start_date, paris.end_date) == (dt.date(2019, 5, 12), dt.date(2019, 5, 18))
    assert paris.time_zone == cifer.time_zone == "Europe/Paris"
    assert paris.status == cifer.status == Visit.Status.PUBLISHED
    assert paris.organiser.name_fr == "D'EST"
    assert paris.organiser.website == "https://www.d-est.org"
    assert cifer.organiser.name_fr == "France terre d'asile"
    assert cifer.title_en == "CIFER study visit to Paris"
    assert cifer.subtitle_en == (
        "City for Everybody – Responsible Action for Inclusive Local Communities"
    )


def test_the_paris_visit_has_its_supporters_narrative_and_contacts():
    demo_load()
    visit = Visit.objects.get(slug="paris-rouen-2019")

    supporters = visit.organisation_roles.filter(role=VisitOrganisation.Role.SUPPORTER)

    assert [role.organisation.name_fr for role in supporters] == [
        "Ambassade de France en Russie",
        "Mairie de Paris",
    ]
    assert visit.goals_ru.startswith("Изучение представителями администраций районов")
    assert "мигрантов и беженцев на местном уровне" in visit.goals_ru
    assert "французкого" not in visit.goals_ru + visit.content_ru
    assert visit.content_ru.endswith("при поддержке Посольства Франции в РФ и Мэрии Парижа.")
    assert visit.themes_fr.splitlines() == [
        "L'accompagnement, le travail et les pratiques proposés aux réfugiés et aux migrants "
        "dans les musées et les bibliothèques français",
        "Les ONG et les associations qui agissent pour l'intégration des migrants et des réfugiés",
        "Les politiques municipales envers les migrants et les réfugiés",
    ]
    assert len(visit.themes_ru.splitlines()) == len(visit.themes_en.splitlines()) == 3
    for code in ("ru", "fr", "en"):
        assert getattr(visit, f"schedule_note_{code}")
        assert getattr(visit, f"practical_information_{code}")
    assert visit.schedule_note_en.startswith("The day-by-day schedule is illustrative")
    assert list(visit.emergency_contacts.values_list("name", "phone", "email")) == [
        ("D'EST", "+33 1 00 00 00 01", "dest@d-est.org"),
        ("Irina Kovaleva", "+33 1 00 00 00 02", "irina.kovaleva@example.org"),
        ("112", "112", ""),
    ]


def test_every_host_of_the_2019_booklet_is_described_in_russian_and_french():
    demo_load()

    for name in SEED_000_HOSTS:
        host = Organisation.objects.get(name_fr=name)
        assert host.description_ru, name
        assert host.description_fr, name
        assert host.description_en, name
        assert bool(host.website) is (name not in SEED_000_WITHOUT_WEBSITE), name
        assert host.hosted_sessions.filter(visit__slug="paris-rouen-2019").exists(), name
        assert host.language == "fr", name  # their host sheets are printed in French
    assert Organisation.objects.get(name_fr="Singa France").website == (
        "https://www.singafrance.com/our-presentation"
    )
    assert Organisation.objects.get(name_fr="Échelle Inconnue").city_fr == "Rouen"


def test_the_paris_schedule_has_a_rouen_day_and_the_clichy_visit():
    demo_load()
    visit = Visit.objects.get(slug="paris-rouen-2019")

    cities = list(visit.days.values_list("date", "city_fr"))
    train = visit.sessions.get(title_fr="Train Paris Saint-Lazare – Rouen")
    clichy = visit.sessions.filter(hosts__name_fr="Ville de Clichy-sous-Bois")

    assert cities == [
        (dt.date(2019, 5, 12), "Paris"),
        (dt.date(2019, 5, 13), "Paris"),
        (dt.date(2019, 5, 14), "Paris"),
        (dt.date(2019, 5, 15), "Rouen"),
        (dt.date(2019, 5, 16), "Clichy-sous-Bois"),
        (dt.date(2019, 5, 17), "Paris"),
        (dt.date(2019, 5, 18), "Paris"),
    ]
    assert train.kind == Session.Kind.TRANSFER
    assert train.venue.name_fr == "Gare Saint-Lazare"
    assert train.starts_at.astimezone(visit.zone).date() == dt.date(2019, 5, 15)
    assert [session.kind for session in clichy] == ["meeting", "site_visit"]
    assert set(visit.sessions.values_list("kind", flat=True)) >= {
        "meeting",
        "workshop",
        "site_visit",
        "lecture",
        "meal",
        "transfer",
        "free_time",
    }


def test_every_paris_meeting_is_interpreted_and_titled_in_three_languages():
    demo_load()
    sessions = Session.objects.filter(visit__slug="paris-rouen-2019")

    for session in sessions:
        assert session.title_ru and session.title_fr and session.title_en, session.title_fr
    for session in sessions.filter(kind__in=["meeting", "workshop", "lecture", "site_visit"]):
        assert session.interpretation == Session.Interpretation.CONSECUTIVE, session.title_fr
        assert "russe–français" in session.interpretation_note_fr, session.title_fr
        assert session.description_ru and session.description_en, session.title_fr


def test_the_delegation_splits_into_two_groups_for_some_sessions():
    demo_load()
    visit = Visit.objects.get(slug="paris-rouen-2019")

    museums = visit.groups.get(name_fr="Musées et bibliothèques")
    city = visit.groups.get(name_fr="Ville et administrations")
    roles = sorted(set(visit.participants.values_list("role", flat=True)))

    assert museums.name_ru == "Музеи и библиотеки"
    assert city.name_ru == "Город и администрации"
    assert museums.participants.count() == 7
    assert city.participants.count() == 8
    assert roles == ["delegate", "interpreter", "organiser"]
    assert sorted(museums.sessions.values_list("title_fr", flat=True)) == [
        "Bibliothèques Sans Frontières : la bibliothèque pour et avec les migrants",
        "Ticket d'entrée : des sorties culturelles pour les réfugiés",
    ]
    assert sorted(city.sessions.values_list("title_fr", flat=True)) == [
        "Join Hands : le sport comme outil d'intégration",
        "PEROU : une architecture de l'hospitalité",
    ]
    assert visit.participants.filter(preferred_language="fr", role="delegate").count() == 2


def test_no_real_contact_details_in_the_delegations():
    demo_load()

    emails = set(Participant.objects.values_list("email", flat=True))
    phones = set(Participant.objects.values_list("phone", flat=True))

    assert {email.split("@")[1] for email in emails} == {"example.org"}
    assert all(
        phone.startswith(("+7 000", "+33 1 00 00 00", "+386 0", "+385 0", "+36 0"))
        for phone in phones
    )
    assert set(Person.objects.values_list("email", flat=True)) == {""}
    assert set(Person.objects.values_list("phone", flat=True)) == {""}


def test_the_cifer_sessions_name_the_speakers_with_their_roles():
    demo_load()
    sessions = Session.objects.filter(visit__slug="cifer-paris")

    def speakers(title_fr_start: str) -> list[str]:
        session = sessions.get(title_fr__startswith=title_fr_start)
        return sorted(session.speakers.values_list("name", flat=True))

    city = sessions.get(title_fr__startswith="Ville de Paris")
    deputy = city.speakers.get()

    assert deputy.name == "Jean-Luc Romero-Michel"
    assert deputy.role_en == (
        "Deputy Mayor of Paris in charge of human rights, integration and anti-discrimination"
    )
    assert deputy.role_fr.startswith("Adjoint à la Maire de Paris")
    assert [host.name_en for host in city.hosts.all()] == ["City of Paris"]
    assert speakers("Un point d'information") == ["Laura Sage"]
    assert speakers("SOS Racisme") == ["Julie Mauve", "Valentin Stel"]
    assert speakers("Maison des Potes") == ["Samuel Thomas"]
    assert speakers("Samusocial") == ["Marie Lazzaroni"]
    assert speakers("Défenseur des droits") == ["Elsa Alasseur", "Nepheli Yatropoulos"]
    assert speakers("Le programme AGIR") == ["Orianne Lemare"]
    assert sessions.get(title_fr__startswith="Observatoire").hosts.get().name_en == (
        "Observatory for Discrimination and Equality"
    )
    assert sessions.get(title_fr__startswith="Défenseur").hosts.get().kind == "state_body"
    for session in sessions:
        assert session.title_fr and session.title_en, session.title_fr


def test_the_cifer_delegation_and_partners():
    demo_load()
    visit = Visit.objects.get(slug="cifer-paris")

    roles = {(role.organisation.name_en, role.role) for role in visit.organisation_roles.all()}
    names = set(visit.participants.values_list("name_latin", flat=True))

    assert roles == {
        ("Municipality of Ljubljana", "sending"),
        ("Peace Institute (Mirovni inštitut)", "sending"),
        ("Intercultural Dialogue Institute", "sending"),
        ("Centre for Peace Studies (Centar za mirovne studije)", "partner"),
        ("Menedék – Hungarian Association for Migrants", "partner"),
    }
    assert names >= {
        "Vlasta Jalušič",
        "Lana Zdravković",
        "Vanda Straka Vrhovnik",
        "Darja Božnik",
        "Furkan Güner",
    }
    assert visit.participants.get(role="organiser").name_latin == "Milena Reig-Amette"
    assert visit.participants.filter(private_notes__startswith="Fictional name").count() == 2
    assert "illustrative" in visit.schedule_note_en
    assert "indicatifs" in visit.schedule_note_fr


def test_the_city_of_paris_plan_is_attached_to_the_city_of_paris_sessions():
    demo_load()

    for slug in ("paris-rouen-2019", "cifer-paris"):
        resource = Resource.objects.get(visit__slug=slug)
        assert resource.session.hosts.get().name_fr == "Mairie de Paris"
        assert resource.title_fr == (
            "Mobilisation de la communauté de Paris pour l'accueil des réfugiés (4 mai 2016)"
        )
        assert resource.title_ru and resource.title_en and resource.summary_ru
        assert resource.language == "fr"
        assert resource.file.storage.exists(resource.file.name)
        with resource.file.open("rb") as stored:
            text = stored.read().decode()
        assert text.startswith("# Mobilisation de la communauté de Paris pour l'accueil")
        assert text.count("### Engagement") == 16
        assert "### Engagement 1 : protection de l'ensemble des mineurs isolés" in text
        assert "### Engagements 17 et 18 :" in text


def test_days_lie_inside_their_visit_and_sessions_end_after_they_start():
    demo_load()

    for visit in Visit.objects.all():
        assert visit.days.exists()
        for day in visit.days.all():
            assert visit.start_date <= day.date <= visit.end_date
        dates = set(visit.days.values_list("date", flat=True))
        for session in visit.sessions.all():
            assert session.ends_at > session.starts_at, session.title_fr
            assert session.starts_at.astimezone(visit.zone).date() in dates, session.title_fr


def test_the_command_prints_the_admin_and_three_personal_links_per_visit(settings):
    settings.SITE_URL = "https://visits.example.org"

    out, err = run()

    paris_links = [
        participant_personal_url(participant=participant)
        for participant in Participant.objects.filter(
            visit__slug="paris-rouen-2019", role="delegate"
        ).order_by("name_latin")[:3]
    ]
    assert err == ""
    assert "https://visits.example.org/admin/" in out
    assert out.count("https://visits.example.org/p/") == 6
    for link in paris_links:
        assert link in out
    assert "Aleksei Orlov: https://visits.example.org/p/" in out
    assert "password" not in out


def test_the_demo_organiser_is_created_only_with_the_flag():
    run()

    assert not get_user_model().objects.filter(username="organiser").exists()


def test_the_demo_organiser_with_the_flag_and_debug(settings):
    settings.DEBUG = True
    settings.DEMO_ORGANISER_PASSWORD = "correct horse battery"

    out, _err = run("--with-demo-organiser")
    run("--with-demo-organiser")

    user = get_user_model().objects.get(username="organiser")
    assert user.is_staff
    assert not user.is_superuser
    assert user.check_password("correct horse battery")
    assert list(user.groups.values_list("name", flat=True)) == ["Organisers"]
    assert sorted(user.organising_organisations.values_list("name_fr", flat=True)) == [
        "D'EST",
        "France terre d'asile",
    ]
    assert "organiser" in out
    assert "correct horse battery" in out
    assert get_user_model().objects.filter(is_superuser=True).count() == 0


def test_the_demo_organiser_is_refused_without_debug(settings):
    settings.DEBUG = False

    out, err = run("--with-demo-organiser")

    assert not get_user_model().objects.filter(username="organiser").exists()
    assert err.startswith("Refused: --with-demo-organiser")
    assert "password" not in out
    assert Visit.objects.count() == 2


def test_keep_changes_leaves_an_organisers_edits_in_the_demo_visits():
    call_command("load_demo", stdout=StringIO())
    visit = Visit.objects.get(slug="cifer-paris")
    visit.title_en = "My own rehearsal of the CIFER visit"
    visit.save()

    out = StringIO()
    call_command("load_demo", "--keep-changes", stdout=out)

    visit.refresh_from_db()
    assert visit.title_en == "My own rehearsal of the CIFER visit"
    assert "Demo visits already there: kept as they are." in out.getvalue()
