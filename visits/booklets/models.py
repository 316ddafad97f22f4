from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Booklet(models.Model):
    """One rendered PDF of a visit's programme, for one mode and one content version.

    A row is made when someone asks for a booklet whose current content has no file yet;
    the worker fills it. Rows of older versions stay for the organisers' history but are
    never served as current: a request always looks up the version of today's content.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Paper(models.TextChoices):
        A4 = "a4", "A4"
        A5 = "a5", "A5"

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public (no one's phone)")
        DELEGATION = "delegation", _("Delegation (with whom to call)")

    visit = models.ForeignKey(
        "visits.Visit", verbose_name=_("visit"), related_name="booklets", on_delete=models.CASCADE
    )
    # "ru" for one language, "ru+fr" for two side by side (first one on the left).
    languages = models.CharField(_("languages"), max_length=20)
    paper = models.CharField(_("paper"), max_length=2, choices=Paper.choices)
    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="booklets",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Empty for the whole delegation's booklet."),
    )
    # Whole-delegation booklets only: the public one, or the delegation's with its contacts.
    audience = models.CharField(
        _("booklet for"), max_length=12, choices=Audience.choices, default=Audience.PUBLIC
    )
    content_version = models.CharField(_("programme version"), max_length=64)
    # The programme revision and layout this file was last found current for (see
    # revision.py): a request that finds its key here needs no content, only this row.
    programme_key = models.CharField(_("programme revision"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to="booklets/", blank=True)
    error = models.TextField(_("error"), blank=True)
    # Every start of a render counts, so a booklet that kills its worker is not redelivered
    # for ever (see services.MAX_RENDER_ATTEMPTS).
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    dispatched_at = models.DateTimeField(_("sent to the worker"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("made"), null=True, blank=True)
    # Set when the e-mail saying this booklet failed went out: the reader's page says the
    # organisers were told only then.
    organisers_told_at = models.DateTimeField(_("organisers told"), null=True, blank=True)

    class Meta:
        verbose_name = _("booklet")
        verbose_name_plural = _("booklets")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Two constraints, because NULL participants are distinct in a plain unique index.
            models.UniqueConstraint(
                fields=["visit", "languages", "paper", "content_version"],
                condition=Q(participant__isnull=True),
                name="booklet_once_per_delegation_version",
            ),
            models.UniqueConstraint(
                fields=["visit", "languages", "paper", "participant", "content_version"],
                condition=Q(participant__isnull=False),
                name="booklet_once_per_participant_version",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "dispatched_at"], name="booklet_status_sent"),
            models.Index(fields=["visit", "programme_key"], name="booklet_programme_key"),
        ]

    def __str__(self) -> str:
        who = f" ({self.participant})" if self.participant_id else ""
        return f"{self.visit} {self.languages} {self.paper.upper()}{who} {self.short_version}"

    @property
    def language_list(self) -> list[str]:
        return self.languages.split("+")

    @property
    def short_version(self) -> str:
        return self.content_version[:8]

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)
