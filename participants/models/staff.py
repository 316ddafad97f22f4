"""The people who work a visit: interpreters, guides and drivers, with their own link."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_choices
from participants.models.delegation import new_access_token


class StaffMember(models.Model):
    """An interpreter, guide or driver of one visit, assigned to sessions and transfers.

    A staff member may also be a participant (the delegation's own interpreter travels
    with it); then the participant record carries the journeys and nights.
    """

    class Role(models.TextChoices):
        INTERPRETER = "interpreter", _("Interpreter")
        GUIDE = "guide", _("Guide")
        DRIVER = "driver", _("Driver")

    visit = models.ForeignKey(
        "visits.Visit", verbose_name=_("visit"), related_name="staff", on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200)
    languages = models.CharField(
        _("languages"),
        max_length=120,
        blank=True,
        help_text=_("Language codes separated by commas, for example: ru, fr."),
    )
    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("also a participant"),
        related_name="staff_roles",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    preferred_language = models.CharField(
        _("language of their page"), max_length=8, choices=language_choices, default="fr"
    )
    phone = models.CharField(_("phone (private)"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail (private)"), blank=True)
    sessions = models.ManyToManyField(
        "visits.Session",
        verbose_name=_("assigned to"),
        related_name="staff",
        blank=True,
        help_text=_("The sessions and transfers this person works."),
    )
    access_token = models.CharField(
        _("personal link key"), max_length=64, unique=True, default=new_access_token, editable=False
    )
    notes = models.TextField(_("private notes"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff")
        ordering = ["visit", "role", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    @property
    def language_codes(self) -> list[str]:
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]
