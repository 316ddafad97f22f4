import csv
import os

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.tmp_storages import MediaStorage

from organisations.admin import TranslatedAdmin
from organisations.languages import in_every_language
from organisations.selectors import organisation_scope
from participants.imports import (
    ParticipantResource,
    comma_separated,
    count_csv_rows,
    count_xlsx_rows,
    decode_spreadsheet_text,
)
from participants.link_admin import LinkMailingInline, mailings_url
from participants.models import DelegationImport, Group, Participant
from participants.services import (
    participant_link_reissue,
    participant_links_send_later,
)
from participants.sheet_imports import delegation_import_queue
from participants.travel_admin import JourneyInline, StayInline

# participants sits below visits and never imports it (see docs/architecture.md): the
# visit model is reached through the delegation's own relation to it.
Visit = Participant._meta.get_field("visit").related_model


class DelegationScopedAdminMixin:
    """Shows and offers only the delegations of visits the user's organisations run.

    Rows of other organisations are absent from the queryset, so the admin answers them as
    it answers a missing object.
    """

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(
            organisation_scope(user=request.user, path="visit__organiser")
        ).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "visit":
            kwargs["queryset"] = organiser_visits(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def organiser_visits(request):
    """The visits this user organises, newest first."""
    return Visit.objects.filter(organisation_scope(user=request.user, path="organiser")).order_by(
        "-start_date"
    )


@admin.action(description=_("Revoke and reissue the personal link"))
def revoke_and_reissue_links(modeladmin, request, queryset):
    count = 0
    for participant in queryset:
        participant_link_reissue(participant=participant)
        count += 1
    modeladmin.message_user(
        request,
        ngettext(
            "The personal link of %(count)d participant was replaced; the old link no "
            "longer works. Send the new one.",
            "The personal links of %(count)d participants were replaced; the old links no "
            "longer work. Send the new ones.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


revoke_and_reissue_links.short_description = _("Revoke and reissue the personal link")


@admin.register(Group)
class GroupAdmin(DelegationScopedAdminMixin, TranslatedAdmin):
    list_display = ("name", "visit")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    search_fields = in_every_language("name")


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


ENCODING_NAMES = {
    "cp1251": _("Windows Cyrillic (cp1251)"),
    "cp1252": _("Windows Western European (cp1252)"),
}


class DelegationImportForm(ImportForm):
    """The delegation's visit, and a CSV file read whatever encoding Excel saved it in."""

    visit = forms.ModelChoiceField(
        label=_("Visit"),
        queryset=Visit.objects.none(),
        help_text=_("The participants join this visit's delegation."),
    )
    field_order = ["visit", "resource", "import_file", "format"]

    def __init__(self, *args, visits=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visit"].queryset = visits if visits is not None else Visit.objects.none()
        self.fields["import_file"].help_text = _(
            "A CSV or Excel sheet whose first row names the columns."
        )
        self.encoding_notice = ""
        # A large sheet is imported by a worker (participants.sheet_imports), unread here.
        self.in_background = False

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        limit_mb = settings.DELEGATION_IMPORT_MAX_MB
        if upload.size > limit_mb * 1024 * 1024:
            raise ValidationError(
                _(
                    "This file is larger than %(limit)s MB. A delegation sheet is much "
                    "smaller: check that it is the right file, or split it."
                ),
                params={"limit": limit_mb},
            )
        if upload.size > settings.DELEGATION_IMPORT_PREVIEW_MAX_KB * 1024:
            self.in_background = True
            return upload
        if not upload.name.lower().endswith((".csv", ".txt")):
            self._check_row_count(count_xlsx_rows(upload, limit=self._count_limit()))
            return upload
        data = upload.read()
        text, encoding = decode_spreadsheet_text(data)
        if encoding != "utf-8":
            self.encoding_notice = gettext(
                "The file was not saved as UTF-8; it was read as %(encoding)s. Check that the "
                "names below read correctly before confirming."
            ) % {"encoding": ENCODING_NAMES[encoding]}
        try:
            text = comma_separated(text)
            self._check_row_count(count_csv_rows(text, limit=self._count_limit()))
        except csv.Error:
            raise ValidationError(
                _(
                    "A cell of this file is longer than %(limit)s characters, or its quotes "
                    "do not match. Check that it is the delegation's sheet, saved as CSV."
                ),
                params={"limit": csv.field_size_limit()},
            ) from None
        return SimpleUploadedFile(upload.name, text.encode("utf-8"), upload.content_type)

    @staticmethod
    def _count_limit() -> int:
        # Counting stops one row past the limit; the first row names the columns.
        return settings.DELEGATION_IMPORT_MAX_ROWS + 2

    def _check_row_count(self, count: int | None) -> None:
        limit = settings.DELEGATION_IMPORT_MAX_ROWS
        # The first row names the columns.
        if count is not None and count - 1 > limit:
            raise ValidationError(
                _(
                    "This sheet has more than %(limit)s rows of participants; split it into "
                    "smaller sheets and import them one after the other."
                ),
                params={"limit": limit},
            )
        if count is not None and count - 1 > settings.DELEGATION_IMPORT_PREVIEW_MAX_ROWS:
            self.in_background = True


class DelegationConfirmImportForm(ConfirmImportForm):
    """The confirmation of a previewed import: only a file this session uploaded, still
    waiting on the disk, is imported (a name typed into the form reads nothing else)."""

    visit = forms.ModelChoiceField(queryset=Visit.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, visits=None, waiting_files=(), format_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visit"].queryset = visits if visits is not None else Visit.objects.none()
        self.waiting_files = set(waiting_files)
        self.format_count = format_count

    def clean_import_file_name(self):
        name = super().clean_import_file_name()
        if name not in self.waiting_files or not default_storage.exists(waiting_file_path(name)):
            raise ValidationError(
                _("This import is no longer waiting to be confirmed; upload the file again.")
            )
        return name

    def clean_format(self):
        value = self.cleaned_data["format"]
        if not (value.isdigit() and int(value) < self.format_count):
            raise ValidationError(_("Choose the format of the file again."))
        return value


WAITING_IMPORTS = "delegation_imports_waiting"


def _whole_number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 19 else None


def waiting_file_path(name: str) -> str:
    # django-import-export keeps the previewed file in media storage until the organiser
    # confirms (IMPORT_EXPORT_TMP_STORAGE_CLASS), where every web machine finds it.
    return MediaStorage(name=os.path.basename(name)).get_full_path()


@admin.register(Participant)
class ParticipantAdmin(ImportExportMixin, DelegationScopedAdminMixin, admin.ModelAdmin):
    form = ParticipantForm
    resource_classes = [ParticipantResource]
    import_form_class = DelegationImportForm
    confirm_form_class = DelegationConfirmImportForm
    import_template_name = "admin/participants/participant/import.html"
    export_template_name = "admin/participants/participant/export.html"
    import_formats = [base_formats.CSV, base_formats.XLSX]
    export_formats = [base_formats.CSV, base_formats.XLSX]
    inlines = (JourneyInline, StayInline, LinkMailingInline)
    actions = ["send_personal_links", revoke_and_reissue_links]
    list_display = ("name_latin", "name_native", "visit", "role", "city", "preferred_language")

    class Media:
        css = {"all": ("organisations/admin_lists.css",)}

    list_filter = (
        ("visit", admin.RelatedOnlyFieldListFilter),
        "role",
        "preferred_language",
        ("groups", admin.RelatedOnlyFieldListFilter),
    )
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
                organisation_scope(user=request.user, path="visit__organiser")
            ).select_related("visit")
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # -- import and export ----------------------------------------------------------------

    def create_import_form(self, request):
        # import_action asks for the form after import_action below has looked at it: both
        # must be the one form, whose file has been read once.
        form = getattr(request, "_delegation_import_form", None)
        if form is None:
            form = request._delegation_import_form = super().create_import_form(request)
        return form

    def import_action(self, request, **kwargs):
        if request.method == "POST" and self.has_import_permission(request):
            form = self.create_import_form(request)
            if form.is_valid() and form.in_background:
                return self._import_in_background(request, form)
        return super().import_action(request, **kwargs)

    def _import_in_background(self, request, form):
        """A large sheet is kept and imported by a worker; the organiser follows its page."""
        upload = form.cleaned_data["import_file"]
        file_format = self.get_import_formats()[int(form.cleaned_data["format"])]()
        delegation_import = delegation_import_queue(
            visit=form.cleaned_data["visit"],
            sheet=upload,
            file_name=upload.name,
            sheet_format=file_format.get_extension(),
            imported_by=request.user,
            language=get_language(),
        )
        self.message_user(
            request,
            gettext(
                "This sheet is large: it is being imported in the background, with the same "
                "checks. This page shows when it is done."
            ),
            messages.INFO,
        )
        return redirect(
            reverse("admin:participants_delegationimport_change", args=[delegation_import.pk])
        )

    def get_import_form_kwargs(self, request):
        kwargs = super().get_import_form_kwargs(request)
        visit_id = request.GET.get("visit__id__exact")
        if visit_id and visit_id.isdigit() and "initial" in kwargs:
            kwargs["initial"] = {**kwargs["initial"], "visit": visit_id}
        return {**kwargs, "visits": organiser_visits(request)}

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "visits": organiser_visits(request),
            "waiting_files": request.session.get(WAITING_IMPORTS, []),
            "format_count": len(self.get_import_formats()),
        }

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["visit"] = import_form.cleaned_data["visit"].pk
            # The previewed file may be confirmed by this session only (see the form).
            waiting = request.session.get(WAITING_IMPORTS, [])[-9:]
            name = os.path.basename(initial["import_file_name"])
            request.session[WAITING_IMPORTS] = [*waiting, name]
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        visit = None
        if form is not None and hasattr(form, "cleaned_data"):
            visit = form.cleaned_data.get("visit")
        return {**super().get_import_resource_kwargs(request, **kwargs), "visit": visit}

    def get_import_data_kwargs(self, **kwargs):
        # One refused row refuses the file: nothing half-imported.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def export_action(self, request):
        # A visit filter that names no visit of this organiser would be dropped by the list
        # and the export would hold every delegation: say so instead.
        visit_id = request.GET.get("visit__id__exact", "")
        if visit_id and not organiser_visits(request).filter(pk=_whole_number(visit_id)).exists():
            return self._export_refused(
                request, gettext("“%(value)s” is not a visit.") % {"value": visit_id}
            )
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            return self._export_refused(request, gettext("The filters of the list are not valid."))

    def _export_refused(self, request, problem: str):
        self.message_user(
            request,
            problem + " " + gettext("Choose the visit in the list, then export again."),
            messages.ERROR,
        )
        return redirect(reverse("admin:participants_participant_changelist"))

    def get_export_resource_kwargs(self, request, **kwargs):
        return {**super().get_export_resource_kwargs(request, **kwargs), "visit": None}

    def get_export_filename(self, request, queryset, file_format):
        visits = {participant.visit.slug for participant in queryset.select_related("visit")}
        name = visits.pop() if len(visits) == 1 else "delegations"
        return f"{name}-participants.{file_format.get_extension()}"

    # -- actions --------------------------------------------------------------------------

    @admin.action(description=_("E-mail each their personal link, in their language"))
    def send_personal_links(self, request, queryset):
        # Sent by a task after commit: the page never waits for the mail server.
        queued, without_address = participant_links_send_later(
            participants=list(queryset.select_related("visit")), sent_by=request.user
        )
        if queued:
            self.message_user(
                request,
                ngettext(
                    "The personal link is being e-mailed to %(count)d participant; the "
                    "e-mails sent are listed on each participant's page.",
                    "Personal links are being e-mailed to %(count)d participants; the "
                    "e-mails sent are listed on each participant's page.",
                    len(queued),
                )
                % {"count": len(queued)},
                messages.SUCCESS,
            )
        if without_address:
            self.message_user(
                request,
                gettext("No e-mail address, nothing sent: %(names)s.")
                % {"names": ", ".join(str(p) for p in without_address)},
                messages.WARNING,
            )
        for visit in {participant.visit for participant in [*queued, *without_address]}:
            self.message_user(
                request,
                format_html(
                    '<a href="{}">{}</a>',
                    mailings_url(visit_id=visit.pk),
                    gettext("Who got the link and who did not: %(visit)s") % {"visit": visit},
                ),
                messages.INFO,
            )


@admin.register(DelegationImport)
class DelegationImportAdmin(admin.ModelAdmin):
    """Sheets imported in the background: how each went, for the visit's organisers.

    Read only: an import is started from the participants' Import page, and its outcome is
    a fact, not something to edit.
    """

    list_display = ("file_name", "visit", "status", "created_count", "updated_count", "uploaded_at")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter), "status")
    list_select_related = ("visit",)
    fields = (
        "visit",
        "file_name",
        "status",
        "created_count",
        "updated_count",
        "problem_list",
        "uploaded_at",
        "finished_at",
    )
    readonly_fields = fields
    change_form_template = "admin/participants/delegationimport/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(organisation_scope(user=request.user, path="visit__organiser"))
            .distinct()
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A worker still needs the row and its file until the import has ended.
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_finished)

    @admin.display(description=_("why nothing was imported"))
    def problem_list(self, delegation_import):
        problems = delegation_import.problems.splitlines()
        if not problems:
            return "–"
        items = format_html_join("", "<li>{}</li>", ((problem,) for problem in problems))
        return format_html('<ul class="delegation-refused">{}</ul>', items)
