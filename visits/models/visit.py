"""The visit: dates, zone, languages, the organisations that take part, whom to call."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_choices
from organisations.models import Organisation

# The areas of the IANA database's Area/Location names. The database also holds names no
# organiser means, which some systems list too: "localtime" (the server's own zone),
# "Factory", "posixrules", "EST5EDT", "Etc/GMT+3" (whose sign is the reverse of UTC+3).
TIME_ZONE_AREAS = {
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
}


def validate_time_zone(value: str) -> None:
    area = value.split("/", 1)[0] if "/" in value else None
    named = value == "UTC" or area in TIME_ZONE_AREAS
    if not named or value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a time zone name such as Europe/Paris."), params={"zone": value}
        )


class Visit(models.Model):
    """A study visit: the programme an organising association builds for a delegation."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    title = models.CharField(_("title"), max_length=250)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    slug = models.SlugField(
        _("short name for links"),
        max_length=80,
        unique=True,
        error_messages={"unique": _("Another visit already uses this short name.")},
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_time_zone],
        help_text=_(
            "Every time of the programme is shown in this zone, whatever the reader's device says."
        ),
    )
    cities = models.CharField(_("cities"), max_length=250, blank=True)
    organiser = models.ForeignKey(
        Organisation,
        verbose_name=_("organiser"),
        related_name="organised_visits",
        on_delete=models.PROTECT,
    )
    partners = models.ManyToManyField(
        Organisation,
        through="VisitOrganisation",
        verbose_name=_("supporters and partners"),
        related_name="visits",
        blank=True,
    )
    first_language = models.CharField(
        _("first booklet language"), max_length=8, choices=language_choices, default="ru"
    )
    second_language = models.CharField(
        _("second booklet language"),
        max_length=8,
        choices=language_choices,
        blank=True,
        default="fr",
        help_text=_("Leave empty for a programme in one language."),
    )
    source_language = models.CharField(
        _("language the programme is written in"),
        max_length=8,
        choices=language_choices,
        blank=True,
        help_text=_(
            "Translations are compared with the texts in this language. Left empty, it is "
            "the portal's language when it is a booklet language, else the first one."
        ),
    )
    goals = models.TextField(_("goals"), blank=True)
    content = models.TextField(_("content"), blank=True)
    themes = models.TextField(_("themes"), blank=True, help_text=_("One theme per line."))
    practical_information = models.TextField(_("practical information"), blank=True)
    schedule_note = models.TextField(
        _("note on the schedule"),
        blank=True,
        help_text=_("For example: an illustrative schedule, times to be confirmed."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Bumped by every save of what a booklet prints (visits/booklets/revision.py), so that a
    # stored booklet is found by (visit, mode, participant, revision) without reading the
    # programme again.
    programme_revision = models.PositiveIntegerField(_("programme revision"), default=0)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-start_date", "slug"]
        constraints = [
            models.CheckConstraint(
                name="visit_ends_on_or_after_start",
                condition=Q(end_date__gte=F("start_date")),
                violation_error_message=_(
                    "The last day of a visit cannot come before its first day."
                ),
            ),
            models.CheckConstraint(
                name="visit_two_different_languages",
                condition=~Q(first_language=F("second_language")),
                violation_error_message=_("The two booklet languages must differ."),
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.slug

    def save(self, *args, **kwargs):
        if not self.source_language:
            self.source_language = self.default_source_language()
        super().save(*args, **kwargs)

    def default_source_language(self) -> str:
        """Organisers write in the portal's own language when it is a booklet language (a
        French association writing for a Russian delegation), otherwise in the first one."""
        if settings.LANGUAGE_CODE in self.languages:
            return settings.LANGUAGE_CODE
        return self.first_language

    @property
    def languages(self) -> list[str]:
        return [code for code in (self.first_language, self.second_language) if code]

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED


class VisitOrganisation(models.Model):
    """The part an organisation plays in a visit besides organising it."""

    class Role(models.TextChoices):
        SUPPORTER = "supporter", _("Supporter or funder")
        PARTNER = "partner", _("Partner")
        SENDING = "sending", _("Sending organisation")
        HOST = "host", _("Host")

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), related_name="organisation_roles", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="visit_roles",
        on_delete=models.PROTECT,
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("supporter or partner")
        verbose_name_plural = _("supporters and partners")
        ordering = ["role", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "organisation", "role"],
                name="visit_organisation_role_once",
                violation_error_message=_("This organisation already has this role in the visit."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class EmergencyContact(models.Model):
    """Whom a participant calls when something goes wrong, printed on every booklet."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), related_name="emergency_contacts", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("emergency contact")
        verbose_name_plural = _("emergency contacts")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} {self.phone}"
