import pytest
from django.core.management import call_command, get_commands

from visits.models import Visit
from visits.programme_check import ERROR, programme_check

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]


@pytest.mark.skipif("load_demo" not in get_commands(), reason="the demo loader is not there")
def test_the_demo_visits_pass_the_check_with_no_error(capsys):
    call_command("load_demo")
    capsys.readouterr()

    visits = list(Visit.objects.order_by("slug"))
    errors = {
        visit.slug: [f.message for f in programme_check(visit=visit) if f.severity == ERROR]
        for visit in visits
    }

    assert len(visits) >= 2
    assert errors == {visit.slug: [] for visit in visits}
