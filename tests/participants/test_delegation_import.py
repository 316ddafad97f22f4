import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.imports import ParticipantResource
from participants.models import Participant
from tests.factories import (
    GroupFactory,
    OrganisationFactory,
    OrganiserFactory,
    ParticipantFactory,
)
from tests.scenarios import paris_rouen_programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_in_french")]

IMPORT_URL = "admin:participants_participant_import"
CSV_FORMAT, XLSX_FORMAT = "0", "1"

HEADERS = [
    "ФИО",
    "Name (Latin)",
    "Организация",
    "Должность",
    "Город",
    "E-mail",
    "Телефон",
    "Язык",
    "Группа",
]
ANNA = [
    "Анна Иванова",
    "Anna Ivanova",
    "Библиотека им. Некрасова",
    "директор",
    "Москва",
    "anna@example.ru",
    "+7 900 000 00 01",
    "ru",
    "Musées",
]
BORIS = [
    "Борис Петров",
    "Boris Petrov",
    "Управа района",
    "глава",
    "Москва",
    "boris@example.ru",
    "+7 900 000 00 02",
    "русский",
    "Districts",
]


@pytest.fixture
def visit():
    visit = paris_rouen_programme()
    GroupFactory(bare=True, visit=visit, name_fr="Musées", name_ru="Musées (ru)")
    GroupFactory(bare=True, visit=visit, name_fr="Districts", name_ru="Districts (ru)")
    return visit


@pytest.fixture
def owner(visit):
    return OrganiserFactory(username="anna", organisation=visit.organiser)


def csv_bytes(rows, encoding="utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, visit, name, data, file_format=CSV_FORMAT):
    return client.post(
        reverse(IMPORT_URL),
        {
            "visit": visit.pk,
            "resource": "0",
            "format": file_format,
            "import_file": SimpleUploadedFile(name, data),
        },
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    return client.post(reverse("admin:participants_participant_process_import"), data)


def test_a_csv_delegation_is_previewed_then_imported(client, owner, visit):
    client.force_login(owner)

    preview = upload(client, visit, "delegation.csv", csv_bytes([HEADERS, ANNA, BORIS]))

    assert preview.context["confirm_form"] is not None
    assert "Anna Ivanova" in preview.content.decode()
    assert Participant.objects.count() == 0

    confirm(client, preview)

    anna = Participant.objects.get(email="anna@example.ru")
    assert (anna.visit, anna.name_native, anna.home_organisation, anna.preferred_language) == (
        visit,
        "Анна Иванова",
        "Библиотека им. Некрасова",
        "ru",
    )
    assert [g.name_fr for g in anna.groups.all()] == ["Musées"]
    boris = Participant.objects.get(email="boris@example.ru")
    assert boris.preferred_language == "ru"
    assert [g.name_fr for g in boris.groups.all()] == ["Districts"]


def test_an_xlsx_delegation_with_french_headers_is_imported(client, owner, visit):
    client.force_login(owner)
    rows = [
        ["Nom", "Courriel", "Langue", "Groupe", "Ville"],
        ["Milena Novak", "milena@example.si", "English", "Districts; Musées", "Ljubljana"],
    ]

    preview = upload(client, visit, "delegation.xlsx", xlsx_bytes(rows), XLSX_FORMAT)
    confirm(client, preview)

    milena = Participant.objects.get()
    assert (milena.name_latin, milena.name_native, milena.preferred_language, milena.city) == (
        "Milena Novak",
        "Milena Novak",
        "en",
        "Ljubljana",
    )
    assert sorted(g.name_fr for g in milena.groups.all()) == ["Districts", "Musées"]


def test_a_semicolon_csv_from_french_or_russian_excel_is_imported(client, owner, visit):
    client.force_login(owner)
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([HEADERS, ANNA, [*BORIS[:8], "Districts; Musées"]])

    preview = upload(client, visit, "délégation.csv", out.getvalue().encode("utf-8-sig"))
    confirm(client, preview)

    assert sorted(Participant.objects.values_list("name_native", flat=True)) == [
        "Анна Иванова",
        "Борис Петров",
    ]
    boris = Participant.objects.get(email="boris@example.ru")
    assert sorted(g.name_fr for g in boris.groups.all()) == ["Districts", "Musées"]


def test_empty_rows_at_the_end_of_a_sheet_are_not_participants(client, owner, visit):
    client.force_login(owner)

    preview = upload(
        client, visit, "delegation.xlsx", xlsx_bytes([HEADERS, ANNA, [], [""] * 9]), XLSX_FORMAT
    )
    confirm(client, preview)

    assert list(Participant.objects.values_list("name_latin", flat=True)) == ["Anna Ivanova"]


def test_a_cp1251_csv_from_excel_is_read_as_cyrillic_and_said_so(client, owner, visit):
    client.force_login(owner)

    row = [*ANNA[:8], "Districts"]

    preview = upload(client, visit, "excel.csv", csv_bytes([HEADERS, row], encoding="cp1251"))

    page = preview.content.decode()
    assert "The file was not saved as UTF-8; it was read as Windows Cyrillic (cp1251)." in page
    assert "Анна Иванова" in page
    confirm(client, preview)
    assert Participant.objects.get().name_native == "Анна Иванова"


def test_a_cp1252_csv_with_french_accents_is_read_as_western(client, owner, visit):
    client.force_login(owner)
    rows = [["Name (Latin)", "City"], ["Hélène Dupré", "Besançon"]]

    preview = upload(client, visit, "excel.csv", csv_bytes(rows, encoding="cp1252"))
    confirm(client, preview)

    assert Participant.objects.get().city == "Besançon"


def test_a_missing_column_is_named_and_nothing_is_written(client, owner, visit):
    client.force_login(owner)
    rows = [["ФИО", "E-mail"], ["Анна Иванова", "anna@example.ru"]]

    preview = upload(client, visit, "delegation.csv", csv_bytes(rows))

    page = preview.content.decode()
    assert "The file has no column “Name (Latin)”. Columns found: “ФИО”, “E-mail”." in page
    assert "confirm_form" not in preview.context or preview.context["confirm_form"] is None
    assert Participant.objects.count() == 0


def test_a_duplicate_email_refuses_the_file(client, owner, visit):
    client.force_login(owner)
    twin = [*BORIS[:5], "ANNA@example.ru", *BORIS[6:]]

    preview = upload(client, visit, "delegation.csv", csv_bytes([HEADERS, ANNA, twin]))

    page = preview.content.decode()
    assert "The e-mail anna@example.ru is already on row 1 of this file." in page
    assert preview.context.get("confirm_form") is None
    assert Participant.objects.count() == 0


def test_an_unknown_group_refuses_the_file(client, owner, visit):
    client.force_login(owner)
    lost = [*BORIS[:8], "Architectes"]

    preview = upload(client, visit, "delegation.csv", csv_bytes([HEADERS, ANNA, lost]))

    page = preview.content.decode()
    assert "No group “Architectes” in this visit. Its groups are: Districts, Musées." in page
    assert preview.context.get("confirm_form") is None
    assert Participant.objects.count() == 0


def test_an_unknown_language_and_a_bad_email_are_explained(client, owner, visit):
    client.force_login(owner)
    wrong = [*ANNA[:5], "anna@", ANNA[6], "klingon", ANNA[8]]

    preview = upload(client, visit, "delegation.csv", csv_bytes([HEADERS, wrong]))

    page = preview.content.decode()
    assert "“klingon” is not a language of the portal; write one of ru, fr, en." in page
    assert "Enter a valid email address." in page
    # Errors name the column as the sheet has it, not the database field.
    assert "E-mail: Enter a valid email address." in page
    assert "Language: “klingon” is not a language of the portal" in page
    assert Participant.objects.count() == 0


def test_a_known_email_updates_that_participant(client, owner, visit):
    ParticipantFactory(
        bare=True, visit=visit, name_latin="Anna I.", name_native="Anna I.", email="anna@example.ru"
    )
    client.force_login(owner)

    confirm(client, upload(client, visit, "delegation.csv", csv_bytes([HEADERS, ANNA])))

    assert list(Participant.objects.values_list("name_latin", flat=True)) == ["Anna Ivanova"]


def test_nobody_imports_into_another_organisations_visit(client, visit):
    outsider = OrganiserFactory(
        username="milena", organisation=OrganisationFactory(bare=True, name_fr="FTDA")
    )
    client.force_login(outsider)

    response = upload(client, visit, "delegation.csv", csv_bytes([HEADERS, ANNA]))

    assert "Select a valid choice" in response.content.decode()
    assert Participant.objects.count() == 0


def test_the_export_has_the_import_columns_and_imports_again(client, owner, visit):
    anna = ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin="Anna Ivanova",
        name_native="Anna Ivanova",
        email="anna@example.ru",
        city="Москва",
    )
    anna.name_native = "Анна Иванова"
    anna.save()
    anna.groups.set(visit.groups.filter(name_fr="Musées"))

    exported = ParticipantResource().export(queryset=Participant.objects.all())

    assert exported.headers == [
        "Name (own script)",
        "Name (Latin)",
        "Organisation",
        "Position",
        "City",
        "E-mail",
        "Phone",
        "Language",
        "Group",
        "Role",
    ]
    assert exported[0] == (
        "Анна Иванова",
        "Anna Ivanova",
        "",
        "",
        "Москва",
        "anna@example.ru",
        "",
        "ru",
        "Musées",
        "delegate",
    )
    other = paris_rouen_programme(slug="paris-rouen-2020")
    GroupFactory(bare=True, visit=other, name_fr="Musées", name_ru="Musées (ru)")
    client.force_login(OrganiserFactory(username="olga", organisation=other.organiser))
    confirm(client, upload(client, other, "export.csv", exported.csv.encode()))
    copy = Participant.objects.get(visit=other)
    assert (copy.name_native, copy.city, [g.name_fr for g in copy.groups.all()]) == (
        "Анна Иванова",
        "Москва",
        ["Musées"],
    )


def test_the_export_page_renders_for_the_owner(client, owner, visit):
    client.force_login(owner)

    response = client.get(reverse("admin:participants_participant_export"))

    assert response.status_code == 200
