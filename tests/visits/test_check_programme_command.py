"""manage.py check_programme speaks the organiser's language with its typography: in French
the titles' guillemets and the colons carry their narrow no-break spaces."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from organisations.models import Venue
from tests.scenarios import may_2019, paris_rouen_programme, plain_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]


def run(slug: str, language: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with translation.override(language), pytest.raises(SystemExit):
        call_command("check_programme", slug, stdout=out, stderr=err, no_color=True)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def visit_with_an_overlap():
    visit = paris_rouen_programme()
    plain_session(
        visit,
        "L'atelier du Musée Carnavalet",
        may_2019(13, 11),
        may_2019(13, 12),
        venue=Venue.objects.get(name_fr="Hôtel de Ville"),
    )
    return visit


def test_the_french_output_is_typeset(visit_with_an_overlap):
    out, err = run(visit_with_an_overlap.slug, "fr")

    assert "erreur\u202f: «\u202fRencontre à la Mairie de Paris\u202f» (2019-05-13 " in out
    assert "et «\u202fL’atelier du Musée Carnavalet\u202f» (2019-05-13 11:00–12:00)" in out
    assert "«R" not in out and "s»" not in out and "'" not in out
    assert err == "paris-rouen-2019\u202f: 1 erreurs, 0 avertissements.\n"


def test_the_russian_output_keeps_its_own_punctuation(visit_with_an_overlap):
    out, _err = run(visit_with_an_overlap.slug, "ru")

    assert "ошибка: Мероприятия «Rencontre à la Mairie de Paris (ru)» (2019-05-13 " in out
    assert "\u202f" not in out
