"""The lists for the hotel, the transfer company and the staff: what they print (PDF text,
XLSX cells), what they never print, and who may download them."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from organisations.models import Venue
from participants.models import Journey
from tests.factories import (
    HotelFactory,
    JourneyFactory,
    OrganisationFactory,
    ParticipantFactory,
    SessionFactory,
    StaffMemberFactory,
    StayFactory,
    VisitFactory,
)
from tests.visits.booklets.conftest import pdf_pages
from visits.logistics.paper import XLSX_KINDS, paper_pdf
from visits.models import Session
from visits.services import organiser_group_ensure

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def visit():
    visit = VisitFactory(title_en="Study visit to Paris and Rouen", slug="paris-rouen-2019")
    pickup = SessionFactory(
        visit=visit,
        kind=Session.Kind.TRANSFER,
        starts_at=dt.datetime(2019, 5, 12, 11, 0, tzinfo=PARIS),
        ends_at=dt.datetime(2019, 5, 12, 12, 30, tzinfo=PARIS),
        title_en="Welcome at the airport",
        meeting_point_en="Terminal 2E, gate 6",
        venue=None,
        interpretation="",
    )
    meeting = SessionFactory(visit=visit, title_en="Meeting at the City Hall")
    hotel = HotelFactory(name_fr="Hôtel du Marais", name_en="Hôtel du Marais")
    anna = ParticipantFactory(visit=visit, name_latin="Anna Ivanova", name_native="Анна Иванова")
    boris = ParticipantFactory(visit=visit, name_latin="Boris Petrov", name_native="Борис Петров")
    for person in (anna, boris):
        JourneyFactory(participant=person, booking_reference="SECRET1", transfer=pickup)
        StayFactory(participant=person, hotel=hotel, room="204", check_out=dt.date(2019, 5, 14))
    JourneyFactory(
        participant=anna,
        direction=Journey.Direction.DEPARTURE,
        mode=Journey.Mode.TRAIN,
        carrier="SNCF",
        number="TER 3105",
        from_place="Paris Saint-Lazare",
        from_zone="Europe/Paris",
        departs_at=dt.datetime(2019, 5, 13, 17, 10, tzinfo=PARIS),
        to_place="Rouen Rive Droite",
        to_zone="Europe/Paris",
        arrives_at=dt.datetime(2019, 5, 13, 18, 30, tzinfo=PARIS),
        booking_reference="SECRET2",
    )
    StaffMemberFactory(visit=visit, name="Irina Koval", languages="ru, fr", sessions=[meeting])
    StaffMemberFactory(visit=visit, role="guide", name="Paul Martin", sessions=[pickup])
    return visit


def text_of(visit, kind, language="en") -> str:
    return " ".join(pdf_pages(paper_pdf(visit=visit, kind=kind, language=language)))


def cells(visit, kind, language="en") -> list[list]:
    book = load_workbook(io.BytesIO(XLSX_KINDS[kind](visit, language)))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_the_rooming_list_pdf_lists_each_night_and_room_of_each_hotel(visit):
    text = text_of(visit, "rooming-list")

    assert text.startswith("Rooming list Study visit to Paris and Rouen")
    assert "Hôtel du Marais 12 rue de Turenne, 75004 Paris" in text
    assert "Night of Sunday 12 May" in text and "Night of Monday 13 May" in text
    assert "Night of Tuesday 14 May" not in text
    assert "204 2 Anna Ivanova (Анна Иванова) Boris Petrov (Борис Петров)" in text
    assert "SECRET" not in text and "+33" not in text.replace("+33 1 00 00 99 99", "")


def test_the_rooming_list_xlsx_has_one_row_per_guest_and_night(visit):
    rows = cells(visit, "rooming-list")

    assert rows[0] == [
        "Hotel",
        "Night",
        "Room",
        "Beds",
        "Name in Latin script",
        "Name in own script",
        "Check-in",
        "Check-out",
    ]
    assert rows[1] == [
        "Hôtel du Marais",
        dt.datetime(2019, 5, 12),
        "204",
        2,
        "Anna Ivanova",
        "Анна Иванова",
        dt.datetime(2019, 5, 12),
        dt.datetime(2019, 5, 14),
    ]
    assert len(rows) == 1 + 2 * 2


def test_the_arrivals_pdf_groups_travellers_per_service_with_their_transfer(visit):
    text = text_of(visit, "arrivals")

    assert text.startswith("Arrivals and departures Study visit to Paris and Rouen")
    assert "Sunday 12 May" in text
    # One line for the two travellers on AF 1845, times in each place's zone.
    assert "Arrival Flight Air France AF 1845" in text
    assert "Moscou Cheremetievo 07:00 Moscow" in text
    assert "de-Gaulle 09:50 Paris" in text
    assert "2: Anna Ivanova, Boris Petrov" in text
    assert "Welcome at the airport Sunday 12 May, 11:00 Terminal 2E, gate 6" in text
    assert "Monday 13 May" in text and "Train SNCF TER 3105" in text
    assert "SECRET" not in text


def test_the_arrivals_xlsx_has_one_row_per_traveller(visit):
    rows = cells(visit, "arrivals")

    assert rows[0][:6] == ["Day", "Direction", "Mode", "Journey", "From", "Departs (local time)"]
    assert rows[1] == [
        dt.datetime(2019, 5, 12),
        "Arrival",
        "Flight",
        "Air France AF 1845",
        "Moscou Cheremetievo",
        dt.datetime(2019, 5, 12, 7, 0),
        "Moscow",
        "Paris Charles-de-Gaulle",
        dt.datetime(2019, 5, 12, 9, 50),
        "Paris",
        None,
        "Anna Ivanova",
        "Welcome at the airport",
        "Sunday 12 May, 11:00",
        "Terminal 2E, gate 6",
    ]
    assert [row[11] for row in rows[1:]] == ["Anna Ivanova", "Boris Petrov", "Anna Ivanova"]
    assert not any("SECRET" in str(cell) for row in rows for cell in row)


def test_the_staff_plan_lists_each_days_assignments_in_order(visit):
    text = text_of(visit, "staff-plan")
    rows = cells(visit, "staff-plan")

    assert text.startswith("Interpreters' and guides' plan Study visit to Paris and Rouen")
    assert (
        "Sunday 12 May TIME WHO SESSION WHERE INTERPRETATION 11:00–12:30 Paul Martin Guide" in text
    )
    assert "10:00–12:00 Irina Koval Interpreter · ru, fr Meeting at the City Hall" in text
    assert "Welcome at the airport Transfer Terminal 2E, gate 6" in text
    assert [row[3] for row in rows[1:]] == ["Paul Martin", "Irina Koval"]
    assert rows[2][9] == "Consecutive interpretation (Russian–French)"


def test_the_lists_follow_the_language_asked_for(visit):
    assert text_of(visit, "rooming-list", "fr").startswith("Liste des chambres")
    assert cells(visit, "arrivals", "ru")[0][0] == "День"


def organiser(username, organisation):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.groups.add(organiser_group_ensure())
    organisation.members.add(user)
    return user


def test_organisers_download_their_visits_lists_and_no_one_elses(client, visit):
    url = f"/admin/participants/staffmember/lists/{visit.pk}/rooming-list.xlsx?lang=en"
    client.force_login(organiser("anna", visit.organiser))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="paris-rouen-2019-rooming-list-en.xlsx"'
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.active["E2"].value == "Anna Ivanova"
    pdf = client.get(url.replace(".xlsx", ".pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert "Anna Ivanova" in " ".join(pdf_pages(pdf.content))
    listing = client.get("/admin/participants/staffmember/lists/").content.decode()
    assert f"lists/{visit.pk}/arrivals.pdf?lang=ru" in listing

    client.force_login(organiser("other", OrganisationFactory()))
    assert client.get(url).status_code == 404
    assert (
        f"lists/{visit.pk}/"
        not in client.get("/admin/participants/staffmember/lists/").content.decode()
    )


def test_a_staff_member_cannot_be_given_another_visits_sessions(client, visit):
    other = SessionFactory(title_en="Someone else's meeting")
    client.force_login(organiser("anna", visit.organiser))
    other.visit.organiser.members.add(get_user_model().objects.get(username="anna"))

    response = client.post(
        "/admin/participants/staffmember/add/",
        {
            "visit": visit.pk,
            "role": "interpreter",
            "name": "Nina Orel",
            "languages": "ru, fr",
            "preferred_language": "fr",
            "sessions": [other.pk],
        },
    )

    assert response.status_code == 200
    assert "These sessions belong to another visit" in response.content.decode()
    assert not visit.staff.filter(name="Nina Orel").exists()


def test_a_hotel_another_organisers_delegation_sleeps_in_cannot_be_deleted_by_us(client, visit):
    hotel = Venue.objects.get(kind=Venue.Kind.HOTEL)
    client.force_login(organiser("other", OrganisationFactory()))

    response = client.get(f"/admin/organisations/venue/{hotel.pk}/delete/")

    assert response.status_code == 403


def test_the_staff_plan_prints_an_approximate_time_in_words(visit):
    meeting = Session.objects.get(title_en="Meeting at the City Hall")
    meeting.time_precision = Session.TimePrecision.ALL_DAY
    meeting.full_clean()  # stored as 00:00 to 00:00 the next day
    meeting.save()

    text = text_of(visit, "staff-plan")
    rows = cells(visit, "staff-plan")

    assert "All day Irina Koval Interpreter · ru, fr Meeting at the City Hall" in text
    assert "00:00" not in text
    irina = next(row for row in rows if row[3] == "Irina Koval")
    assert irina[1:3] == ["All day", None]


def test_a_transfer_of_approximate_time_is_listed_in_words(visit):
    pickup = Session.objects.get(title_en="Welcome at the airport")
    pickup.time_precision = Session.TimePrecision.TO_BE_CONFIRMED
    pickup.full_clean()
    pickup.save()

    text = text_of(visit, "arrivals")
    rows = cells(visit, "arrivals")

    assert "Welcome at the airport Sunday 12 May, time to be confirmed" in text
    assert rows[1][13] == "Sunday 12 May, time to be confirmed"
    assert "00:00" not in text
