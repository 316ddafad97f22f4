"""Staff of a visit, and the lists for the hotel, the transfer company and the staff.

The lists are downloaded from one page (linked from each visit's page): each kind as PDF,
rendered at once through the booklet machinery, or as XLSX, in any of the portal's languages.
"""

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from organisations.languages import language_codes
from participants.models import StaffMember
from visits.admin.base import VisitScopedAdminMixin
from visits.logistics.paper import LOGISTICS_PAPER, PAPER_KINDS, XLSX_KINDS, paper_pdf
from visits.logistics.selectors import staff_personal_url
from visits.models import Session, Visit
from visits.permissions import visit_scope

PAPER_LABELS = {kind: label for kind, label, _template, _reader in LOGISTICS_PAPER}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class StaffMemberForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        visit = data.get("visit")
        if visit is None:
            return data
        foreign = [s for s in data.get("sessions") or [] if s.visit_id != visit.pk]
        if foreign:
            self.add_error(
                "sessions",
                _("These sessions belong to another visit: %(sessions)s.")
                % {"sessions": ", ".join(str(session) for session in foreign)},
            )
        participant = data.get("participant")
        if participant is not None and participant.visit_id != visit.pk:
            self.add_error("participant", _("This participant belongs to another visit."))
        return data


@admin.register(StaffMember)
class StaffMemberAdmin(VisitScopedAdminMixin, admin.ModelAdmin):
    form = StaffMemberForm
    list_display = ("name", "role", "languages", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter), "role")
    list_select_related = ("visit",)
    search_fields = ("name", "languages")
    readonly_fields = ("personal_link",)
    filter_horizontal = ("sessions",)
    fieldsets = (
        (None, {"fields": ("visit", "role", "name", "languages", "preferred_language")}),
        (_("Assignments"), {"fields": ("sessions",)}),
        (
            _("Private (organisers of this visit only)"),
            {"fields": ("participant", "phone", "email", "notes", "personal_link")},
        ),
    )
    change_list_template = "admin/participants/staffmember/change_list.html"

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        scope = Session.objects.filter(visit_scope(user=request.user, path="visit"))
        for name in ("sessions", "participant"):
            field = form.base_fields.get(name)
            if field is None:
                continue
            model = field.queryset.model
            if obj is not None:
                field.queryset = model.objects.filter(visit=obj.visit)
            elif model is Session:
                field.queryset = scope
            else:
                field.queryset = model.objects.filter(visit__in=scope.values("visit"))
        return form

    @admin.display(description=_("personal link"))
    def personal_link(self, member):
        if not member.pk:
            return "—"
        url = staff_personal_url(member=member)
        return format_html('<a href="{}">{}</a>', url, url)

    def get_urls(self):
        return [
            path(
                "lists/",
                self.admin_site.admin_view(self.lists_view),
                name="participants_staffmember_lists",
            ),
            path(
                "lists/<int:visit_id>/<str:kind>.<str:extension>",
                self.admin_site.admin_view(self.list_download),
                name="participants_staffmember_list",
            ),
            *super().get_urls(),
        ]

    def _visits(self, request):
        return Visit.objects.filter(visit_scope(user=request.user)).order_by("-start_date")

    def lists_view(self, request):
        visits = self._visits(request)
        chosen = request.GET.get("visit")
        if chosen and chosen.isdigit():
            visits = visits.filter(pk=chosen)
        rows = []
        for visit in visits:
            rows.append(
                {
                    "visit": visit,
                    "kinds": [
                        {
                            "label": PAPER_LABELS[kind],
                            "links": [
                                (
                                    f"{extension.upper()} {language}",
                                    reverse(
                                        "admin:participants_staffmember_list",
                                        args=[visit.pk, kind, extension],
                                    )
                                    + f"?lang={language}",
                                )
                                for extension in ("pdf", "xlsx")
                                for language in language_codes()
                            ],
                        }
                        for kind in PAPER_KINDS
                    ],
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Lists for hotels, transfers and staff"),
            "rows": rows,
        }
        return TemplateResponse(request, "admin/participants/staffmember/lists.html", context)

    def list_download(self, request, visit_id: int, kind: str, extension: str):
        visit = self._visits(request).filter(pk=visit_id).first()
        language = request.GET.get("lang", "")
        if (
            visit is None
            or kind not in PAPER_KINDS
            or extension not in {"pdf", "xlsx"}
            or language not in language_codes()
        ):
            raise Http404
        if extension == "pdf":
            response = HttpResponse(
                paper_pdf(visit=visit, kind=kind, language=language),
                content_type="application/pdf",
            )
        else:
            response = HttpResponse(XLSX_KINDS[kind](visit, language), content_type=XLSX_TYPE)
        filename = f"{visit.slug}-{kind}-{language}.{extension}"
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.headers["Cache-Control"] = "private, no-store"
        return response
