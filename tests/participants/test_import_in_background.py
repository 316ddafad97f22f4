"""A large delegation sheet is kept and imported by a worker; the organiser follows its page."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.models import DelegationImport, Participant
from tests.factories import OrganisationFactory, OrganiserFactory
from tests.participants.test_delegation_import import (
    CSV_FORMAT,
    HEADERS,
    XLSX_FORMAT,
    csv_bytes,
    xlsx_bytes,
)
from tests.scenarios import paris_rouen_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    return paris_rouen_programme()


@pytest.fixture
def owner_client(client, visit):
    client.force_login(OrganiserFactory(username="anna", organisation=visit.organiser))
    return client


def rows(count: int) -> list[list[str]]:
    return [
        [f"Участник {n}", f"Participant {n}", "", "", "", f"p{n}@example.ru", "", "ru", ""]
        for n in range(count)
    ]


def upload(client, visit, name, data, file_format=CSV_FORMAT, language="en"):
    return client.post(
        reverse("admin:participants_participant_import"),
        {
            "visit": visit.pk,
            "resource": "0",
            "format": file_format,
            "import_file": SimpleUploadedFile(name, data),
        },
        follow=True,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def import_page(client, delegation_import, language="en"):
    url = reverse("admin:participants_delegationimport_change", args=[delegation_import.pk])
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language)


def test_a_sheet_above_the_preview_rows_is_imported_by_the_task(
    owner_client, visit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(250)]))

    assert Participant.objects.filter(visit=visit).count() == 250
    page = response.text
    assert "This sheet is large: it is being imported in the background" in page
    delegation_import = DelegationImport.objects.get()
    assert (delegation_import.status, delegation_import.created_count) == ("done", 250)
    assert (
        "Imported: 250 participants added, 0 updated."
        in import_page(owner_client, delegation_import).text
    )
    # The kept sheet holds the delegation's contacts: it goes once imported.
    assert not delegation_import.sheet
    assert default_storage.listdir("delegation-imports")[1] == []


def test_the_request_keeps_the_sheet_and_reads_none_of_its_rows(
    owner_client, visit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(250)]))

    delegation_import = DelegationImport.objects.get()
    assert Participant.objects.count() == 0
    assert delegation_import.status == "waiting"
    assert default_storage.exists(delegation_import.sheet.name)
    assert "The sheet waits for a worker. This page reloads by itself." in response.text
    assert '<meta http-equiv="refresh" content="5">' in response.text
    assert len(callbacks) == 1

    callbacks[0]()  # the worker's turn

    assert Participant.objects.filter(visit=visit).count() == 250
    finished = import_page(owner_client, delegation_import).text
    assert 'http-equiv="refresh"' not in finished


def test_a_file_above_the_preview_size_goes_to_the_task_whatever_its_rows(
    owner_client, visit, settings, django_capture_on_commit_callbacks
):
    settings.DELEGATION_IMPORT_PREVIEW_MAX_KB = 1
    padded = [[*row[:3], "x" * 240, *row[4:]] for row in rows(4)]

    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *padded]))

    assert DelegationImport.objects.get().created_count == 4
    assert Participant.objects.filter(visit=visit).count() == 4


def test_a_large_excel_sheet_is_imported_by_the_task(
    owner_client, visit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.xlsx", xlsx_bytes([HEADERS, *rows(210)]), XLSX_FORMAT)

    assert DelegationImport.objects.get().sheet_format == "xlsx"
    assert Participant.objects.filter(visit=visit).count() == 210


def test_a_refused_row_fails_the_import_with_words_and_imports_nobody(
    owner_client, visit, settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = False
    last = ["Клингон", "Klingon", "", "", "", "k@example.ru", "", "klingon", ""]
    sheet = [HEADERS, *rows(229), last]

    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.csv", csv_bytes(sheet), language="fr")

    delegation_import = DelegationImport.objects.get()
    assert delegation_import.status == "failed"
    assert Participant.objects.count() == 0
    page = import_page(owner_client, delegation_import, language="fr").text
    assert "Ligne 230, Language\u202f: «\u202fklingon\u202f» n’est pas une langue" in page
    assert "Traceback" not in page
    assert ".py" not in page


def test_a_sheet_without_its_names_column_fails_with_the_column_named(
    owner_client, visit, settings, django_capture_on_commit_callbacks
):
    settings.DELEGATION_IMPORT_PREVIEW_MAX_KB = 1
    sheet = [["E-mail", "Phone"], *[[f"p{n}@example.ru", "x" * 40] for n in range(40)]]

    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.csv", csv_bytes(sheet))

    page = import_page(owner_client, DelegationImport.objects.get()).text
    assert "Nothing was imported. Correct the sheet and upload it again:" in page
    assert "The file has no column “Name (Latin)”. Columns found: “E-mail”, “Phone”." in page


def test_a_sheet_above_the_row_cap_is_refused_by_the_task(
    owner_client, visit, settings, django_capture_on_commit_callbacks
):
    settings.DELEGATION_IMPORT_PREVIEW_MAX_KB = 1
    settings.DELEGATION_IMPORT_MAX_ROWS = 30

    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(31)]))

    delegation_import = DelegationImport.objects.get()
    assert delegation_import.problems == (
        "This sheet has more than 30 rows of participants; split it into smaller sheets and "
        "import them one after the other."
    )
    assert Participant.objects.count() == 0


def test_an_excel_file_that_is_not_one_fails_with_words(
    owner_client, visit, settings, django_capture_on_commit_callbacks
):
    settings.DELEGATION_IMPORT_PREVIEW_MAX_KB = 1

    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.xlsx", b"PK\x03\x04" + b"\x00" * 2000, XLSX_FORMAT)

    assert DelegationImport.objects.get().problems.startswith(
        "This file cannot be read as Excel (xlsx)."
    )


def test_another_organisation_neither_lists_nor_opens_the_import(
    client, owner_client, visit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(250)]))
    delegation_import = DelegationImport.objects.get()
    outsider = OrganiserFactory(
        username="milena", organisation=OrganisationFactory(bare=True, name_fr="FTDA")
    )
    client.force_login(outsider)

    listing = client.get(reverse("admin:participants_delegationimport_changelist"))
    page = import_page(client, delegation_import, language="en")

    assert "d.csv" not in listing.text
    assert page.status_code == 302
    assert "Participant 1" not in page.text
