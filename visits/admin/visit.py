"""The visit's page: its details and, inline, everything that belongs to one visit."""

import functools
import zoneinfo

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from organisations.admin import StackedInline, TabularInline, TranslatedAdmin
from organisations.languages import in_every_language
from participants.models import Group
from visits.admin.base import (
    OrganiserChoicesMixin,
    VisitScopedAdminMixin,
    VisitTimeZoneMixin,
)
from visits.admin.history import ProgrammeHistoryAdminMixin
from visits.admin.programme import ResourceForm
from visits.admin.programme_editor import VisitProgrammeAdminMixin
from visits.admin.visit_tools import VisitToolsAdminMixin
from visits.booklets.admin import BookletInline, VisitBookletsAdminMixin
from visits.changes.admin import VisitVersionsAdminMixin
from visits.dates import validate_programme_year
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    TravelTime,
    Visit,
    VisitOrganisation,
    validate_day_within_visit,
)
from visits.paper.admin import VisitPaperAdminMixin


@functools.cache
def time_zone_choices() -> tuple[tuple[str, str], ...]:
    """Every IANA zone name, sorted, with the blank the admin shows for an empty field.
    Read once a process: ``available_timezones`` walks the zone database's folders."""
    return (("", "---------"),) + tuple(
        (name, name) for name in sorted(zoneinfo.available_timezones())
    )


@functools.cache
def _time_zone_options() -> tuple[tuple[str, str, str], ...]:
    """Each zone's value and its option's HTML before and after where "selected" goes."""
    return tuple(
        (value, format_html('<option value="{}"', value), format_html(">{}</option>", label))
        for value, label in time_zone_choices()
    )


class TimeZoneSelect(forms.Select):
    """The list of some six hundred zone names, its options written once a process.

    Through Django's option template, one template rendered per option, the list was 42 ms
    of the 290 the visit's page takes; the options are the same on every page but for the
    one selected. The HTML is the one Django's ``Select`` writes."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=time_zone_choices())

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        options = "\n".join(
            start + (" selected" if option_value in chosen else "") + end
            for option_value, start, end in _time_zone_options()
        )
        attributes = format_html(' name="{}"', name) + flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f"<select{attributes}>\n{options}\n</select>")


class DayInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        visit = self.instance
        if not (visit.start_date and visit.end_date):
            return
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            # The visit as typed on this page, not as stored: its dates may change too.
            try:
                validate_day_within_visit(date=form.cleaned_data.get("date"), visit=visit)
            except ValidationError as error:
                form.add_error(None, error)


class VisitOrganisationInline(admin.TabularInline):
    model = VisitOrganisation
    extra = 0
    autocomplete_fields = ("organisation",)
    verbose_name = _("supporter, partner, sending organisation or host")
    verbose_name_plural = _("supporters, partners, sending organisations and hosts")


class PhaseInline(StackedInline):
    model = Phase
    fields = (("start_date", "end_date", "position"), "title", "description", "groups")

    def get_formset(self, request, obj=None, **kwargs):
        self.parent_visit = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            visit = getattr(self, "parent_visit", None)
            kwargs["queryset"] = (
                Group.objects.filter(visit=visit) if visit else Group.objects.none()
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class DayInline(TabularInline):
    model = Day
    formset = DayInlineFormSet
    fields = ("date", "heading", "city")


class ResourceInline(StackedInline):
    model = Resource
    form = ResourceForm
    fields = ("title", "summary", ("file", "url"), ("language", "position"), "session")
    # A searched list, not every session of the programme in every resource's menu: that
    # menu alone took most of a second to draw for 300 sessions.
    autocomplete_fields = ("session",)

    def get_formset(self, request, obj=None, **kwargs):
        self.parent_visit = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "session":
            visit = getattr(self, "parent_visit", None)
            kwargs["queryset"] = (
                Session.objects.filter(visit=visit) if visit else Session.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class GroupInline(TabularInline):
    model = Group
    fields = ("name", "description")
    verbose_name_plural = _("groups of the delegation (for sessions that not everyone attends)")
    # A line or two in a table row, not a full-page editor.
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 50})}
    }


class EmergencyContactInline(StackedInline):
    model = EmergencyContact
    # Stacked: the role has a tab per language and would push a table row off the page.
    fields = (("name", "phone"), ("email", "position"), "role")


class TravelTimeFormSet(forms.BaseInlineFormSet):
    """One time per pair of cities, whichever way round and however capitalised: with two
    the programme check would use whichever it read first."""

    def clean(self) -> None:
        super().clean()
        seen: dict[frozenset[str], str] = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("city_from"):
                continue
            pair = frozenset(
                (data["city_from"].strip().casefold(), data.get("city_to", "").strip().casefold())
            )
            label = f"{data['city_from']} – {data.get('city_to', '')}"
            if pair in seen:
                form.add_error(
                    "city_to",
                    _("%(pair)s is already given above as %(first)s.")
                    % {"pair": label, "first": seen[pair]},
                )
            else:
                seen[pair] = label


class TravelTimeInline(admin.TabularInline):
    model = TravelTime
    formset = TravelTimeFormSet
    extra = 0
    fields = ("city_from", "city_to", "minutes")
    classes = ("collapse",)


class VisitStatusForm(forms.ModelForm):
    """Publishing goes through the check page, never through the status menu; the dates
    lie in years a programme can be in."""

    def clean_start_date(self):
        validate_programme_year(self.cleaned_data.get("start_date"))
        return self.cleaned_data.get("start_date")

    def clean_end_date(self):
        validate_programme_year(self.cleaned_data.get("end_date"))
        return self.cleaned_data.get("end_date")

    def clean_status(self):
        status = self.cleaned_data.get("status")
        was = self.instance.status if self.instance.pk else None
        if status == Visit.Status.PUBLISHED and was != Visit.Status.PUBLISHED:
            raise ValidationError(
                _(
                    "A programme is published from its “Check and publish” page, so that it "
                    "is checked first. Save it as a draft, then use that page."
                )
            )
        return status


@admin.register(Visit)
class VisitAdmin(
    VisitVersionsAdminMixin,
    VisitPaperAdminMixin,
    ProgrammeHistoryAdminMixin,
    VisitProgrammeAdminMixin,
    VisitToolsAdminMixin,
    VisitBookletsAdminMixin,
    VisitTimeZoneMixin,
    OrganiserChoicesMixin,
    VisitScopedAdminMixin,
    TranslatedAdmin,
):
    visit_path = ""

    def visit_of(self, obj):
        return obj

    list_display = ("title", "start_date", "end_date", "cities", "organiser", "status")
    list_filter = ("status", ("organiser", admin.RelatedOnlyFieldListFilter), "start_date")
    search_fields = (*in_every_language("title", "cities"), "slug")
    date_hierarchy = "start_date"
    autocomplete_fields = ("organiser",)
    prepopulated_fields = {"slug": ("title_en",)}
    form = VisitStatusForm
    change_form_template = "admin/visits/visit/change_form.html"
    actions = ("duplicate_action",)
    inlines = (
        VisitOrganisationInline,
        GroupInline,
        PhaseInline,
        DayInline,
        ResourceInline,
        EmergencyContactInline,
        TravelTimeInline,
        BookletInline,
    )
    readonly_fields = ("programme_panel", "booklets_panel", "versions_panel", "paper_panel")
    fieldsets = (
        (None, {"fields": ("title", "subtitle", "slug", "status", "organiser")}),
        (
            _("Dates and places"),
            {"fields": (("start_date", "end_date"), "time_zone", "cities")},
        ),
        (
            _("Booklet languages"),
            {"fields": (("first_language", "second_language"), "source_language")},
        ),
        # The sessions are edited in the programme editor, not stacked on this page: the
        # page then costs the same for a day of sessions as for months of them.
        (_("Programme"), {"fields": ("programme_panel",)}),
        (
            _("Narrative sections"),
            {"fields": ("goals", "content", "themes", "practical_information", "schedule_note")},
        ),
        (_("Booklets"), {"fields": ("booklets_panel",)}),
        (_("Programme versions"), {"fields": ("versions_panel",)}),
        (_("Paper for the visit"), {"fields": ("paper_panel",)}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "time_zone":
            # Chosen from the list, not typed: a misspelt zone would shift every time.
            kwargs["widget"] = TimeZoneSelect()
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            # A form posted without the travel-time or phase section (older pages, scripts)
            # leaves those as they are instead of failing on a missing management form.
            if (
                isinstance(inline, TravelTimeInline | PhaseInline)
                and request.method == "POST"
                and f"{formset.get_default_prefix()}-TOTAL_FORMS" not in request.POST
            ):
                continue
            yield formset, inline
