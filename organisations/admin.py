from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person, Venue
from visits.admin_base import TranslatedAdmin


@admin.register(Organisation)
class OrganisationAdmin(TranslatedAdmin):
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
class PersonAdmin(TranslatedAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "role", "organisation")
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


@admin.register(Venue)
class VenueAdmin(TranslatedAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "address", "city", "organisation")
    list_filter = ("city",)
    search_fields = ("name_ru", "name_fr", "name_en", "address", "city")
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("name", "organisation")}),
        (_("Address"), {"fields": ("address", "postal_code", "city", "country")}),
        (_("Finding it"), {"fields": ("latitude", "longitude", "directions")}),
    )
