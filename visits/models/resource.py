"""Background reading for a visit or a session."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_choices
from visits.models.programme import Session
from visits.models.visit import Visit


class Resource(models.Model):
    """Background reading for a visit or one of its sessions: a file or a link."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), related_name="resources", on_delete=models.CASCADE
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        related_name="resources",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Leave empty for reading about the whole visit."),
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(_("file"), upload_to="resources/%Y/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(
        _("language of the document"), max_length=8, choices=language_choices, blank=True
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                name="resource_has_file_or_link",
                condition=~Q(file="") | ~Q(url=""),
                violation_error_message=_("Attach a file or give a link."),
            )
        ]

    def __str__(self) -> str:
        return self.title or "?"

    def clean(self) -> None:
        if self.session_id and self.visit_id and self.session.visit_id != self.visit_id:
            raise ValidationError({"session": _("This session belongs to another visit.")})
