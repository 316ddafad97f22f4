import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_choices


def new_access_token() -> str:
    # 32 bytes: 256 bits of randomness, URL-safe, 43 characters.
    return secrets.token_urlsafe(32)


class Group(models.Model):
    """A named part of a delegation, for the sessions it attends on its own."""

    visit = models.ForeignKey(
        "visits.Visit", verbose_name=_("visit"), related_name="groups", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["visit", "name"]

    def __str__(self) -> str:
        return self.name or "?"


class Participant(models.Model):
    """A member of the delegation. Contacts and needs are seen by organisers only."""

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("Delegate")
        ORGANISER = "organiser", _("Organiser")
        INTERPRETER = "interpreter", _("Interpreter")
        GUIDE = "guide", _("Guide")

    visit = models.ForeignKey(
        "visits.Visit",
        verbose_name=_("visit"),
        related_name="participants",
        on_delete=models.CASCADE,
    )
    name_native = models.CharField(
        _("name in own script"), max_length=200, help_text=_("For example: Анна Иванова.")
    )
    name_latin = models.CharField(
        _("name in Latin script"), max_length=200, help_text=_("As in the passport: Anna Ivanova.")
    )
    home_organisation = models.CharField(_("home organisation"), max_length=250, blank=True)
    position = models.CharField(_("position"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=language_choices, default="ru"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.DELEGATE)
    groups = models.ManyToManyField(
        Group, verbose_name=_("groups"), related_name="participants", blank=True
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    needs = models.TextField(
        _("needs"), blank=True, help_text=_("Diet, access, health: seen by organisers only.")
    )
    private_notes = models.TextField(_("private notes"), blank=True)
    access_token = models.CharField(
        _("personal link key"), max_length=64, unique=True, default=new_access_token, editable=False
    )
    access_token_issued_at = models.DateTimeField(_("personal link issued"), auto_now_add=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["visit", "name_latin"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "email"],
                condition=~models.Q(email=""),
                name="participant_email_once_per_visit",
                violation_error_message=_("Another participant of this visit has this e-mail."),
            )
        ]

    def __str__(self) -> str:
        if self.name_native and self.name_native != self.name_latin:
            return f"{self.name_latin} ({self.name_native})"
        return self.name_latin


class LinkMailing(models.Model):
    """One e-mail carrying a participant's personal link, and whether it reached them.

    Recorded when the organiser asks for it, before the task sends it, so that the admin
    shows who got the link, who did not and why: no address, or a mail server that still
    refused it when the retries were spent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Delivery failed")
        NO_ADDRESS = "no_address", _("No e-mail address")

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="link_mailings",
        on_delete=models.CASCADE,
    )
    sent_to = models.EmailField(_("sent to"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    link = models.CharField(_("link sent"), max_length=300, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal link e-mail")
        verbose_name_plural = _("personal link e-mails")
        ordering = ["-asked_at", "-id"]

    def __str__(self) -> str:
        return f"{self.sent_to or self.participant_id} {self.asked_at:%Y-%m-%d %H:%M}"

    @property
    def link_is_current(self) -> bool:
        return self.link.rstrip("/").endswith(self.participant.access_token)
