import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person, Venue


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a time zone name such as Europe/Paris."), params={"zone": value}
        )


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

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

    visit = models.ForeignKey(Visit, related_name="organisation_roles", on_delete=models.CASCADE)
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


class Day(models.Model):
    """A date of a visit with its heading and the city the delegation is in."""

    visit = models.ForeignKey(Visit, related_name="days", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    heading = models.CharField(_("heading"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["visit", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "date"],
                name="day_once_per_date",
                violation_error_message=_("This visit already has a day on this date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.heading}".strip()

    def clean(self) -> None:
        # The database refuses the same (a trigger, see migrations); this says it in words first.
        visit = getattr(self, "visit", None) if self.visit_id else None
        if visit and self.date and not (visit.start_date <= self.date <= visit.end_date):
            raise ValidationError(
                {
                    "date": _(
                        "%(date)s is outside the visit, which runs from %(start)s to %(end)s."
                    )
                    % {"date": self.date, "start": visit.start_date, "end": visit.end_date}
                }
            )


class Session(models.Model):
    """One item of the programme. Sessions fall on the visit's days by their local date."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop or master class")
        SEMINAR = "seminar", _("Seminar")
        SITE_VISIT = "site_visit", _("Site visit")
        LECTURE = "lecture", _("Lecture")
        CONFERENCE = "conference", _("Conference")
        DISCUSSION = "discussion", _("Discussion")
        EXCURSION = "excursion", _("Excursion")
        MEAL = "meal", _("Meal")
        TRANSFER = "transfer", _("Transfer")
        FREE_TIME = "free_time", _("Free time")

    class Interpretation(models.TextChoices):
        NONE = "", _("None needed")
        CONSECUTIVE = "consecutive", _("Consecutive interpretation")
        SIMULTANEOUS = "simultaneous", _("Simultaneous interpretation")
        WHISPERED = "whispered", _("Whispered interpretation")

    visit = models.ForeignKey(Visit, related_name="sessions", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.MEETING)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        related_name="sessions",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    meeting_point = models.CharField(
        _("meeting point"),
        max_length=300,
        blank=True,
        help_text=_("Where the delegation gathers, when it is not the venue itself."),
    )
    hosts = models.ManyToManyField(
        Organisation,
        verbose_name=_("host organisations"),
        related_name="hosted_sessions",
        blank=True,
    )
    speakers = models.ManyToManyField(
        Person, verbose_name=_("speakers"), related_name="sessions", blank=True
    )
    interpretation = models.CharField(
        _("interpretation"),
        max_length=16,
        choices=Interpretation.choices,
        blank=True,
        default=Interpretation.NONE,
    )
    interpretation_note = models.CharField(
        _("interpretation note"),
        max_length=200,
        blank=True,
        help_text=_("For example: Russian–French, by the organiser's interpreter."),
    )
    groups = models.ManyToManyField(
        "participants.Group",
        verbose_name=_("for groups"),
        related_name="sessions",
        blank=True,
        help_text=_("Leave empty when the session is for the whole delegation."),
    )
    private_notes = models.TextField(
        _("private notes"), blank=True, help_text=_("Seen by organisers only, never printed.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "ends_at", "id"]
        indexes = [models.Index(fields=["visit", "starts_at"], name="session_visit_start")]
        constraints = [
            models.CheckConstraint(
                name="session_ends_after_start",
                condition=Q(ends_at__gt=F("starts_at")),
                violation_error_message=_("A session must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title or "?"


class Resource(models.Model):
    """Background reading for a visit or one of its sessions: a file or a link."""

    visit = models.ForeignKey(Visit, related_name="resources", on_delete=models.CASCADE)
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


class EmergencyContact(models.Model):
    """Whom a participant calls when something goes wrong, printed on every booklet."""

    visit = models.ForeignKey(Visit, related_name="emergency_contacts", on_delete=models.CASCADE)
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


# Models kept in their own modules, registered with the app here.
from visits.booklets.models import Booklet  # noqa: E402,F401
from visits.desk_models import TranslationMark, TravelTime  # noqa: E402,F401
