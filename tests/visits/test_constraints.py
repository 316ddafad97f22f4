import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from organisations.models import Venue
from tests.factories import DayFactory, OrganisationFactory, SessionFactory, VisitFactory
from visits.models import Day, Session, Visit

PARIS = ZoneInfo("Europe/Paris")
pytestmark = pytest.mark.django_db


def refused(create) -> bool:
    try:
        with transaction.atomic():
            create()
    except IntegrityError:
        return True
    return False


def test_the_database_refuses_a_session_ending_before_it_starts():
    visit = VisitFactory()
    start = dt.datetime(2019, 5, 13, 10, tzinfo=PARIS)

    assert refused(
        lambda: Session.objects.create(
            visit=visit, title="Mairie", starts_at=start, ends_at=start - dt.timedelta(hours=1)
        )
    )
    assert refused(
        lambda: Session.objects.create(visit=visit, title="Mairie", starts_at=start, ends_at=start)
    )


def test_the_database_refuses_a_visit_ending_before_it_begins():
    organiser = OrganisationFactory()

    assert refused(
        lambda: Visit.objects.create(
            title="Rouen",
            slug="rouen",
            organiser=organiser,
            start_date=dt.date(2019, 5, 18),
            end_date=dt.date(2019, 5, 12),
        )
    )


def test_the_database_refuses_a_duplicate_slug():
    VisitFactory(slug="paris-rouen-2019")

    assert refused(lambda: VisitFactory(slug="paris-rouen-2019"))


def test_the_database_refuses_a_day_outside_its_visit():
    visit = VisitFactory(start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 18))

    assert refused(lambda: Day.objects.create(visit=visit, date=dt.date(2019, 5, 19)))
    assert refused(lambda: Day.objects.create(visit=visit, date=dt.date(2019, 5, 11)))
    day = Day.objects.create(visit=visit, date=dt.date(2019, 5, 18))
    day.date = dt.date(2019, 6, 1)
    assert refused(lambda: day.save())
    assert Day.objects.get(pk=day.pk).date == dt.date(2019, 5, 18)


def test_the_database_refuses_two_days_on_one_date():
    visit = VisitFactory(start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 18))
    DayFactory(visit=visit, date=dt.date(2019, 5, 13))

    assert refused(lambda: Day.objects.create(visit=visit, date=dt.date(2019, 5, 13)))


def test_the_database_refuses_half_a_pair_of_coordinates():
    assert refused(
        lambda: Venue.objects.create(name="Hôtel de Ville", city="Paris", latitude=48.85)
    )


def test_validation_says_what_is_wrong_in_plain_words():
    visit = VisitFactory(start_date=dt.date(2019, 5, 12), end_date=dt.date(2019, 5, 18))
    start = dt.datetime(2019, 5, 13, 10, tzinfo=PARIS)
    session = SessionFactory.build(visit=visit, starts_at=start, ends_at=start)
    day = Day(visit=visit, date=dt.date(2019, 5, 20))

    with pytest.raises(ValidationError) as session_error:
        session.full_clean()
    with pytest.raises(ValidationError) as day_error:
        day.full_clean()

    assert session_error.value.messages == ["A session must end after it starts."]
    assert day_error.value.message_dict == {
        "date": ["2019-05-20 is outside the visit, which runs from 2019-05-12 to 2019-05-18."]
    }


def test_a_second_visit_with_the_same_slug_is_explained():
    VisitFactory(slug="cifer-paris")
    copy = VisitFactory.build(slug="cifer-paris", organiser=OrganisationFactory())

    with pytest.raises(ValidationError) as error:
        copy.full_clean()

    assert error.value.message_dict["slug"] == ["Another visit already uses this short name."]
