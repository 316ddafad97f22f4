"""The programme: the days of a visit and the sessions that fill them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person, Venue
from visits.models.visit import Visit


def validate_day_within_visit(*, date, visit) -> None:
    """A day falls between its visit's first and last day, both included.

    The database refuses the same (the trigger of migration 0002); this says it in words
    before a save, for the model's own validation and for the visit page, whose formset
    checks the days against the dates being typed.
    """
    if not (date and visit and visit.start_date and visit.end_date):
        return
    if not visit.start_date <= date <= visit.end_date:
        raise ValidationError(
            {
                "date": _("%(date)s is outside the visit, which runs from %(start)s to %(end)s.")
                % {"date": date, "start": visit.start_date, "end": visit.end_date}
            }
        )


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
        validate_day_within_visit(date=self.date, visit=self.visit if self.visit_id else None)


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
