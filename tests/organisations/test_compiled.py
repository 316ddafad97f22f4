"""A query compiled once answers each later call with that call's values, as the ORM would."""

import pytest
from django.db.models import Count
from django.utils import translation

from organisations.compiled import CompiledQuery
from organisations.models import Organisation
from participants.models import Participant
from tests.factories import OrganisationFactory
from tests.scenarios import readers_in_paris

pytestmark = pytest.mark.django_db

by_email = CompiledQuery(
    lambda email: (
        Participant.objects.select_related("visit", "visit__organiser")
        .filter(email=email)
        .annotate(groups_count=Count("groups"))
        .order_by("pk")
    ),
    email="stand-in address",
)


def test_each_call_finds_its_own_row_with_related_objects_and_annotations(
    django_assert_num_queries,
):
    data = readers_in_paris()
    anna = Participant.objects.get(email="anna@example.org")
    claire = Participant.objects.get(email="claire@example.org")

    with django_assert_num_queries(2):  # one each: the visit and organiser came in its row
        first, second = by_email.first(email=anna.email), by_email.first(email=claire.email)
        organiser_name = second.visit.organiser.name_fr

    assert organiser_name == "D'EST"
    assert (first.pk, first.name_latin) == (anna.pk, anna.name_latin)
    assert (second.pk, second.name_latin) == (claire.pk, claire.name_latin)
    assert second.groups_count == claire.groups.count()
    assert second.visit == data.visit
    assert second.visit.start_date == data.visit.start_date  # converted, not a string
    assert by_email.first(email="nobody@example.org") is None


def test_a_translated_filter_follows_the_language_active_at_each_call():
    library = OrganisationFactory(name_en="Library", name_fr="Bibliothèque")
    by_name = CompiledQuery(
        lambda name: Organisation.objects.filter(name=name).order_by("pk"),
        name="stand-in name",
    )

    with translation.override("fr"):
        assert by_name.instances(name="Bibliothèque") == [library]
    with translation.override("en"):
        assert by_name.instances(name="Library") == [library]
        assert by_name.instances(name="Bibliothèque") == []


def test_a_stand_in_that_never_reaches_the_sql_is_refused():
    inlined = CompiledQuery(lambda limit: Organisation.objects.all()[:limit], limit=987_654)

    with pytest.raises(ValueError, match="limit"):
        inlined.tuples(limit=3)
