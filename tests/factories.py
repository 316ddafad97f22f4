"""factory_boy factories for every model of the portal.

Defaults describe a plausible study visit: an organising association, a week in Paris in
May 2019 (Europe/Paris), booklets in Russian and French. Translated fields are filled in
Russian, French and English so that a visit built from factories is complete; pass
``title_ru=""`` and the like to test a missing translation. Contacts are example.org and
phone numbers that cannot be dialled.

Every factory also takes ``bare=True``: then only the required fields (in French, the
default language) and those the test gives are filled, the rest left as a form left empty
would (no other language, no description, no venue, no contact). Scenarios and
the programme check's tests use it so that what a test does not give cannot make a finding,
a fallback or a stale translation appear or vanish.

Named situations built from these factories (a delegation in Paris, a booklet's visit, a
clean programme for the check) live in ``tests/scenarios.py``.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from organisations.models import Organisation, Person, Venue
from participants.models import Group, Journey, Participant, StaffMember, Stay
from visits.models import (
    Day,
    EmergencyContact,
    Resource,
    Session,
    TravelTime,
    Visit,
    VisitOrganisation,
)
from visits.services import organiser_group_ensure


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    class Params:
        bare = factory.Trait(
            name_ru=None,
            name_en=None,
            description_fr=None,
            description_ru=None,
            description_en=None,
            website="",
            city_fr=None,
            city_ru=None,
            city_en=None,
            country_fr=None,
            country_ru=None,
            country_en=None,
        )

    name_fr = factory.Sequence(lambda n: f"Association {n}")
    # Organisations are proper names: the same in every language unless a test says so.
    name_ru = factory.SelfAttribute("name_fr")
    name_en = factory.SelfAttribute("name_fr")
    kind = Organisation.Kind.ASSOCIATION
    description_fr = factory.LazyAttribute(lambda o: f"{o.name_fr} accueille des délégations.")
    description_ru = factory.LazyAttribute(lambda o: f"{o.name_fr} принимает делегации.")
    description_en = factory.LazyAttribute(lambda o: f"{o.name_fr} hosts delegations.")
    website = factory.Sequence(lambda n: f"https://association-{n}.example.org")
    city_fr = "Paris"
    city_ru = "Париж"
    city_en = "Paris"
    country_fr = "France"
    country_ru = "Франция"
    country_en = "France"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    class Params:
        bare = factory.Trait(
            name_ru=None,
            name_en=None,
            role_fr=None,
            role_ru=None,
            role_en=None,
            organisation=None,
            email="",
            phone="",
        )

    name_fr = factory.Sequence(lambda n: f"Camille Martin {n}")
    name_ru = factory.SelfAttribute("name_fr")
    name_en = factory.SelfAttribute("name_fr")
    role_fr = "Chargée de mission"
    role_ru = "Специалист"
    role_en = "Project officer"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"speaker{n}@example.org")
    phone = factory.Sequence(lambda n: f"+33 1 00 00 {n // 100 % 100:02d} {n % 100:02d}")


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    class Params:
        bare = factory.Trait(
            name_ru=None,
            name_en=None,
            address="",
            postal_code="",
            city_en=None,
            country_fr=None,
            country_ru=None,
            country_en=None,
            directions_fr=None,
            directions_ru=None,
            directions_en=None,
            organisation=None,
        )

    name_fr = factory.Sequence(lambda n: f"Salle {n}")
    name_ru = factory.Sequence(lambda n: f"Зал {n}")
    name_en = factory.Sequence(lambda n: f"Room {n}")
    address = "Place de l'Hôtel de Ville"
    postal_code = "75004"
    city_fr = "Paris"
    city_ru = "Париж"
    city_en = "Paris"
    country_fr = "France"
    country_ru = "Франция"
    country_en = "France"
    directions_fr = "Métro : Hôtel de Ville (lignes 1 et 11)."
    directions_ru = "Метро: Hôtel de Ville (линии 1 и 11)."
    directions_en = "Metro: Hôtel de Ville (lines 1 and 11)."
    organisation = factory.SubFactory(OrganisationFactory)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    class Params:
        bare = factory.Trait(
            title_ru=None,
            title_en=None,
            cities_fr=None,
            cities_ru=None,
            cities_en=None,
            goals_fr=None,
            goals_ru=None,
            goals_en=None,
        )

    title_fr = factory.Sequence(lambda n: f"Visite d'étude {n}")
    title_ru = factory.Sequence(lambda n: f"Учебный визит {n}")
    title_en = factory.Sequence(lambda n: f"Study visit {n}")
    slug = factory.Sequence(lambda n: f"visit-{n}")
    start_date = dt.date(2019, 5, 12)
    end_date = dt.date(2019, 5, 18)
    time_zone = "Europe/Paris"
    cities_fr = "Paris"
    cities_ru = "Париж"
    cities_en = "Paris"
    organiser = factory.SubFactory(OrganisationFactory)
    first_language = "ru"
    second_language = "fr"
    goals_fr = "Découvrir les pratiques locales d'accueil."
    goals_ru = "Познакомиться с местными практиками приёма."
    goals_en = "To discover local practices of welcome."
    status = Visit.Status.DRAFT


class VisitOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitOrganisation

    visit = factory.SubFactory(VisitFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = VisitOrganisation.Role.SUPPORTER
    position = 0


class DayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Day

    class Params:
        bare = factory.Trait(
            heading_fr=None,
            heading_ru=None,
            heading_en=None,
            city_fr=None,
            city_ru=None,
            city_en=None,
        )

    visit = factory.SubFactory(VisitFactory)
    # Successive days of the visit, wrapping round so that the date stays inside it.
    date = factory.LazyAttributeSequence(
        lambda day, n: (
            day.visit.start_date
            + dt.timedelta(days=n % ((day.visit.end_date - day.visit.start_date).days + 1))
        )
    )
    heading_fr = "Rencontres à Paris"
    heading_ru = "Встречи в Париже"
    heading_en = "Meetings in Paris"
    city_fr = "Paris"
    city_ru = "Париж"
    city_en = "Paris"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    class Params:
        bare = factory.Trait(
            title_ru=None,
            title_en=None,
            description_fr=None,
            description_ru=None,
            description_en=None,
            venue=None,
            interpretation=Session.Interpretation.NONE,
            interpretation_note_fr=None,
            interpretation_note_ru=None,
            interpretation_note_en=None,
        )

    visit = factory.SubFactory(VisitFactory)
    kind = Session.Kind.MEETING
    # 10:00–12:00 on the visit's second day (its first if it lasts one day), local time.
    starts_at = factory.LazyAttribute(
        lambda session: dt.datetime.combine(
            min(session.visit.start_date + dt.timedelta(days=1), session.visit.end_date),
            dt.time(10, 0),
            tzinfo=ZoneInfo(session.visit.time_zone),
        )
    )
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + dt.timedelta(hours=2))
    title_fr = factory.Sequence(lambda n: f"Rencontre {n}")
    title_ru = factory.Sequence(lambda n: f"Встреча {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    description_fr = "Présentation et échanges."
    description_ru = "Презентация и обсуждение."
    description_en = "Presentation and discussion."
    venue = factory.SubFactory(VenueFactory)
    interpretation = Session.Interpretation.CONSECUTIVE
    interpretation_note_fr = "russe–français"
    interpretation_note_ru = "русский — французский"
    interpretation_note_en = "Russian–French"

    @factory.post_generation
    def hosts(self, create, extracted, **kwargs):
        if create and extracted:
            self.hosts.set(extracted)

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)


class ResourceFactory(factory.django.DjangoModelFactory):
    """A link by default; ``ResourceFactory(with_file=True)`` attaches a small text file."""

    class Meta:
        model = Resource

    class Params:
        with_file = factory.Trait(
            url="",
            file=factory.LazyFunction(
                lambda: ContentFile(b"Plan de mobilisation\n", name="plan.txt")
            ),
        )
        bare = factory.Trait(
            title_ru=None,
            title_en=None,
            summary_fr=None,
            summary_ru=None,
            summary_en=None,
            url="",
            language="",
        )

    visit = factory.SubFactory(VisitFactory)
    session = None
    title_fr = factory.Sequence(lambda n: f"Document {n}")
    title_ru = factory.Sequence(lambda n: f"Документ {n}")
    title_en = factory.Sequence(lambda n: f"Document {n}")
    summary_fr = "À lire avant la rencontre."
    summary_ru = "Прочитать перед встречей."
    summary_en = "To read before the meeting."
    url = factory.Sequence(lambda n: f"https://documents.example.org/{n}")
    language = "fr"


class EmergencyContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmergencyContact

    class Params:
        bare = factory.Trait(role_fr=None, role_ru=None, role_en=None, email="")

    visit = factory.SubFactory(VisitFactory)
    name = factory.Sequence(lambda n: f"Permanence {n}")
    role_fr = "Organisateur, permanence téléphonique"
    role_ru = "Организатор, дежурный телефон"
    role_en = "Organiser, duty phone"
    phone = factory.Sequence(lambda n: f"+33 1 00 00 {n // 100 % 100:02d} {n % 100:02d}")
    email = factory.Sequence(lambda n: f"duty{n}@example.org")


class TravelTimeFactory(factory.django.DjangoModelFactory):
    """How long the delegation takes between two cities of a visit, as the organiser says."""

    class Meta:
        model = TravelTime

    visit = factory.SubFactory(VisitFactory)
    city_from = "Paris"
    city_to = "Rouen"
    minutes = 120


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    class Params:
        bare = factory.Trait(name_ru=None, name_en=None)

    visit = factory.SubFactory(VisitFactory)
    name_fr = factory.Sequence(lambda n: f"Groupe {n}")
    name_ru = factory.Sequence(lambda n: f"Группа {n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant
        skip_postgeneration_save = True

    class Params:
        bare = factory.Trait(home_organisation="", position="", city="", email="", phone="")

    visit = factory.SubFactory(VisitFactory)
    name_native = factory.Sequence(lambda n: f"Анна Иванова {n}")
    name_latin = factory.Sequence(lambda n: f"Anna Ivanova {n}")
    home_organisation = "Районная библиотека"
    position = "Библиотекарь"
    city = "Саратов"
    preferred_language = "ru"
    role = Participant.Role.DELEGATE
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    phone = factory.Sequence(lambda n: f"+33 1 00 00 {n // 100 % 100:02d} {n % 100:02d}")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)


# --- logistics: hotels, journeys, nights, staff -----------------------------------------


class HotelFactory(VenueFactory):
    kind = Venue.Kind.HOTEL
    name_fr = factory.Sequence(lambda n: f"Hôtel du Marais {n}")
    name_ru = factory.SelfAttribute("name_fr")
    name_en = factory.SelfAttribute("name_fr")
    address = "12 rue de Turenne"
    phone = "+33 1 00 00 99 99"
    email = factory.Sequence(lambda n: f"hotel{n}@example.org")
    organisation = None


class JourneyFactory(factory.django.DjangoModelFactory):
    """A flight from Moscow landing in Paris on the visit's first morning."""

    class Meta:
        model = Journey

    participant = factory.SubFactory(ParticipantFactory)
    direction = Journey.Direction.ARRIVAL
    mode = Journey.Mode.FLIGHT
    carrier = "Air France"
    number = "AF 1845"
    from_place = "Moscou Cheremetievo"
    from_zone = "Europe/Moscow"
    departs_at = dt.datetime(2019, 5, 12, 7, 0, tzinfo=ZoneInfo("Europe/Moscow"))
    to_place = "Paris Charles-de-Gaulle"
    to_zone = "Europe/Paris"
    arrives_at = dt.datetime(2019, 5, 12, 9, 50, tzinfo=ZoneInfo("Europe/Paris"))
    booking_reference = factory.Sequence(lambda n: f"BKREF{n:04d}")


class StayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stay

    participant = factory.SubFactory(ParticipantFactory)
    hotel = factory.SubFactory(HotelFactory)
    room = "204"
    room_sleeps = 2
    check_in = dt.date(2019, 5, 12)
    check_out = dt.date(2019, 5, 18)


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember
        skip_postgeneration_save = True

    visit = factory.SubFactory(VisitFactory)
    role = StaffMember.Role.INTERPRETER
    name = factory.Sequence(lambda n: f"Irina Koval {n}")
    languages = "ru, fr"
    phone = "+33 6 00 00 00 00"

    @factory.post_generation
    def sessions(self, create, extracted, **kwargs):
        if create and extracted:
            self.sessions.set(extracted)


class OrganiserFactory(factory.django.DjangoModelFactory):
    """A staff user in the organisers' group, member of ``organisation`` (one made if none).

    ``OrganiserFactory(username="anna", organisation=visit.organiser)`` is an organiser who
    sees that visit; any password is "x".
    """

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"organiser{n}")
    password = factory.django.Password("x")
    is_staff = True

    @factory.post_generation
    def organisation(self, create, extracted, **kwargs):
        if not create:
            return
        self.groups.add(organiser_group_ensure())
        (extracted or OrganisationFactory()).members.add(self)
