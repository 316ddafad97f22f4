"""Published programme versions, the notices sent about them, and what each participant read."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeVersion(models.Model):
    """What the participants of a visit could read when the organiser published it.

    ``snapshot`` is the programme as a participant reads it, in every language, and which
    sessions each participant has (visits.changes.snapshot): comparing two snapshots says
    what changed in words, without replaying the history.
    """

    visit = models.ForeignKey(
        "visits.Visit",
        verbose_name=_("visit"),
        related_name="programme_versions",
        on_delete=models.CASCADE,
    )
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("programme as read"), default=dict)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("programme version")
        verbose_name_plural = _("programme versions")
        ordering = ["visit", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "number"], name="programme_version_number_once_per_visit"
            )
        ]

    def __str__(self) -> str:
        return _("Version %(number)s") % {"number": self.number}


class ChangeNotice(models.Model):
    """One message to one participant about the changes of one version to their programme."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Delivery failed")
        NO_ADDRESS = "no_address", _("No e-mail address")

    version = models.ForeignKey(
        ProgrammeVersion,
        verbose_name=_("version"),
        related_name="notices",
        on_delete=models.CASCADE,
    )
    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="change_notices",
        on_delete=models.CASCADE,
    )
    language = models.CharField(_("language"), max_length=8)
    changes = models.JSONField(_("changes told"), default=list)
    sent_to = models.EmailField(_("sent to"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("change notice")
        verbose_name_plural = _("change notices")
        ordering = ["version", "participant__name_latin"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "participant"], name="change_notice_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant} ({self.get_status_display()})"


class ItineraryReading(models.Model):
    """Which version a participant's itinerary showed them, and the one before it.

    The itinerary marks what changed between the two, so that a reload does not lose the
    marks: they go when a newer version is read.
    """

    participant = models.OneToOneField(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="itinerary_reading",
        on_delete=models.CASCADE,
    )
    version = models.ForeignKey(
        ProgrammeVersion,
        verbose_name=_("version read"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
    )
    previous_version = models.ForeignKey(
        ProgrammeVersion,
        verbose_name=_("version read before"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
    )
    read_at = models.DateTimeField(_("read at"), auto_now=True)

    class Meta:
        verbose_name = _("itinerary reading")
        verbose_name_plural = _("itinerary readings")

    def __str__(self) -> str:
        return f"{self.participant_id} v{self.version_id}"
