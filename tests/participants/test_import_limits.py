"""A delegation import is bounded: a file too big or too long is refused with words."""

import pytest
from django.core.files.storage import default_storage

from participants.models import Participant
from tests.factories import OrganiserFactory
from tests.participants.test_delegation_import import (
    CSV_FORMAT,
    HEADERS,
    XLSX_FORMAT,
    confirm,
    csv_bytes,
    upload,
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


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(owner_client, visit, settings):
    settings.DELEGATION_IMPORT_MAX_MB = 1
    data = csv_bytes([HEADERS, *rows(3)]) + b"#" * (1024 * 1024)

    response = upload(owner_client, visit, "delegation.csv", data)

    assert "This file is larger than 1 MB." in response.text
    assert response.context.get("confirm_form") is None
    assert Participant.objects.count() == 0


@pytest.mark.parametrize(("name", "file_format"), [("d.csv", CSV_FORMAT), ("d.xlsx", XLSX_FORMAT)])
def test_a_sheet_with_too_many_rows_is_refused(owner_client, visit, settings, name, file_format):
    settings.DELEGATION_IMPORT_MAX_ROWS = 10
    make = csv_bytes if file_format == CSV_FORMAT else xlsx_bytes

    response = upload(owner_client, visit, name, make([HEADERS, *rows(11)]), file_format)

    assert "This sheet has more than 10 rows of participants; split it into" in response.text
    assert response.context.get("confirm_form") is None


def test_a_sheet_at_the_preview_limit_is_previewed_and_imported_whole(
    owner_client, visit, settings
):
    # How long it takes is a figure for the benchmark, not an assertion here.
    count = settings.DELEGATION_IMPORT_PREVIEW_MAX_ROWS

    preview = upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(count)]))
    confirm(owner_client, preview)

    assert Participant.objects.filter(visit=visit).count() == count


def test_a_sheet_at_the_row_limit_imports_whole_through_a_worker(
    owner_client, visit, settings, django_capture_on_commit_callbacks
):
    settings.DELEGATION_IMPORT_MAX_ROWS = count = 300

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(count)]))

    assert response.status_code == 302
    assert Participant.objects.filter(visit=visit).count() == count


def test_the_previewed_sheet_waits_in_media_storage_not_in_tmp(owner_client, visit):
    # The confirmation may reach another web machine than the preview did.
    preview = upload(owner_client, visit, "d.csv", csv_bytes([HEADERS, *rows(2)]))
    name = preview.context["confirm_form"].initial["import_file_name"]

    assert default_storage.exists(f"django-import-export/{name}")
    confirm(owner_client, preview)
    assert Participant.objects.filter(visit=visit).count() == 2
    assert not default_storage.exists(f"django-import-export/{name}")


def test_a_refused_file_shows_the_message_and_no_traceback(owner_client, visit, settings):
    settings.DEBUG = False

    response = upload(owner_client, visit, "d.csv", csv_bytes([["Phone"], ["+33 1 23"]]))

    page = response.text
    assert "The file has no column “Name (Latin)”." in page
    assert "Traceback" not in page
    assert ".py" not in page
