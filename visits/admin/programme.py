"""The programme's own pages: sessions, days and resources, each scoped to the organiser."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisations.admin import TranslatedAdmin
from participants.models import Group
from visits.admin.base import VisitScopedAdminMixin, VisitTimeZoneMixin
from visits.models import Day, Phase, Resource, Session
from visits.permissions import visit_scope


class SessionGroupsMixin:
    """A session is for groups of its own visit only."""

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


@admin.register(Session)
class SessionAdmin(VisitTimeZoneMixin, VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("title", "visit", "kind", "starts_at", "ends_at", "venue")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter), "kind", "interpretation")
    list_select_related = ("visit", "venue")
    search_fields = ("title_ru", "title_fr", "title_en", "venue__name", "hosts__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("venue", "hosts", "speakers")
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

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = Group.objects.filter(visit_scope(user=request.user, path="visit"))
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Day)
class DayAdmin(VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("date", "heading", "city", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("heading_ru", "heading_fr", "heading_en", "city")


@admin.register(Resource)
class ResourceAdmin(VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("title", "visit", "session", "language")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter), "language")
    search_fields = ("title_ru", "title_fr", "title_en", "summary")
    autocomplete_fields = ("session",)


@admin.register(Phase)
class PhaseAdmin(VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("title", "start_date", "end_date", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("title_ru", "title_fr", "title_en")
    fields = ("visit", ("start_date", "end_date", "position"), "title", "description", "groups")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = Group.objects.filter(visit_scope(user=request.user, path="visit"))
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type("PhaseAdminForm", (SessionGroupsMixin, form), {})
