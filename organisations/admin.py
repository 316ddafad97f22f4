from django.contrib import admin
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation, Person, Venue
from visits.admin_base import TranslatedAdmin
from visits.models import Visit
from visits.permissions import visit_scope


class SharedRecordAdmin(TranslatedAdmin):
    """Organisations, venues and people are kept once and shared by every organiser.

    Anyone may add and correct them, but only a superuser may delete one that a visit of
    another organisation uses: deleting it would silently take it out of their programme.
    """

    def visits_using(self, obj) -> QuerySet[Visit]:
        raise NotImplementedError

    def used_outside_scope(self, request, obj) -> bool:
        others = self.visits_using(obj).exclude(visit_scope(user=request.user))
        return others.exists()

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

    def visits_using(self, obj):
        return Visit.objects.filter(
            Q(organiser=obj) | Q(organisation_roles__organisation=obj) | Q(sessions__hosts=obj)
        ).distinct()


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

    def visits_using(self, obj):
        return Visit.objects.filter(sessions__speakers=obj).distinct()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or request.user.is_superuser or self.contacts_visible(request, obj):
            return fieldsets
        return [fs for fs in fieldsets if "email" not in fs[1]["fields"]]

    def contacts_visible(self, request, obj) -> bool:
        """A speaker's private contacts are for the organisers of the visits they speak at
        (anyone may see them while the person speaks at no visit yet)."""
        using = self.visits_using(obj)
        return not using.exists() or using.filter(visit_scope(user=request.user)).exists()


@admin.register(Venue)
class VenueAdmin(SharedRecordAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "address", "city", "organisation")
    list_select_related = ("organisation",)
    list_filter = ("city",)
    search_fields = ("name_ru", "name_fr", "name_en", "address", "city")
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("name", "organisation")}),
        (_("Address"), {"fields": ("address", "postal_code", "city", "country")}),
        (_("Finding it"), {"fields": ("latitude", "longitude", "directions")}),
    )

    def visits_using(self, obj):
        return Visit.objects.filter(sessions__venue=obj).distinct()
