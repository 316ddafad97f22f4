from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedDjangoJqueryTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from organisations.forms import OrganiserInviteForm, OrganisingOrganisationForm
from organisations.languages import in_every_language
from organisations.models import ChangeProposal, Organisation, Person, Venue
from organisations.selectors import (
    change_proposal_fields,
    change_proposals_for_record,
    change_proposals_visible,
    organisations_for_organiser,
    translated_ordering,
)
from organisations.services import (
    NOT_PROPOSED,
    change_proposal_accept,
    change_proposal_create,
    change_proposal_decline,
    organisation_with_organiser_create,
    organiser_invite,
    organiser_invite_send,
    password_set_url,
    shared_record_copy,
)
from organisations.usage import record_usage


class TranslatedAdmin(TabbedDjangoJqueryTranslationAdmin):
    """Translated fields as language tabs, using Django's own jQuery and our jQuery UI copy.

    ``translated_ordering_field`` sorts the list by what the reader sees, with fallbacks.
    Every admin page of the portal with translated fields starts from this one.
    """

    translated_ordering_field: str | None = None

    class Media:
        # Lists that fit a 1,440 px screen: names of related records wrap in their cells.
        css = {"all": ("organisations/admin_lists.css",)}

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

    Each is kept by one organisation (its ``owner``): that organisation's organisers change
    it, everyone else uses it as it is, read-only here, or copies it as their own. A record
    kept by nobody is changed by a superuser only; a superuser changes all. Nobody but a
    superuser deletes one that a visit of another organisation uses: deleting it would
    silently take it out of their programme.
    """

    change_form_template = "admin/organisations/shared_record_change_form.html"

    def own_organisation_ids(self, request) -> set[int]:
        return set(organisations_for_organiser(user=request.user).values_list("pk", flat=True))

    def keeps(self, request, obj) -> bool:
        """Whether the user's organisations keep this record (a superuser keeps them all)."""
        if request.user.is_superuser:
            return True
        return obj.owner_id is not None and obj.owner_id in self.own_organisation_ids(request)

    def used_outside_scope(self, request, obj) -> bool:
        return record_usage(record=obj, user=request.user)[1]

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or self.keeps(request, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None or request.user.is_superuser:
            return True
        kept_by_others = obj.owner_id is not None and not self.keeps(request, obj)
        return not kept_by_others and not self.used_outside_scope(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            # The bulk delete asks for permission once for all rows, not row by row.
            actions.pop("delete_selected", None)
        return actions

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner" and not request.user.is_superuser:
            kwargs["queryset"] = organisations_for_organiser(user=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        owner = form.base_fields.get("owner")
        if owner is not None and not request.user.is_superuser:
            # An organiser's new record is kept by their organisation.
            owner.required = True
            owner.empty_label = None
            owner.initial = organisations_for_organiser(user=request.user).first()
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if not any("owner" in fields["fields"] for _name, fields in fieldsets):
            fieldsets.append((_("Kept by"), {"fields": ("owner",)}))
        return fieldsets

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/copy/",
                self.admin_site.admin_view(self.copy_view),
                name="{}_{}_copy".format(*info),
            ),
            path(
                "<path:object_id>/propose/",
                self.admin_site.admin_view(self.propose_view),
                name="{}_{}_propose".format(*info),
            ),
            *super().get_urls(),
        ]

    def may_propose(self, request, obj) -> bool:
        """Organisers propose changes to a record another organisation keeps."""
        return bool(
            obj is not None
            and obj.owner_id is not None
            and not self.keeps(request, obj)
            and self.own_organisation_ids(request)
            and self.has_view_permission(request, obj)
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_copy"] = bool(
            obj is not None
            and not self.keeps(request, obj)
            and self.own_organisation_ids(request)
            and super().has_add_permission(request)
        )
        context["can_propose"] = not context.get("proposing") and self.may_propose(request, obj)
        if obj is not None and obj.pk:
            proposals = change_proposals_for_record(record=obj, user=request.user)
            if self.keeps(request, obj):
                context["proposals_to_answer"] = proposals.filter(
                    status=ChangeProposal.Status.PENDING
                ).select_related("proposed_by_organisation")
            else:
                context["own_proposals"] = proposals.filter(
                    proposed_by_organisation__in=self.own_organisation_ids(request)
                )[:5]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def propose_view(self, request, object_id):
        """The record's own form, to propose changes its keeper accepts or declines."""
        record = self.get_object(request, unquote(object_id))
        if record is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.may_propose(request, record):
            raise PermissionDenied
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in NOT_PROPOSED]})
            for name, options in self.get_fieldsets(request, record)
        ]
        fieldsets = [fieldset for fieldset in fieldsets if fieldset[1]["fields"]]
        form_class = self.get_form(
            request, record, change=False, fields=flatten_fieldsets(fieldsets)
        )
        if request.method == "POST":
            # The form writes its values into its instance while checking them: a copy.
            form = form_class(
                request.POST, request.FILES, instance=self.get_object(request, record.pk)
            )
            if form.is_valid():
                try:
                    change_proposal_create(
                        record=record,
                        new_values={name: form.cleaned_data[name] for name in form.changed_data},
                        proposed_by=request.user,
                        organisation=organisations_for_organiser(user=request.user)
                        .exclude(pk=record.owner_id)
                        .first(),
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(
                        request,
                        gettext(
                            "Your proposal was sent to %(owner)s. The record stays as it is "
                            "until their organisers accept it; you will see their answer here."
                        )
                        % {"owner": record.owner},
                        messages.SUCCESS,
                    )
                    info = self.opts.app_label, self.opts.model_name
                    return redirect(reverse("admin:{}_{}_change".format(*info), args=[record.pk]))
        else:
            form = form_class(instance=record)
        admin_form = helpers.AdminForm(
            form, fieldsets, self.get_prepopulated_fields(request, record), model_admin=self
        )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Propose a change to %(record)s") % {"record": record},
            "subtitle": None,
            "adminform": admin_form,
            "object_id": object_id,
            "original": record,
            "is_popup": False,
            "to_field": None,
            "media": self.media + admin_form.media,
            "inline_admin_formsets": [],
            "errors": helpers.AdminErrorList(form, []),
            "preserved_filters": self.get_preserved_filters(request),
            "proposing": True,
        }
        return self.render_change_form(
            request, context, change=True, form_url=request.path, obj=record
        )

    def copy_view(self, request, object_id):
        """A copy of another organisation's record, kept by the user's organisation."""
        if request.method != "POST" or not super().has_add_permission(request):
            raise PermissionDenied
        record = self.get_object(request, unquote(object_id))
        owner = organisations_for_organiser(user=request.user).first()
        if record is None or owner is None:
            raise Http404
        copy = shared_record_copy(record=record, owner=owner)
        self.message_user(
            request,
            gettext(
                "This is your organisation’s own copy of “%(record)s”: change it as you need. "
                "Visits keep using the original until you choose the copy in them."
            )
            % {"record": record},
            messages.SUCCESS,
        )
        info = self.opts.app_label, self.opts.model_name
        return redirect(reverse("admin:{}_{}_change".format(*info), args=[copy.pk]))


@admin.register(Organisation)
class OrganisationAdmin(SharedRecordAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "kind", "city", "country", "website")
    list_filter = ("kind", "country")
    search_fields = (*in_every_language("name", "city"), "website")
    filter_horizontal = ("members",)
    change_list_template = "admin/organisations/organisation/change_list.html"
    change_form_template = "admin/organisations/organisation/change_form.html"
    fieldsets = (
        (None, {"fields": ("name", "kind", "language", "description", "website")}),
        (_("Where"), {"fields": ("city", "country")}),
        (_("Organising staff"), {"fields": ("members",), "classes": ("collapse",)}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # Membership decides which visits a user sees: only a superuser grants it.
        return [fs for fs in fieldsets if "members" not in fs[1]["fields"]]

    def get_urls(self):
        pages = [
            path(
                "add-organising/",
                self.admin_site.admin_view(self.add_organising_view),
                name="organisations_organisation_add_organising",
            ),
            path(
                "<path:object_id>/invite/",
                self.admin_site.admin_view(self.invite_view),
                name="organisations_organisation_invite",
            ),
        ]
        return pages + super().get_urls()

    def may_invite(self, request, organisation) -> bool:
        """Its own organisers invite colleagues; only a superuser invites into another."""
        if request.user.is_superuser:
            return True
        return organisation.members.filter(pk=request.user.pk).exists()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "may_invite": obj and self.may_invite(request, obj),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _page(self, request, *, form, title, organisation=None):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "form": form,
            "organisation": organisation,
        }
        return TemplateResponse(
            request, "admin/organisations/organisation/organiser_form.html", context
        )

    def _invite_and_tell(self, request, *, user, organisation) -> None:
        try:
            link = organiser_invite_send(
                user=user, organisation=organisation, invited_by=request.user
            )
        except OSError:
            messages.warning(
                request,
                gettext(
                    "The e-mail to %(email)s could not be sent. Pass them this link to choose "
                    "their password: %(link)s"
                )
                % {"email": user.email, "link": password_set_url(user=user)},
            )
            return
        messages.success(
            request,
            gettext(
                "%(email)s is an organiser of %(organisation)s. They were sent this link to "
                "choose their password: %(link)s"
            )
            % {"email": user.email, "organisation": organisation, "link": link},
        )

    def add_organising_view(self, request):
        """A superuser starts an organising organisation with its first organiser."""
        if not request.user.is_superuser:
            raise PermissionDenied
        title = gettext("New organising organisation and its first organiser")
        form = OrganisingOrganisationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                organisation, user = organisation_with_organiser_create(**form.cleaned_data)
            except ValidationError as error:
                for field, field_errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                self._invite_and_tell(request, user=user, organisation=organisation)
                return HttpResponseRedirect(
                    reverse("admin:organisations_organisation_change", args=[organisation.pk])
                )
        return self._page(request, form=form, title=title)

    def invite_view(self, request, object_id):
        """An organiser gives a colleague an account in their own organisation."""
        organisation = self.get_object(request, unquote(object_id))
        if organisation is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.may_invite(request, organisation):
            raise PermissionDenied
        title = gettext("Invite a colleague to %(organisation)s") % {"organisation": organisation}
        form = OrganiserInviteForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                user = organiser_invite(organisation=organisation, **form.cleaned_data)
            except ValidationError as error:
                for field, field_errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                self._invite_and_tell(request, user=user, organisation=organisation)
                return HttpResponseRedirect(
                    reverse("admin:organisations_organisation_change", args=[organisation.pk])
                )
        return self._page(request, form=form, title=title, organisation=organisation)


@admin.register(Person)
class PersonAdmin(SharedRecordAdmin):
    translated_ordering_field = "name"
    list_display = ("name", "role", "organisation")
    list_select_related = ("organisation",)
    list_filter = ("organisation__kind",)
    search_fields = in_every_language("name", "role", "organisation__name")
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
    search_fields = (*in_every_language("name", "city"), "address")
    autocomplete_fields = ("organisation",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "organisation")}),
        (_("Address"), {"fields": ("address", "postal_code", "city", "country")}),
        (_("Contact"), {"fields": ("phone", "email")}),
        (_("Finding it"), {"fields": ("latitude", "longitude", "directions")}),
    )


@admin.register(ChangeProposal)
class ChangeProposalAdmin(admin.ModelAdmin):
    """Changes proposed to records other organisations keep: the keeper's organisers answer
    them here, the proposers see the answer. Each side sees its own staff's names only."""

    list_display = ("record_name", "record_kind", "proposed_by_organisation", "kept_by", "status")
    list_filter = ("status",)
    list_select_related = ("record_type", "proposed_by_organisation", "kept_by")
    fields = (
        "record_link",
        "proposed_by_organisation",
        "kept_by",
        "status",
        "proposed_at",
        "decided_at",
    )
    readonly_fields = fields
    change_form_template = "admin/organisations/changeproposal/change_form.html"

    def get_queryset(self, request):
        return change_proposals_visible(user=request.user).select_related(
            "record_type", "proposed_by_organisation", "kept_by"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def may_answer(self, request, proposal) -> bool:
        """The organisers of the organisation that keeps the record, while it keeps it."""
        if proposal.status != ChangeProposal.Status.PENDING:
            return False
        if request.user.is_superuser:
            return True
        record = proposal.record
        mine = set(organisations_for_organiser(user=request.user).values_list("pk", flat=True))
        return record is not None and record.owner_id in mine and proposal.kept_by_id in mine

    @admin.display(description=_("record"))
    def record_name(self, proposal):
        return str(proposal)

    @admin.display(description=_("kind of record"))
    def record_kind(self, proposal):
        return proposal.record_type.model_class()._meta.verbose_name

    @admin.display(description=_("record"))
    def record_link(self, proposal):
        record = proposal.record
        if record is None:
            return gettext("The record no longer exists.")
        meta = record._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, record)

    def own_staff(self, request, proposal) -> list[str]:
        """Each side learns the names of its own colleagues, never the other side's."""
        mine = set(organisations_for_organiser(user=request.user).values_list("pk", flat=True))
        names = []
        if proposal.proposed_by and proposal.proposed_by_organisation_id in mine:
            names.append(
                gettext("Proposed by %(name)s.")
                % {"name": proposal.proposed_by.get_full_name() or proposal.proposed_by}
            )
        if proposal.decided_by and proposal.kept_by_id in mine:
            names.append(
                gettext("Answered by %(name)s.")
                % {"name": proposal.decided_by.get_full_name() or proposal.decided_by}
            )
        return names

    def get_urls(self):
        return [
            path(
                "<path:object_id>/accept/",
                self.admin_site.admin_view(self.accept_view),
                name="organisations_changeproposal_accept",
            ),
            path(
                "<path:object_id>/decline/",
                self.admin_site.admin_view(self.decline_view),
                name="organisations_changeproposal_decline",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = self.get_object(request, unquote(object_id))
        extra_context = {
            **(extra_context or {}),
            "proposed_fields": change_proposal_fields(proposal=proposal) if proposal else [],
            "may_answer": proposal is not None and self.may_answer(request, proposal),
            "own_staff": self.own_staff(request, proposal) if proposal else [],
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def accept_view(self, request, object_id):
        return self._answer(request, object_id, change_proposal_accept)

    def decline_view(self, request, object_id):
        return self._answer(request, object_id, change_proposal_decline)

    def _answer(self, request, object_id, service):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        proposal = self.get_object(request, unquote(object_id))
        if proposal is None:
            raise Http404
        if not self.may_answer(request, proposal):
            raise PermissionDenied
        try:
            proposal = service(proposal=proposal, decided_by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                gettext("The proposal was accepted: the record now has the proposed values.")
                if proposal.status == ChangeProposal.Status.ACCEPTED
                else gettext("The proposal was declined: the record stays as it was."),
                messages.SUCCESS,
            )
        return redirect(reverse("admin:organisations_changeproposal_change", args=[proposal.pk]))
