"""A speaker may be known by a role at an organisation, with no personal name."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from organisations.models import Organisation, Person
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_person_known_by_role_at_an_organisation_needs_no_name():
    person = Person(
        role_fr="Directrice du service juridique",
        role_ru="Директор юридической службы",
        organisation=OrganisationFactory(name_fr="Association partenaire"),
    )
    person.full_clean()
    person.save()
    assert str(person) == "Directrice du service juridique (Association partenaire)"
    assert person.is_known_by_role


def test_a_person_with_neither_name_nor_role_and_organisation_is_refused_in_words():
    person = Person(role_fr="Directrice")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert error.value.message_dict["name"] == [
        "Give the person's name, or their role and their organisation for someone known by "
        "their role."
    ]


def test_the_database_refuses_a_nameless_person_without_role_or_organisation():
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(role_fr="Directrice")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(organisation=OrganisationFactory())


def test_deleting_an_organisation_keeps_its_named_people_and_refuses_for_roles():
    named = PersonFactory()
    named.organisation.delete()
    named.refresh_from_db()
    assert named.organisation is None

    organisation = OrganisationFactory()
    Person.objects.create(role_fr="Directrice", organisation=organisation)
    with pytest.raises(ProtectedError):
        organisation.delete()


def test_new_kinds_of_organisation():
    kinds = dict(Organisation.Kind.choices)
    assert [
        str(kinds[k])
        for k in ("international", "territorial_body", "funder", "university", "foundation")
    ] == [
        "International organisation",
        "Territorial public body",
        "Funder or EU programme",
        "University",
        "Foundation",
    ]


@pytest.mark.parametrize("typed", ["Directric", "юридической", "partenaire"])
def test_a_speaker_known_by_role_is_found_from_the_english_admin_in_any_language(
    admin_client, typed
):
    """The admin speaks English here; the role was written in French and Russian only."""
    Person.objects.create(
        role_fr="Directrice du service juridique",
        role_ru="Директор юридической службы",
        organisation=OrganisationFactory(name_fr="Association partenaire"),
    )

    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": typed,
            "app_label": "visits",
            "model_name": "session",
            "field_name": "speakers",
        },
    )

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == [
        "Directrice du service juridique (Association partenaire)"
    ]
