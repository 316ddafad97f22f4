"""How a participant reaches the visit and leaves it, and where they sleep each night.

Times of a journey are stored as aware moments and shown in the zone of the place they
belong to: a flight leaves Moscow at Moscow's time and lands in Paris at Paris's time.
"""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def validate_zone_name(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(zone)s is not a time zone name such as Europe/Moscow."), params={"zone": value}
        )


class Journey(models.Model):
    """One leg a participant travels: into the visit, out of it, or between its cities."""

    class Direction(models.TextChoices):
        ARRIVAL = "arrival", _("Arrival")
        DEPARTURE = "departure", _("Departure")
        ONWARD = "onward", _("Between cities of the visit")

    class Mode(models.TextChoices):
        FLIGHT = "flight", _("Flight")
        TRAIN = "train", _("Train")
        COACH = "coach", _("Coach")
        CAR = "car", _("Car")

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="journeys",
        on_delete=models.CASCADE,
    )
    direction = models.CharField(
        _("direction"), max_length=12, choices=Direction.choices, default=Direction.ARRIVAL
    )
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, default=Mode.FLIGHT)
    carrier = models.CharField(_("carrier"), max_length=120, blank=True)
    number = models.CharField(
        _("flight or train number"), max_length=40, blank=True, help_text=_("For example: AF 1745.")
    )
    from_place = models.CharField(_("from"), max_length=200)
    from_zone = models.CharField(
        _("time zone of departure"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_zone_name],
    )
    departs_at = models.DateTimeField(_("departs"))
    to_place = models.CharField(_("to"), max_length=200)
    to_zone = models.CharField(
        _("time zone of arrival"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_zone_name],
    )
    arrives_at = models.DateTimeField(_("arrives"))
    booking_reference = models.CharField(
        _("booking reference (private)"),
        max_length=60,
        blank=True,
        help_text=_("Seen by organisers only, never printed for the delegation."),
    )
    travel_group = models.CharField(
        _("travelling together"),
        max_length=120,
        blank=True,
        help_text=_("The same name for everyone on this journey, for example: Flight A."),
    )
    transfer = models.ForeignKey(
        "visits.Session",
        verbose_name=_("transfer meeting this journey"),
        related_name="journeys",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"kind": "transfer"},
        help_text=_("The transfer session that meets this arrival or takes to this departure."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("journey")
        verbose_name_plural = _("journeys")
        ordering = ["departs_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="journey_arrives_after_departure",
                condition=Q(arrives_at__gt=F("departs_at")),
                violation_error_message=_("A journey must arrive after it departs."),
            )
        ]

    def __str__(self) -> str:
        service = " ".join(part for part in (self.carrier, self.number) if part)
        route = f"{self.from_place} → {self.to_place}"
        return f"{service} {route}".strip()

    @property
    def local_departs_at(self):
        return self.departs_at.astimezone(zoneinfo.ZoneInfo(self.from_zone))

    @property
    def local_arrives_at(self):
        return self.arrives_at.astimezone(zoneinfo.ZoneInfo(self.to_zone))


class Stay(models.Model):
    """The nights a participant spends in one room of one hotel.

    Who shares the room is not typed twice: it is everyone with a stay in the same room of
    the same hotel on the same night.
    """

    participant = models.ForeignKey(
        "participants.Participant",
        verbose_name=_("participant"),
        related_name="stays",
        on_delete=models.CASCADE,
    )
    hotel = models.ForeignKey(
        "organisations.Venue",
        verbose_name=_("hotel"),
        related_name="stays",
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "hotel"},
    )
    room = models.CharField(
        _("room (private)"),
        max_length=40,
        blank=True,
        help_text=_("Shown to the participant and the hotel only."),
    )
    room_sleeps = models.PositiveSmallIntegerField(
        _("room sleeps"), default=2, help_text=_("How many people the room has beds for.")
    )
    check_in = models.DateField(_("check-in"))
    check_out = models.DateField(_("check-out"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("stay")
        verbose_name_plural = _("stays")
        ordering = ["check_in", "id"]
        constraints = [
            models.CheckConstraint(
                name="stay_checks_out_after_check_in",
                condition=Q(check_out__gt=F("check_in")),
                violation_error_message=_("Check-out must be after check-in."),
            ),
            models.CheckConstraint(
                name="stay_room_sleeps_someone",
                condition=Q(room_sleeps__gte=1),
                violation_error_message=_("A room sleeps at least one person."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hotel} {self.check_in:%Y-%m-%d}–{self.check_out:%Y-%m-%d}"

    def covers(self, night) -> bool:
        """Whether the participant has this bed on the night that starts on ``night``."""
        return self.check_in <= night < self.check_out
