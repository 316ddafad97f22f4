"""An organiser adds the days of a visit on its page, up to and including its last date."""

import datetime as dt

import pytest

from tests.factories import DayFactory, OrganiserFactory, VisitFactory
from tests.visits.admin.test_visit import change_url, visit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    visit = VisitFactory(start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 18))
    DayFactory(visit=visit, date=dt.date(2019, 5, 12), heading_fr="Arrivée")
    return visit


# The last date is the edge a strict "<" would refuse; a date in the middle is the control.
@pytest.mark.parametrize("date", [dt.date(2019, 5, 18), dt.date(2019, 5, 15)])
def test_an_organiser_adds_a_day_on_the_visits_last_date(client, visit, date):
    organiser = OrganiserFactory(organisation=visit.organiser)
    assert not organiser.is_superuser
    client.force_login(organiser)
    data = visit_form(visit, **{"days-TOTAL_FORMS": 2, "days-1-date": date.isoformat()})
    data["days-0-heading_fr"] = "Arrivée"
    data["days-1-heading_fr"] = "Départ"

    response = client.post(change_url(visit), data)

    assert response.status_code == 302, response.context["errors"]
    assert list(visit.days.values_list("date", "heading_fr")) == [
        (dt.date(2019, 5, 12), "Arrivée"),
        (date, "Départ"),
    ]
