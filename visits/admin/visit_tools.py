"""The visit's tools on its admin page: check and publish, translations, copy.

``VisitToolsAdminMixin`` adds the three pages to the visit admin; the work itself is done by
services and selectors. The findings are on the check page only: checking a programme of
hundreds of sessions takes about a second, too long for every opening of the visit page.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from visits.models import Visit
from visits.programme_check import ERROR, programme_check
from visits.services import (
    ProgrammeHasErrors,
    WarningsNotConfirmed,
    translations_save,
    visit_duplicate,
    visit_publish,
)
from visits.translations import (
    DONE,
    STALE,
    remaining_by_language,
    source_language,
    translation_status,
)


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
    try:
        start = visit.start_date + dt.timedelta(weeks=52)
    except OverflowError:
        # A visit stored in year 9999 before its form refused it: nothing to suggest.
        return {}
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


class VisitToolsAdminMixin:
    """The tool pages of the visit admin (see the module's docstring)."""

    def get_urls(self):
        tools = [
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
        return tools + super().get_urls()

    def _tools_visit(self, request, object_id, *, change: bool = True):
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

    def _tools_context(self, request, visit, title):
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
        visit, redirect = self._tools_visit(request, object_id)
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
        context = self._tools_context(
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
        visit, redirect = self._tools_visit(request, object_id)
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
        context = self._tools_context(
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
        visit, redirect = self._tools_visit(request, object_id, change=False)
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
        context = self._tools_context(
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
