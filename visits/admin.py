import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from participants.models import Group
from visits.admin_base import (
    OrganiserChoicesMixin,
    StackedInline,
    TabularInline,
    TranslatedAdmin,
    VisitScopedAdminMixin,
    VisitTimeZoneMixin,
)
from visits.admin_booklets import BookletInline, VisitBookletsAdminMixin
from visits.desk_models import TravelTime, translation_mark_confirm
from visits.models import Day, EmergencyContact, Resource, Session, Visit, VisitOrganisation
from visits.permissions import visit_scope
from visits.programme_check import ERROR, programme_check
from visits.services import (
    ProgrammeHasErrors,
    WarningsNotConfirmed,
    visit_duplicate,
    visit_publish,
)
from visits.translation_status import (
    DONE,
    STALE,
    remaining_by_language,
    source_language,
    translation_status,
)


class DayInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        visit = self.instance
        if not (visit.start_date and visit.end_date):
            return
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            date = form.cleaned_data.get("date")
            if date and not (visit.start_date <= date <= visit.end_date):
                form.add_error(
                    "date",
                    _("%(date)s is outside the visit, which runs from %(start)s to %(end)s.")
                    % {"date": date, "start": visit.start_date, "end": visit.end_date},
                )


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


class SessionInlineForm(SessionGroupsMixin, forms.ModelForm):
    pass


class VisitOrganisationInline(admin.TabularInline):
    model = VisitOrganisation
    extra = 0
    autocomplete_fields = ("organisation",)
    verbose_name = _("supporter, partner, sending organisation or host")
    verbose_name_plural = _("supporters, partners, sending organisations and hosts")


class DayInline(TabularInline):
    model = Day
    formset = DayInlineFormSet
    fields = ("date", "heading", "city")


class SessionInline(StackedInline):
    model = Session
    form = SessionInlineForm
    classes = ("collapse",)
    verbose_name_plural = _("sessions (times in the visit's own time zone)")
    autocomplete_fields = ("venue", "hosts", "speakers")
    fields = (
        ("kind", "starts_at", "ends_at"),
        "title",
        "description",
        "venue",
        "meeting_point",
        "hosts",
        "speakers",
        ("interpretation", "interpretation_note"),
        "groups",
        "private_notes",
    )

    def get_formset(self, request, obj=None, **kwargs):
        # The parent visit decides which groups a session may be for.
        self.parent_visit = obj
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("venue")
            .prefetch_related("hosts", "speakers", "groups")
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            visit = getattr(self, "parent_visit", None)
            kwargs["queryset"] = (
                Group.objects.filter(visit=visit) if visit else Group.objects.none()
            )
            kwargs["widget"] = forms.CheckboxSelectMultiple
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            # Every session form offers the same groups: read them once, not once a form.
            field.choices = list(field.choices)
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ResourceInline(StackedInline):
    model = Resource
    fields = ("title", "summary", ("file", "url"), ("language", "position"), "session")

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
    """Publishing goes through the check page, never through the status menu."""

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


class DuplicateVisitForm(forms.Form):
    start_date = forms.DateField(label=_("First day of the new visit"), widget=AdminDateWidget)
    slug = forms.SlugField(
        label=_("Short name for links"),
        max_length=80,
        help_text=_("Letters, digits and hyphens, for example paris-rouen-2020."),
    )

    def clean_start_date(self):
        start = self.cleaned_data["start_date"]
        # A typo such as 0202 or 9999 would shift every session by centuries, or past the
        # last date a computer can hold.
        if not (2000 <= start.year <= 2100):
            raise ValidationError(_("Give a first day between the years 2000 and 2100."))
        return start

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Visit.objects.filter(slug=slug).exists():
            raise ValidationError(_("Another visit already uses this short name."))
        return slug


def suggested_copy(visit: Visit) -> dict:
    # 52 weeks later keeps the weekdays of the programme: Monday's meetings stay on a Monday.
    start = visit.start_date + dt.timedelta(weeks=52)
    year, next_year = str(visit.start_date.year), str(start.year)
    slug = (
        visit.slug.replace(year, next_year) if year in visit.slug else f"{visit.slug}-{next_year}"
    )
    return {"start_date": start, "slug": slug}


class TranslationForm:
    """The translator's page: posted texts checked against the entries of this visit only."""

    def __init__(self, entries, data=None):
        self.entries = entries
        self.data = data
        self.errors: dict[str, str] = {}
        self.changes = []  # (entry, new text)
        self.confirmed = []  # stale entries the translator declared still right

    def is_valid(self) -> bool:
        for entry in self.entries:
            name = f"text-{entry.key}"
            if name not in self.data:
                continue
            value = self.data[name].strip()
            if entry.max_length and len(value) > entry.max_length:
                self.errors[entry.key] = gettext(
                    "At most %(limit)d characters; this text has %(count)d."
                ) % {"limit": entry.max_length, "count": len(value)}
            elif value != entry.text:
                self.changes.append((entry, value))
            elif entry.state == STALE and self.data.get(f"confirm-{entry.key}"):
                self.confirmed.append(entry)
        return not self.errors

    def typed(self, entry) -> str:
        if self.data is not None and f"text-{entry.key}" in self.data:
            return self.data[f"text-{entry.key}"]
        return entry.text


@transaction.atomic
def translations_save(*, changes, confirmed) -> None:
    by_object = {}
    for entry, value in changes:
        setattr(entry.obj, f"{entry.field}_{entry.language}", value)
        by_object.setdefault((type(entry.obj), entry.obj.pk), (entry.obj, []))[1].append(
            f"{entry.field}_{entry.language}"
        )
    for obj, fields in by_object.values():
        obj.save(update_fields=fields)
    for entry in confirmed:
        translation_mark_confirm(instance=entry.obj, field=entry.field, language=entry.language)


@admin.register(Visit)
class VisitAdmin(
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
    search_fields = ("title_ru", "title_fr", "title_en", "slug", "cities")
    date_hierarchy = "start_date"
    autocomplete_fields = ("organiser",)
    prepopulated_fields = {"slug": ("title_en",)}
    form = VisitStatusForm
    change_form_template = "admin/visits/visit/change_form.html"
    actions = ("duplicate_action",)
    inlines = (
        VisitOrganisationInline,
        GroupInline,
        DayInline,
        SessionInline,
        ResourceInline,
        EmergencyContactInline,
        TravelTimeInline,
        BookletInline,
    )
    readonly_fields = ("booklets_panel",)
    fieldsets = (
        (None, {"fields": ("title", "subtitle", "slug", "status", "organiser")}),
        (
            _("Dates and places"),
            {"fields": (("start_date", "end_date"), "time_zone", "cities")},
        ),
        (_("Booklet languages"), {"fields": (("first_language", "second_language"),)}),
        (
            _("Narrative sections"),
            {"fields": ("goals", "content", "themes", "practical_information", "schedule_note")},
        ),
        (_("Booklets"), {"fields": ("booklets_panel",)}),
    )

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            # A form posted without the travel-time section (older pages, scripts) leaves
            # the travel times as they are instead of failing on a missing management form.
            if (
                isinstance(inline, TravelTimeInline)
                and request.method == "POST"
                and "travel_times-TOTAL_FORMS" not in request.POST
            ):
                continue
            yield formset, inline

    # -- the organiser's desk -------------------------------------------------------------

    def get_urls(self):
        desk = [
            path(
                "<path:object_id>/check/",
                self.admin_site.admin_view(self.check_view),
                name="visits_visit_check",
            ),
            path(
                "<path:object_id>/translations/",
                self.admin_site.admin_view(self.translations_view),
                name="visits_visit_translations",
            ),
            path(
                "<path:object_id>/duplicate/",
                self.admin_site.admin_view(self.duplicate_view),
                name="visits_visit_duplicate",
            ),
        ]
        return desk + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        visit = self.get_object(request, unquote(object_id))
        if visit is not None and request.method == "GET":
            findings = programme_check(visit=visit)
            extra_context["findings"] = findings
            extra_context["findings_errors"] = [f for f in findings if f.severity == ERROR]
            extra_context["findings_warnings"] = [f for f in findings if f.severity != ERROR]
        return super().change_view(request, object_id, form_url, extra_context)

    def _desk_visit(self, request, object_id, *, change: bool = True):
        visit = self.get_object(request, unquote(object_id))
        if visit is None:
            return None, self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        allowed = (
            self.has_change_permission(request, visit)
            if change
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        return visit, None

    def _desk_context(self, request, visit, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": visit,
            "visit": visit,
            "title": title,
            "has_view_permission": True,
            "change_url": reverse("admin:visits_visit_change", args=[visit.pk]),
        }

    def check_view(self, request, object_id):
        visit, redirect = self._desk_visit(request, object_id)
        if redirect:
            return redirect
        confirm_error = ""
        if request.method == "POST":
            confirmed = request.POST.get("confirm_warnings") == "on"
            try:
                visit_publish(visit=visit, confirm_warnings=confirmed)
            except ProgrammeHasErrors as refusal:
                count = sum(finding.is_error for finding in refusal.findings)
                self.message_user(
                    request,
                    ngettext(
                        "Not published: %(count)d error must be fixed first.",
                        "Not published: %(count)d errors must be fixed first.",
                        count,
                    )
                    % {"count": count},
                    messages.ERROR,
                )
            except WarningsNotConfirmed:
                confirm_error = gettext(
                    "Tick the box to confirm that you have read the warnings, then publish."
                )
            else:
                self.message_user(
                    request,
                    gettext("“%(visit)s” is published.") % {"visit": visit},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:visits_visit_change", args=[visit.pk]))
        findings = programme_check(visit=visit)
        errors = [finding for finding in findings if finding.severity == ERROR]
        context = self._desk_context(
            request, visit, gettext("Check the programme: %(visit)s") % {"visit": visit}
        )
        context |= {
            "findings": findings,
            "errors": errors,
            "warnings": [finding for finding in findings if finding.severity != ERROR],
            "confirm_error": confirm_error,
            "is_published": visit.status == Visit.Status.PUBLISHED,
        }
        return TemplateResponse(request, "admin/visits/visit/check.html", context)

    def translations_view(self, request, object_id):
        visit, redirect = self._desk_visit(request, object_id)
        if redirect:
            return redirect
        languages = visit.languages
        entries = translation_status(visit=visit)
        counts = remaining_by_language(entries, languages)
        language = request.GET.get("language")
        if language not in languages:
            language = next((code for code in languages if counts[code]), languages[-1])
        shown = [entry for entry in entries if entry.language == language]
        form = TranslationForm(shown, request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if form.is_valid():
                translations_save(changes=form.changes, confirmed=form.confirmed)
                saved = len(form.changes) + len(form.confirmed)
                self.message_user(
                    request,
                    ngettext("%(count)d text saved.", "%(count)d texts saved.", saved)
                    % {"count": saved},
                    messages.SUCCESS,
                )
                url = reverse("admin:visits_visit_translations", args=[visit.pk])
                return HttpResponseRedirect(f"{url}?language={language}")
            self.message_user(
                request,
                gettext("Nothing was saved: correct the texts marked below."),
                messages.ERROR,
            )
        names = dict(settings.LANGUAGES)
        rows = [
            {
                "entry": entry,
                "typed": form.typed(entry),
                "error": form.errors.get(entry.key, ""),
                "rows": 4 if entry.is_long else 1,
                "source_name": names.get(entry.source_language, entry.source_language),
            }
            for entry in shown
        ]
        context = self._desk_context(
            request, visit, gettext("Translations: %(visit)s") % {"visit": visit}
        )
        context |= {
            "language": language,
            "language_name": names.get(language, language),
            "source_language": source_language(visit=visit),
            "tabs": [
                {"code": code, "name": names.get(code, code), "remaining": counts[code]}
                for code in languages
            ],
            "rows": rows,
            "done_count": sum(entry.state == DONE for entry in shown),
        }
        return TemplateResponse(request, "admin/visits/visit/translations.html", context)

    def duplicate_view(self, request, object_id):
        visit, redirect = self._desk_visit(request, object_id, change=False)
        if redirect:
            return redirect
        if request.method == "POST":
            form = DuplicateVisitForm(request.POST)
            if form.is_valid():
                try:
                    new = visit_duplicate(
                        visit=visit,
                        start_date=form.cleaned_data["start_date"],
                        slug=form.cleaned_data["slug"],
                        user=request.user,
                    )
                except ValidationError as error:
                    for field, problems in error.message_dict.items():
                        for problem in problems:
                            form.add_error(field if field in form.fields else None, problem)
                else:
                    self.message_user(
                        request,
                        gettext(
                            "“%(visit)s” was copied as a draft starting on %(start)s. "
                            "Participants and booklets were not copied."
                        )
                        % {"visit": visit, "start": new.start_date},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:visits_visit_change", args=[new.pk]))
        else:
            form = DuplicateVisitForm(initial=suggested_copy(visit))
        context = self._desk_context(
            request, visit, gettext("Start a new visit from “%(visit)s”") % {"visit": visit}
        )
        context |= {
            "form": form,
            "media": self.media + form.media,
            "counts": {
                "days": visit.days.count(),
                "sessions": visit.sessions.count(),
                "participants": visit.participants.count(),
            },
        }
        return TemplateResponse(request, "admin/visits/visit/duplicate.html", context)

    @admin.action(description=_("Start a new visit from the selected one"))
    def duplicate_action(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(
                request, gettext("Select exactly one visit to copy."), messages.WARNING
            )
            return None
        visit = queryset.get()
        return HttpResponseRedirect(reverse("admin:visits_visit_duplicate", args=[visit.pk]))


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
                "fields": ("visit", "kind", ("starts_at", "ends_at"), "title", "description"),
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
