import pytest
from django.utils import translation

from organisations.models import Organisation
from organisations.selectors import translated_ordering

pytestmark = pytest.mark.django_db


def test_ordering_by_a_translated_name_falls_back_like_the_reader_sees_it():
    Organisation.objects.create(name_fr="Singa France", name_ru="Сингa Франс")
    # No Russian name: a Russian reader sees "BAAM" and expects it among the B's, not first.
    Organisation.objects.create(name_fr="BAAM", name_ru="")
    Organisation.objects.create(name_fr="Mairie de Paris", name_ru="Мэрия Парижа")
    Organisation.objects.create(name_fr="Atelier des artistes en exil", name_ru=None)

    with translation.override("ru"):
        ordered = Organisation.objects.order_by(translated_ordering("name"))
        names_ru = [organisation.name for organisation in ordered]
    with translation.override("fr"):
        names_fr = list(
            Organisation.objects.order_by(translated_ordering("name")).values_list(
                "name_fr", flat=True
            )
        )

    assert names_ru == ["Atelier des artistes en exil", "BAAM", "Мэрия Парижа", "Сингa Франс"]
    assert names_fr == ["Atelier des artistes en exil", "BAAM", "Mairie de Paris", "Singa France"]
