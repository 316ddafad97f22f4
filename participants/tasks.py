"""The Celery task that e-mails a personal link: thin, ids in, the service does the work."""

from __future__ import annotations

from celery import Task, shared_task

from participants.services import (
    TRANSIENT_SEND_ERRORS,
    link_mailing_mark_failed,
    participant_link_send,
)


class LinkMailingTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Retries are spent: the organiser sees on the mailings' page whom it did not reach.
        mailing_id = kwargs.get("mailing_id")
        if mailing_id is not None:
            link_mailing_mark_failed(mailing_id=mailing_id, error=exc)


@shared_task(
    name="participants.send_personal_link",
    base=LinkMailingTask,
    acks_late=True,
    # A mail server that does not answer, or answers "try later", may answer next time.
    autoretry_for=TRANSIENT_SEND_ERRORS,
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    soft_time_limit=60,
    time_limit=90,
    ignore_result=True,
)
def send_personal_link(*, mailing_id: int) -> None:
    participant_link_send(mailing_id=mailing_id)


@shared_task(
    name="participants.run_delegation_import",
    acks_late=True,
    # Below the broker's visibility timeout: only a lost worker's import is given to another.
    soft_time_limit=300,
    time_limit=330,
    ignore_result=True,
)
def run_delegation_import(*, delegation_import_id: int) -> None:
    # Imported here rather than at the top: only the worker that runs an import needs them.
    import logging

    from celery.exceptions import SoftTimeLimitExceeded
    from django.utils import translation
    from django.utils.translation import gettext, gettext_noop

    from participants.models import DelegationImport
    from participants.sheet_imports import delegation_import_fail, delegation_import_run

    delegation_import = (
        DelegationImport.objects.select_related("visit").filter(pk=delegation_import_id).first()
    )
    if delegation_import is None:
        return
    try:
        delegation_import_run(delegation_import=delegation_import)
    except SoftTimeLimitExceeded:
        problem = gettext_noop(
            "The import took too long and was stopped; nothing was imported. Split the "
            "sheet into smaller sheets and import them one after the other."
        )
    except Exception:
        # The organiser reads a sentence; the operators read the traceback in the log.
        logging.getLogger(__name__).exception("Delegation import %s failed", delegation_import_id)
        problem = gettext_noop(
            "The import stopped on an unexpected error; nothing was imported. Try again "
            "later, and tell the portal's administrators if it happens again."
        )
    else:
        return
    with translation.override(delegation_import.language):
        delegation_import_fail(delegation_import=delegation_import, problems=[gettext(problem)])


@shared_task(name="participants.dispatch_stale_imports", ignore_result=True)
def dispatch_stale_delegation_imports() -> None:
    """Periodic (Celery beat): send again the imports a lost worker or message left behind,
    and give up those whose attempts are spent."""
    from participants.sheet_imports import delegation_imports_dispatch_stale

    delegation_imports_dispatch_stale()


@shared_task(name="participants.delete_expired_import_files", ignore_result=True)
def delete_expired_import_files() -> None:
    """Periodic (Celery beat): delete the delegation sheets nobody will read again."""
    from participants.sheet_imports import import_files_delete_expired

    import_files_delete_expired()
