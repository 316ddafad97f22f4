from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_choices


class Organisation(models.Model):
    """An organisation a delegation deals with, kept once and reused across visits."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Association")
        MUNICIPALITY = "municipality", _("Municipality")
        MUSEUM = "museum", _("Museum")
        LIBRARY = "library", _("Library")
        STATE_BODY = "state_body", _("State body")
        TERRITORIAL_BODY = "territorial_body", _("Territorial public body")
        INTERNATIONAL_ORGANISATION = "international", _("International organisation")
        FUNDER = "funder", _("Funder or EU programme")
        UNIVERSITY = "university", _("University")
        EMBASSY = "embassy", _("Embassy")
        RESEARCH_INSTITUTE = "research_institute", _("Research institute")
        CULTURAL_CENTRE = "cultural_centre", _("Cultural centre")
        FOUNDATION = "foundation", _("Foundation")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=32, choices=Kind.choices, default=Kind.ASSOCIATION
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("web site"), blank=True, max_length=500)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    # What the host sheets are printed in for it; empty when nobody knows yet.
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=language_choices,
        blank=True,
        help_text=_(
            "The language its staff read: the host sheet for it is printed in this language."
        ),
    )
    # Staff of an organising association: they see and edit the visits it organises.
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisers (staff accounts)"),
        related_name="organising_organisations",
        blank=True,
        help_text=_("Staff accounts that run this organisation's visits in the admin."),
    )
    # The organisation whose organisers may change this record; others use it as it is,
    # or copy it as their own. Empty: only a superuser changes it.
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("kept by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Only this organisation's organisers may change the record."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name or "?"


def keep_people_known_by_role(collector, field, sub_objs, using):
    """Deleting an organisation forgets where its named people work, but a person known
    only by a role there ("the director of its legal service") would be nobody: refuse."""
    known_by_role = [person for person in sub_objs if not (person.name or "").strip()]
    if known_by_role:
        raise models.ProtectedError(
            _("These people are known only by their role at this organisation."),
            known_by_role,
        )
    models.SET_NULL(collector, field, sub_objs, using)


class Person(models.Model):
    """A speaker or contact at an organisation. Contact details are for organisers only.

    A speaker may be known by a role alone ("the director of the partner association's legal
    service"): then the role and the organisation say who it is, and the name stays empty.
    """

    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("May stay empty for someone known by their role at an organisation."),
    )
    role = models.CharField(_("title or role"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        related_name="people",
        on_delete=keep_people_known_by_role,
        null=True,
        blank=True,
    )
    email = models.EmailField(_("e-mail (private)"), blank=True)
    phone = models.CharField(_("phone (private)"), max_length=40, blank=True)
    private_notes = models.TextField(_("private notes"), blank=True)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("kept by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Only this organisation's organisers may change the record."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        # The untranslated columns hold the text of the first language that has one (the
        # translation layer saves them with its fallbacks), so "empty here" means "empty in
        # every language" whatever languages the portal has.
        constraints = [
            models.CheckConstraint(
                name="person_named_or_known_by_role",
                condition=~Q(name="") | (~Q(role="") & Q(organisation__isnull=False)),
                violation_error_message=_(
                    "Give the person's name, or their role and their organisation."
                ),
            )
        ]

    def __str__(self) -> str:
        who = self.name or self.role or "?"
        if self.organisation_id:
            return f"{who} ({self.organisation})"
        return who

    @property
    def is_known_by_role(self) -> bool:
        return not (self.name or "").strip()

    def clean(self) -> None:
        if self.is_known_by_role and not ((self.role or "").strip() and self.organisation_id):
            raise ValidationError(
                {
                    "name": _(
                        "Give the person's name, or their role and their organisation for "
                        "someone known by their role."
                    )
                }
            )


class Venue(models.Model):
    """Where sessions happen: an address a participant can find in a foreign city.

    A hotel is a venue too: the delegation finds it the same way, and a session may start
    in front of it.
    """

    class Kind(models.TextChoices):
        PLACE = "place", _("Place of sessions")
        HOTEL = "hotel", _("Hotel")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PLACE)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("street address"), max_length=300, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    directions = models.TextField(
        _("access directions"),
        blank=True,
        help_text=_("Metro or train station, entrance, floor: what a visitor needs to find it."),
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("A hotel's reception, for example.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation at this address"),
        related_name="venues",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("kept by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Only this organisation's organisers may change the record."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="venue_coordinates_both_or_neither",
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                violation_error_message=_("Give both latitude and longitude, or leave both empty."),
            ),
            models.CheckConstraint(
                name="venue_coordinates_in_range",
                condition=(Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90))
                & (Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180)),
                violation_error_message=_(
                    "Latitude is between -90 and 90, longitude between -180 and 180."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else (self.name or "?")

    @property
    def full_address(self) -> str:
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.address, locality, self.country) if part)


class ChangeProposal(models.Model):
    """A change that an organiser proposes to a record another organisation keeps.

    The keeping organisation's organisers accept it (the proposed fields, and only those,
    are written to the record) or decline it. ``changes`` maps each proposed field to its
    value when proposed and the value proposed: ``{"name_fr": {"old": "...", "new": "..."}}``,
    a related record by its id.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    record_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    record_id = models.PositiveBigIntegerField(_("record"))
    # Who is asked: the record's keeper when the change was proposed.
    kept_by = models.ForeignKey(
        Organisation,
        verbose_name=_("kept by"),
        related_name="change_proposals_received",
        on_delete=models.CASCADE,
    )
    proposed_by_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("proposed by"),
        related_name="change_proposals_made",
        on_delete=models.CASCADE,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by (organiser)"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    changes = models.JSONField(_("proposed changes"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by (organiser)"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["-proposed_at", "-id"]
        indexes = [models.Index(fields=["record_type", "record_id", "status"])]

    def __str__(self) -> str:
        record = self.record
        return str(record) if record is not None else "?"

    @property
    def record(self):
        """The organisation, person or venue, or None once it has been deleted."""
        model = self.record_type.model_class()
        return model.objects.filter(pk=self.record_id).first() if model else None
