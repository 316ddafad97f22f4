from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DelegationImport(models.Model):
    """A delegation sheet too large to be read while the organiser waits.

    The file is kept in media storage (not the web machine's /tmp) so that any worker can
    read it; it is deleted once the import has ended, either way.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a worker")
        RUNNING = "running", _("Being imported")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    class SheetFormat(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel (xlsx)"

    visit = models.ForeignKey(
        "visits.Visit",
        verbose_name=_("visit"),
        related_name="delegation_imports",
        on_delete=models.CASCADE,
    )
    sheet = models.FileField(_("sheet"), upload_to="delegation-imports/", blank=True)
    file_name = models.CharField(_("file"), max_length=255)
    sheet_format = models.CharField(_("file format"), max_length=8, choices=SheetFormat.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.WAITING
    )
    # The failure is written in the language the organiser was using when they uploaded.
    language = models.CharField(_("language"), max_length=8)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_count = models.PositiveIntegerField(_("participants added"), default=0)
    updated_count = models.PositiveIntegerField(_("participants updated"), default=0)
    problems = models.TextField(_("why nothing was imported"), blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # How often the import was handed to the workers, and when last: an import still
    # waiting or running long after is sent again by the beat sweep, a few times only
    # (participants.sheet_imports.delegation_imports_dispatch_stale).
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    dispatched_at = models.DateTimeField(_("last sent to a worker"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delegation import")
        verbose_name_plural = _("delegation imports")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
