"""Delegation sheets too large to read while the organiser waits: kept, then imported by a
worker, in one transaction, with the outcome on a page the organiser can open.

A sheet above ``DELEGATION_IMPORT_PREVIEW_MAX_KB`` or ``DELEGATION_IMPORT_PREVIEW_MAX_ROWS``
goes this way (the admin decides, see ``participants.admin.DelegationImportForm``); the
rules are the import's own (``participants.imports.ParticipantResource``): a refused row
refuses the whole sheet, and the organiser is told why, row by row, in their language.

Two chores of Celery beat keep it so when workers and messages are lost: an import left
waiting or running is sent again, a few times, then given up with words
(``delegation_imports_dispatch_stale``); sheets nobody needs any more are deleted, the
previews never confirmed included (``import_files_delete_expired``).
"""

import csv
import datetime
import io
import logging
import os
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
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

# An import takes seconds and is stopped at the task's hard limit (330 s). One still waiting
# or running this long after it was sent lost its worker (killed, out of memory, restarted)
# or its message (broker flushed): the sweep sends it again. Running it twice is harmless:
# the import is one transaction, under a lock on its row.
STALE_AFTER = datetime.timedelta(minutes=15)
# Sendings, the first included; after the last one's wait the import is given up.
MAX_ATTEMPTS = 3
# A sheet holds the delegation's contacts: none stays in media storage longer than this
# unless its import is still under way.
FILES_KEPT_FOR = datetime.timedelta(days=1)
# Where django-import-export keeps a previewed sheet until its confirmation
# (IMPORT_EXPORT_TMP_STORAGE_CLASS = MediaStorage), and where a large sheet waits.
PREVIEW_FOLDER = "django-import-export"
SHEET_FOLDER = DelegationImport._meta.get_field("sheet").upload_to.rstrip("/")
UNFINISHED = (DelegationImport.Status.WAITING, DelegationImport.Status.RUNNING)


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
    delegation_import = DelegationImport(
        visit=visit,
        file_name=os.path.basename(file_name)[:255],
        sheet_format=sheet_format,
        imported_by=imported_by,
        language=language,
        attempts=1,
        dispatched_at=timezone.now(),
    )
    content = ContentFile(sheet) if isinstance(sheet, bytes) else sheet
    # A name nobody can guess: the file holds the delegation's contacts.
    delegation_import.sheet.save(f"{uuid.uuid4().hex}.{sheet_format}", content, save=False)
    delegation_import.save()
    pk = delegation_import.pk

    def send() -> None:
        if not _send(pk):
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


def _send(delegation_import_id: int) -> bool:
    """Hand an import to the workers; False when the broker did not take it."""
    from participants.tasks import run_delegation_import

    try:
        run_delegation_import.delay(delegation_import_id=delegation_import_id)
    except Exception:  # a broker that does not answer; eagerly, a bug in the task
        logger.exception("Delegation import %s was not started", delegation_import_id)
        return False
    return True


def delegation_imports_dispatch_stale(*, now: datetime.datetime | None = None) -> int:
    """Send again every import left waiting or running past ``STALE_AFTER``; run by beat.

    A worker killed mid-import, or a message the broker lost, leaves the import waiting or
    running for ever: this heals it. Each sending counts one attempt, claimed by an update
    so that two sweeps never send the same import twice; once ``MAX_ATTEMPTS`` sendings
    have all gone stale the import is given up with a sentence the organiser can act on.
    Returns how many imports were sent again.
    """
    now = now or timezone.now()
    cutoff = now - STALE_AFTER
    overdue = Q(dispatched_at__lt=cutoff) | Q(dispatched_at__isnull=True, uploaded_at__lt=cutoff)
    sent = 0
    for delegation_import in DelegationImport.objects.filter(overdue, status__in=UNFINISHED):
        if delegation_import.attempts >= MAX_ATTEMPTS:
            _give_up(delegation_import.pk, NEVER_FINISHED)
            continue
        claimed = (
            DelegationImport.objects.filter(overdue, pk=delegation_import.pk, status__in=UNFINISHED)
            .filter(attempts=delegation_import.attempts)
            .update(attempts=F("attempts") + 1, dispatched_at=now)
        )
        if claimed:
            logger.warning(
                "Delegation import %s was sent again (attempt %s).",
                delegation_import.pk,
                delegation_import.attempts + 1,
            )
            # A broker still away: the next sweep tries again, until the attempts are spent.
            sent += _send(delegation_import.pk)
    return sent


# Said to the organiser in the language they uploaded in, hence translated only then.
NEVER_FINISHED = gettext_noop(
    "The import was started several times and never finished. Nothing was imported. Upload "
    "the sheet again; if it happens again, split it into smaller sheets and tell the "
    "portal's administrators."
)
WAITED_TOO_LONG = gettext_noop(
    "The import waited more than a day to be started and was given up; nothing was "
    "imported. Upload the sheet again."
)


def _give_up(delegation_import_id: int, problem: str) -> bool:
    """End an unfinished import as failed with ``problem`` (a msgid), unless a worker is
    importing it right now (it holds the row's lock and will end it itself)."""
    with transaction.atomic():
        delegation_import = (
            DelegationImport.objects.select_for_update(skip_locked=True)
            .filter(pk=delegation_import_id, status__in=UNFINISHED)
            .first()
        )
        if delegation_import is None:
            return False
        with translation.override(delegation_import.language):
            delegation_import_fail(delegation_import=delegation_import, problems=[_(problem)])
        return True


def import_files_delete_expired(*, now: datetime.datetime | None = None) -> int:
    """Delete the delegation sheets nobody will read again; run by Celery beat.

    - a previewed sheet never confirmed, once older than ``FILES_KEPT_FOR`` (a confirmation
      after that is told to upload the file again);
    - the sheet of an ended import (its end deletes it; this catches a delete that failed);
    - the sheet of an import still unfinished after ``FILES_KEPT_FOR``, which is given up;
    - a sheet no import holds (its visit deleted, its upload rolled back), once older than
      ``FILES_KEPT_FOR``.

    Nothing else in media storage is touched. Returns how many files were deleted.
    """
    now = now or timezone.now()
    cutoff = now - FILES_KEPT_FOR
    # Where MediaStorage itself keeps previews: a storage of its own if one is configured.
    preview_storage = storages["import_export"] if "import_export" in storages.backends else None
    deleted = _delete_files_older(preview_storage or default_storage, PREVIEW_FOLDER, cutoff)
    for pk in DelegationImport.objects.filter(
        status__in=UNFINISHED, uploaded_at__lt=cutoff
    ).values_list("pk", flat=True):
        deleted += _give_up(pk, WAITED_TOO_LONG)  # and its sheet
    for delegation_import in DelegationImport.objects.exclude(status__in=UNFINISHED).exclude(
        sheet=""
    ):
        delegation_import.sheet.delete(save=False)
        DelegationImport.objects.filter(pk=delegation_import.pk).update(sheet="")
        deleted += 1
    in_use = set(
        DelegationImport.objects.filter(status__in=UNFINISHED)
        .exclude(sheet="")
        .values_list("sheet", flat=True)
    )
    deleted += _delete_files_older(default_storage, SHEET_FOLDER, cutoff, keep=in_use)
    return deleted


def _delete_files_older(storage, folder: str, cutoff: datetime.datetime, keep=frozenset()) -> int:
    try:
        _folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in names:
        path = f"{folder}/{name}"
        if path in keep:
            continue
        try:
            if storage.get_modified_time(path) >= cutoff:
                continue
            storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue  # gone meanwhile; a storage that cannot tell its age is left alone
        deleted += 1
    return deleted


def delegation_import_run(*, delegation_import: DelegationImport) -> DelegationImport:
    """Import a kept sheet: every participant, or none and the reasons.

    Runs again after a worker was lost mid-way (the transaction left nothing behind); an
    import that has ended is left as it is. Two workers given the same import (the sweep
    sent it again while the first was slow) take turns on the row's lock, and the second
    finds it ended. The kept file is deleted once it has ended.
    """
    if delegation_import.is_finished:
        return delegation_import
    # Outside the transaction, so that the organiser's page shows it at once.
    DelegationImport.objects.filter(
        pk=delegation_import.pk, status=DelegationImport.Status.WAITING
    ).update(status=DelegationImport.Status.RUNNING)
    with transaction.atomic():
        delegation_import = (
            DelegationImport.objects.select_for_update()
            .select_related("visit")
            .get(pk=delegation_import.pk)
        )
        if delegation_import.is_finished:
            return delegation_import
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
