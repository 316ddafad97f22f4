"""The programme: the phases of a visit, its days and the sessions that fill them."""

import datetime
import zoneinfo

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


class Phase(models.Model):
    """A period of a long programme (preparation, training weeks, monthly workshops).

    Days and sessions fall in a phase by their date; nothing points at the phase, so moving a
    session never has to move it between phases too. A phase with groups concerns only
    them: its days are shown to those groups alone. Phases of different groups may run at
    once; where phases overlap, a date belongs to the first phase (by order) its reader sees.
    """

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), related_name="phases", on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    groups = models.ManyToManyField(
        "participants.Group",
        verbose_name=_("for groups"),
        related_name="phases",
        blank=True,
        help_text=_("Leave empty when the phase concerns the whole delegation."),
    )

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["visit", "start_date", "position", "id"]
        constraints = [
            models.CheckConstraint(
                name="phase_ends_on_or_after_start",
                condition=Q(end_date__gte=F("start_date")),
                violation_error_message=_(
                    "The last day of a phase cannot come before its first day."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.title or "?"

    def clean(self) -> None:
        visit = self.visit if self.visit_id else None
        if not (visit and visit.start_date and visit.end_date):
            return
        for name in ("start_date", "end_date"):
            date = getattr(self, name)
            if date and not visit.start_date <= date <= visit.end_date:
                raise ValidationError(
                    {
                        name: _(
                            "%(date)s is outside the visit, which runs from %(start)s to %(end)s."
                        )
                        % {"date": date, "start": visit.start_date, "end": visit.end_date}
                    }
                )

    def covers(self, date: datetime.date) -> bool:
        return self.start_date <= date <= self.end_date


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


class TimePrecision(models.TextChoices):
    """How exactly a session's time is known. Sources say "morning" or "to be confirmed"."""

    EXACT = "exact", _("Exact time")
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")
    EVENING = "evening", _("Evening")
    ALL_DAY = "all_day", _("All day")
    TO_BE_CONFIRMED = "to_be_confirmed", _("Time to be confirmed")


# The local span an approximate time stands for. It keeps the programme in a sensible order
# (all-day and unconfirmed items first, then the morning...) and gives the programme check
# something to compare; pages, booklets and calendars show the words, never these times.
# None as an end means midnight after the day.
APPROXIMATE_SPANS = {
    TimePrecision.MORNING: (datetime.time(9), datetime.time(12, 30)),
    TimePrecision.AFTERNOON: (datetime.time(14), datetime.time(18)),
    TimePrecision.EVENING: (datetime.time(18, 30), datetime.time(22)),
    TimePrecision.ALL_DAY: (datetime.time(0), None),
    TimePrecision.TO_BE_CONFIRMED: (datetime.time(0), None),
}


def approximate_span(
    *, date: datetime.date, time_precision: str, zone: zoneinfo.ZoneInfo
) -> tuple[datetime.datetime, datetime.datetime]:
    """The aware start and end that stand for an approximate time on a local date."""
    start, end = APPROXIMATE_SPANS[TimePrecision(time_precision)]
    starts_at = datetime.datetime.combine(date, start, tzinfo=zone)
    if end is None:
        ends_at = datetime.datetime.combine(date + datetime.timedelta(days=1), start, tzinfo=zone)
    else:
        ends_at = datetime.datetime.combine(date, end, tzinfo=zone)
    return starts_at, ends_at


class Session(models.Model):
    """One item of the programme. Sessions fall on the visit's days by their local date."""

    TimePrecision = TimePrecision

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
    time_precision = models.CharField(
        _("time"),
        max_length=16,
        choices=TimePrecision.choices,
        default=TimePrecision.EXACT,
        help_text=_(
            "When only the part of the day is known, or not even that: the start and end "
            "are then set to the span it stands for on the session's date."
        ),
    )
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

    @property
    def is_approximate(self) -> bool:
        return self.time_precision != TimePrecision.EXACT

    @property
    def is_all_day(self) -> bool:
        """Shown as a whole day: all day, or a date whose time is not known yet."""
        return self.time_precision in {TimePrecision.ALL_DAY, TimePrecision.TO_BE_CONFIRMED}

    def clean(self) -> None:
        # An approximate time stores the span it stands for, on the date the organiser gave.
        if self.is_approximate and self.starts_at and self.visit_id:
            zone = self.visit.zone
            self.starts_at, self.ends_at = approximate_span(
                date=self.starts_at.astimezone(zone).date(),
                time_precision=self.time_precision,
                zone=zone,
            )
