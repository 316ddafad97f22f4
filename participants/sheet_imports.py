"""Delegation sheets too large to read while the organiser waits: kept, then imported by a
worker, in one transaction, with the outcome on a page the organiser can open.

A sheet above ``DELEGATION_IMPORT_PREVIEW_MAX_KB`` or ``DELEGATION_IMPORT_PREVIEW_MAX_ROWS``
goes this way (the admin decides, see ``participants.admin.DelegationImportForm``); the
rules are the import's own (``participants.imports.ParticipantResource``): a refused row
refuses the whole sheet, and the organiser is told why, row by row, in their language.
"""

import csv
import io
import logging
import os
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from participants.imports import (
    ParticipantResource,
    column_heading,
    comma_separated,
    count_csv_rows,
    count_xlsx_rows,
    decode_spreadsheet_text,
)
from participants.models import DelegationImport

logger = logging.getLogger(__name__)

# Enough for the organiser to see what kind of mistake the sheet has; the rest is summed up.
PROBLEMS_SHOWN = 50


class SheetRefused(Exception):
    """The sheet cannot be imported; ``problems`` says why, in the organiser's words."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def delegation_import_queue(
    *, visit, sheet, file_name: str, sheet_format: str, imported_by, language: str
) -> DelegationImport:
    """Keep ``sheet`` (bytes or a file) in media storage and have a worker import it.

    The task is sent after the transaction commits; the request reads none of the rows.
    Returns the waiting ``DelegationImport`` whose page shows how it went.
    """
    from participants.tasks import run_delegation_import

    delegation_import = DelegationImport(
        visit=visit,
        file_name=os.path.basename(file_name)[:255],
        sheet_format=sheet_format,
        imported_by=imported_by,
        language=language,
    )
    content = ContentFile(sheet) if isinstance(sheet, bytes) else sheet
    # A name nobody can guess: the file holds the delegation's contacts.
    delegation_import.sheet.save(f"{uuid.uuid4().hex}.{sheet_format}", content, save=False)
    delegation_import.save()
    pk = delegation_import.pk

    def send() -> None:
        try:
            run_delegation_import.delay(delegation_import_id=pk)
        except Exception:  # a broker that does not answer; eagerly, a bug in the task
            logger.exception("Delegation import %s was not started", pk)
            with translation.override(language):
                delegation_import_fail(
                    delegation_import=DelegationImport.objects.get(pk=pk),
                    problems=[
                        _(
                            "The import could not be started. Nothing was imported; upload "
                            "the sheet again in a few minutes."
                        )
                    ],
                )

    transaction.on_commit(send)
    return delegation_import


def delegation_import_run(*, delegation_import: DelegationImport) -> DelegationImport:
    """Import a kept sheet: every participant, or none and the reasons.

    Runs again after a worker was lost mid-way (the transaction left nothing behind); an
    import that has ended is left as it is. The kept file is deleted once it has ended.
    """
    if delegation_import.is_finished:
        return delegation_import
    delegation_import.status = DelegationImport.Status.RUNNING
    delegation_import.save(update_fields=["status"])
    with translation.override(delegation_import.language):
        try:
            created, updated = _import_sheet(delegation_import)
        except SheetRefused as refused:
            return delegation_import_fail(
                delegation_import=delegation_import, problems=refused.problems
            )
    delegation_import.status = DelegationImport.Status.DONE
    delegation_import.created_count = created
    delegation_import.updated_count = updated
    return _finish(delegation_import)


def delegation_import_fail(*, delegation_import: DelegationImport, problems: list[str]):
    """End an import as refused, keeping the reasons for the organiser."""
    delegation_import.status = DelegationImport.Status.FAILED
    delegation_import.problems = "\n".join(problems)
    return _finish(delegation_import)


def _finish(delegation_import: DelegationImport) -> DelegationImport:
    delegation_import.finished_at = timezone.now()
    if delegation_import.sheet:
        delegation_import.sheet.delete(save=False)
    delegation_import.save()
    return delegation_import


def _import_sheet(delegation_import: DelegationImport) -> tuple[int, int]:
    """The numbers of participants added and updated; ``SheetRefused`` when none were."""
    try:
        with delegation_import.sheet.open("rb") as kept:
            data = kept.read()
    except (OSError, ValueError):
        logger.exception("The sheet of delegation import %s is gone", delegation_import.pk)
        raise SheetRefused([_("The uploaded file is no longer there; upload it again.")]) from None
    dataset = _dataset(data, delegation_import.sheet_format)
    resource = ParticipantResource(visit=delegation_import.visit)
    result = resource.import_data(
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=True,
        # One refused row refuses the file: nothing half-imported.
        rollback_on_validation_errors=True,
        user=delegation_import.imported_by,
        file_name=delegation_import.file_name,
    )
    if result.has_errors() or result.has_validation_errors():
        raise SheetRefused(_problems(result))
    return result.totals["new"], result.totals["update"]


def _dataset(data: bytes, sheet_format: str):
    limit = settings.DELEGATION_IMPORT_MAX_ROWS
    unreadable = SheetRefused(
        [
            _(
                "This file cannot be read as %(format)s. Check that it is the delegation's "
                "sheet, saved as CSV or Excel (xlsx), and that the right format was chosen."
            )
            % {"format": DelegationImport.SheetFormat(sheet_format).label}
        ]
    )
    if sheet_format == DelegationImport.SheetFormat.CSV:
        text, _encoding = decode_spreadsheet_text(data)
        try:
            text = comma_separated(text)
            count = count_csv_rows(text, limit=limit + 2)
        except csv.Error:
            raise SheetRefused(
                [
                    _(
                        "A cell of this file is longer than %(limit)s characters, or its "
                        "quotes do not match. Check that it is the delegation's sheet, saved "
                        "as CSV."
                    )
                    % {"limit": csv.field_size_limit()}
                ]
            ) from None
        file_format, content = base_formats.CSV(encoding="utf-8"), text
    else:
        count = count_xlsx_rows(io.BytesIO(data), limit=limit + 2)
        if count is None:
            raise unreadable
        file_format, content = base_formats.XLSX(), data
    # The first row names the columns.
    if count - 1 > limit:
        raise SheetRefused(
            [
                _(
                    "This sheet has more than %(limit)s rows of participants; split it into "
                    "smaller sheets and import them one after the other."
                )
                % {"limit": limit}
            ]
        )
    try:
        return file_format.create_dataset(content)
    except Exception:  # noqa: BLE001 - tablib and openpyxl raise many kinds for a bad file
        logger.info("A delegation sheet could not be read", exc_info=True)
        raise unreadable from None


def _row_problem(number: int, field_name: str | None, problem) -> str:
    if field_name is None:
        return _("Row %(number)s: %(problem)s") % {"number": number, "problem": problem}
    return _("Row %(number)s, %(column)s: %(problem)s") % {
        "number": number,
        "column": column_heading(field_name),
        "problem": problem,
    }


def _problems(result) -> list[str]:
    """Each reason the import refused the sheet, as the import page words them."""
    problems = [str(error.error) for error in result.base_errors]
    for number, errors in result.row_errors():
        problems += [_row_problem(number, None, error.error) for error in errors]
    for row in result.invalid_rows:
        for field_name, messages in row.field_specific_errors.items():
            problems += [_row_problem(row.number, field_name, message) for message in messages]
        problems += [_row_problem(row.number, None, m) for m in row.non_field_specific_errors]
    if len(problems) > PROBLEMS_SHOWN:
        more = len(problems) - PROBLEMS_SHOWN
        problems = [
            *problems[:PROBLEMS_SHOWN],
            _("… and %(count)s more.") % {"count": more},
        ]
    return problems
