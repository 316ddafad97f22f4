from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedDjangoJqueryTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from organisations.models import Organisation, Person, Venue
from organisations.selectors import translated_ordering
from organisations.usage import record_usage


class TranslatedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """Translated fields as language tabs, using Django's own jQuery and our jQuery UI copy.

    ``translated_ordering_field`` sorts the list by what the reader sees, with fallbacks.
    Every admin page of the portal with translated fields starts from this one.
    """

    translated_ordering_field: str | None = None

    def get_ordering(self, request: HttpRequest):
        if self.translated_ordering_field:
            return (translated_ordering(self.translated_ordering_field).asc(),)
        return super().get_ordering(request)


class TabularInline(TranslationTabularInline):
    extra = 0


class StackedInline(TranslationStackedInline):
    extra = 0


class SharedRecordAdmin(TranslatedAdmin):
    """Organisations, venues and people are kept once and shared by every organiser.

    Anyone may add and correct them, but only a superuser may delete one that a visit of
    another organisation uses: deleting it would silently take it out of their programme.
    """

    def used_outside_scope(self, request, obj) -> bool:
        return record_usage(record=obj, user=request.user)[1]

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        return not self.used_outside_scope(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            # The bulk delete asks for permission once for all rows, not row by row.
            actions.pop("delete_selected", None)
        return actions


@admin.register(Organisation)
class OrganisationAdmin(SharedRecordAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "kind", "city", "country", "website")
    list_filter = ("kind", "country")
    search_fields = ("name_ru", "name_fr", "name_en", "city", "website")
    filter_horizontal = ("members",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "description", "website")}),
        (_("Where"), {"fields": ("city", "country")}),
        (_("Organising staff"), {"fields": ("members",), "classes": ("collapse",)}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # Membership decides which visits a user sees: only a superuser grants it.
        return [fs for fs in fieldsets if "members" not in fs[1]["fields"]]


@admin.register(Person)
class PersonAdmin(SharedRecordAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "role", "organisation")
    list_select_related = ("organisation",)
    list_filter = ("organisation__kind",)
    search_fields = ("name_ru", "name_fr", "name_en", "role", "organisation__name")
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("name", "role", "organisation")}),
        (
            _("Private contact details (organisers only)"),
            {"fields": ("email", "phone", "private_notes")},
        ),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or request.user.is_superuser or self.contacts_visible(request, obj):
            return fieldsets
        return [fs for fs in fieldsets if "email" not in fs[1]["fields"]]

    def contacts_visible(self, request, obj) -> bool:
        """A speaker's private contacts are for the organisers of the visits they speak at
        (anyone may see them while the person speaks at no visit yet)."""
        ours, others = record_usage(record=obj, user=request.user)
        return ours or not others


@admin.register(Venue)
class VenueAdmin(SharedRecordAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "kind", "address", "city", "organisation")
    list_select_related = ("organisation",)
    list_filter = ("kind", "city")
    search_fields = ("name_ru", "name_fr", "name_en", "address", "city")
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "organisation")}),
        (_("Address"), {"fields": ("address", "postal_code", "city", "country")}),
        (_("Contact"), {"fields": ("phone", "email")}),
        (_("Finding it"), {"fields": ("latitude", "longitude", "directions")}),
    )
