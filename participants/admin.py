from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from participants.models import Group, Participant
from visits.admin_base import TranslatedAdmin, VisitScopedAdminMixin
from visits.permissions import visit_scope


@admin.register(Group)
class GroupAdmin(VisitScopedAdminMixin, TranslatedAdmin):
    list_display = ("name", "visit")
    list_filter = ("visit",)
    search_fields = ("name_ru", "name_fr", "name_en")


class ParticipantForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        visit = cleaned.get("visit")
        groups = cleaned.get("groups") or []
        strangers = [group for group in groups if visit and group.visit_id != visit.pk]
        if strangers:
            self.add_error(
                "groups",
                _("These groups belong to another visit: %(names)s.")
                % {"names": ", ".join(str(group) for group in strangers)},
            )
        return cleaned


@admin.register(Participant)
class ParticipantAdmin(VisitScopedAdminMixin, admin.ModelAdmin):
    form = ParticipantForm
    list_display = ("name_latin", "name_native", "visit", "role", "city", "preferred_language")
    list_filter = ("visit", "role", "preferred_language", "groups")
    list_select_related = ("visit",)
    search_fields = ("name_latin", "name_native", "home_organisation", "city", "email")
    readonly_fields = ("access_token_issued_at",)
    fieldsets = (
        (None, {"fields": ("visit", ("name_native", "name_latin"), "role", "groups")}),
        (
            _("Work and home"),
            {"fields": ("home_organisation", "position", "city", "preferred_language")},
        ),
        (
            _("Private (organisers of this visit only)"),
            {"fields": ("email", "phone", "needs", "private_notes", "access_token_issued_at")},
        ),
    )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = Group.objects.filter(
                visit_scope(user=request.user, path="visit")
            ).select_related("visit")
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)
