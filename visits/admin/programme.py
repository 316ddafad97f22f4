"""The programme's own pages: sessions, days and resources, each scoped to the organiser."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from organisations.admin import TranslatedAdmin
from organisations.languages import in_every_language
from participants.models import Group
from visits.admin.base import VisitScopedAdminMixin, VisitTimeZoneMixin
from visits.admin.conflicts import ChangedSinceOpenedForm
from visits.admin.history import ProgrammeHistoryAdminMixin
from visits.dates import validate_programme_year
from visits.models import Day, Phase, Resource, Session
from visits.permissions import visit_scope
from visits.resource_files import validate_resource_file


class SessionGroupsMixin:
    """A session is for groups of its own visit only, at a time a programme can hold."""

    def clean_starts_at(self):
        validate_programme_year(self.cleaned_data.get("starts_at"))
        return self.cleaned_data.get("starts_at")

    def clean_ends_at(self):
        validate_programme_year(self.cleaned_data.get("ends_at"))
        return self.cleaned_data.get("ends_at")

    def clean(self):
        cleaned = super().clean()
        visit = cleaned.get("visit") or getattr(self.instance, "visit", None)
        groups = cleaned.get("groups")
        if visit is not None and groups:
            strangers = [group for group in groups if group.visit_id != visit.pk]
            if strangers:
                raise ValidationError(
                    {
                        "groups": _("These groups belong to another visit: %(names)s.")
                        % {"names": ", ".join(str(group) for group in strangers)}
                    }
                )
        return cleaned


class VisitGroupsChoicesMixin:
    """The groups offered are those of the row's own visit, once it is known (an add page
    opened from a visit's programme knows it too); before that, those of the user's visits."""

    def get_form(self, request, obj=None, **kwargs):
        request.visit_being_edited = self.visit_being_edited(request, obj)
        return super().get_form(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            visit = getattr(request, "visit_being_edited", None)
            groups = Group.objects.filter(visit_scope(user=request.user, path="visit"))
            kwargs["queryset"] = groups.filter(visit=visit) if visit else groups
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Session)
class SessionAdmin(
    ProgrammeHistoryAdminMixin,
    VisitGroupsChoicesMixin,
    VisitTimeZoneMixin,
    VisitScopedAdminMixin,
    TranslatedAdmin,
):
    list_display = ("title", "when", "kind", "venue", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter), "kind", "interpretation")
    list_select_related = ("visit", "venue")
    search_fields = in_every_language("title", "venue__name", "hosts__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("venue", "hosts", "speakers")
    # Refuses to overwrite a session another organiser saved since this page was opened.
    form = ChangedSinceOpenedForm
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "visit",
                    "kind",
                    ("starts_at", "ends_at", "time_precision"),
                    "title",
                    "description",
                    "opened_at",
                ),
                "description": _("Times are in the visit's own time zone."),
            },
        ),
        (_("Where and with whom"), {"fields": ("venue", "meeting_point", "hosts", "speakers")}),
        (
            _("For whom"),
            {"fields": (("interpretation", "interpretation_note"), "groups", "private_notes")},
        ),
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type("SessionAdminForm", (SessionGroupsMixin, form), {})

    @admin.display(description=_("when"), ordering="starts_at")
    def when(self, session) -> str:
        """One short column in the visit's own zone, instead of two long ones in the server's."""
        zone = session.visit.zone
        starts, ends = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        day = formats.date_format(starts.date(), "SHORT_DATE_FORMAT")
        if session.is_approximate:
            return f"{day}, {session.get_time_precision_display()}"
        return f"{day}, {starts:%H:%M}–{ends:%H:%M}"


@admin.register(Day)
class DayAdmin(ProgrammeHistoryAdminMixin, VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("date", "heading", "city", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    search_fields = in_every_language("heading", "city")


class ResourceForm(forms.ModelForm):
    """A resource's file is checked when it is attached: type, content and size."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # Only a new upload is checked; a stored file is served safely whatever it is.
        if isinstance(upload, UploadedFile):
            validate_resource_file(upload)
        return upload


@admin.register(Resource)
class ResourceAdmin(VisitScopedAdminMixin, TranslatedAdmin):
    form = ResourceForm
    list_display = ("title", "visit", "session", "language")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter), "language")
    search_fields = in_every_language("title", "summary")
    autocomplete_fields = ("session",)


@admin.register(Phase)
class PhaseAdmin(VisitGroupsChoicesMixin, VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("title", "start_date", "end_date", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    search_fields = in_every_language("title")
    fields = ("visit", ("start_date", "end_date", "position"), "title", "description", "groups")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type("PhaseAdminForm", (SessionGroupsMixin, form), {})
