"""Programme versions in the admin: the publish button on the visit page, and per version
what changed and who was told, with the deliveries that failed.

Wire it into VisitAdmin (visits/admin/visit.py): ``VisitVersionsAdminMixin`` first among
the mixins, ``"versions_panel"`` in ``readonly_fields`` and in a fieldset.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from organisations.languages import active_language
from visits.admin.base import VisitScopedAdminMixin
from visits.changes.models import ChangeNotice, ProgrammeVersion
from visits.changes.services import change_notices_dispatch, programme_version_publish
from visits.changes.summary import change_sentences, programme_changes


def _local(moment, visit) -> str:
    return f"{moment.astimezone(visit.zone):%Y-%m-%d %H:%M}" if moment else ""


class VisitVersionsAdminMixin:
    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/versions/publish/",
                self.admin_site.admin_view(self.programme_publish_view),
                name="visits_visit_programme_publish",
            )
        ]
        return urls + super().get_urls()

    def programme_publish_view(self, request: HttpRequest, object_id: str):
        return require_POST(self._programme_publish)(request, object_id)

    def _programme_publish(self, request: HttpRequest, object_id: str):
        visit = self.get_object(request, object_id)
        if visit is None:
            raise Http404
        if not self.has_change_permission(request, visit):
            raise PermissionDenied
        version, created = programme_version_publish(visit=visit, published_by=request.user)
        if not created:
            messages.info(
                request,
                _("Nothing a participant reads has changed since version %(number)s.")
                % {"number": version.number},
            )
        else:
            told = version.notices.count()
            messages.success(
                request,
                _("Version %(number)s is published; %(count)s participants are being told.")
                % {"number": version.number, "count": told},
            )
        return HttpResponseRedirect(
            reverse("admin:visits_visit_change", args=[visit.pk]) + "#programme-versions"
        )

    @admin.display(description=gettext_lazy("programme versions"))
    def versions_panel(self, visit) -> str:
        if visit is None or visit.pk is None:
            return _("Save the visit first.")
        # Counted in the one query (two a version before), without the snapshots.
        sent = Q(notices__status=ChangeNotice.Status.SENT)
        versions = list(
            visit.programme_versions.defer("snapshot")
            .annotate(
                told=Count("notices", filter=sent),
                not_reached=Count("notices", filter=~sent),
            )
            .order_by("-number")[:10]
        )
        rows = format_html_join(
            "",
            '<tr><th scope="row"><a href="{}">{}</a></th><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    reverse("admin:visits_programmeversion_change", args=[version.pk]),
                    str(version),
                    _local(version.published_at, visit),
                    version.told,
                    version.not_reached,
                )
                for version in versions
            ),
        )
        return format_html(
            '<div id="programme-versions"><p>{}</p><p><button type="submit" class="button" '
            'formaction="{}" formmethod="post" formnovalidate>{}</button></p>'
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table></div>",
            _(
                "Publishing a version tells each participant whose own programme changed "
                "since the previous version, once, in their language. Save your edits first."
            ),
            reverse("admin:visits_visit_programme_publish", args=[visit.pk]),
            _("Publish a programme version"),
            _("version"),
            _("published"),
            _("told"),
            _("not reached"),
            rows,
        )


class ChangeNoticeInline(admin.TabularInline):
    model = ChangeNotice
    extra = 0
    can_delete = False
    fields = ("participant", "language", "sent_to", "status", "attempts", "sent_at", "told")
    readonly_fields = fields
    ordering = ("status", "participant__name_latin")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=gettext_lazy("changes told"))
    def told(self, notice: ChangeNotice) -> str:
        items = format_html_join("", "<li>{}</li>", ((change,) for change in notice.changes))
        error = format_html('<br><code style="color:#ba2121">{}</code>', notice.error)
        return format_html("<ul>{}</ul>{}", items, error if notice.error else "")


@admin.register(ProgrammeVersion)
class ProgrammeVersionAdmin(VisitScopedAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "visit", "published_at", "published_by", "told", "not_reached")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("visit", "published_by")
    fields = ("visit", "number", "published_at", "published_by", "what_changed")
    readonly_fields = fields
    inlines = (ChangeNoticeInline,)
    actions = ("send_again",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        # A version is what was published: read, never edited.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=gettext_lazy("told"))
    def told(self, version: ProgrammeVersion) -> int:
        return version.notices.filter(status=ChangeNotice.Status.SENT).count()

    @admin.display(description=gettext_lazy("not reached"))
    def not_reached(self, version: ProgrammeVersion) -> int:
        return version.notices.exclude(status=ChangeNotice.Status.SENT).count()

    @admin.display(description=gettext_lazy("what changed since the previous version"))
    def what_changed(self, version: ProgrammeVersion) -> str:
        previous = (
            ProgrammeVersion.objects.filter(visit=version.visit, number__lt=version.number)
            .order_by("-number")
            .first()
        )
        if previous is None:
            return _("The first published version.")
        language = active_language()
        changes = programme_changes(old=previous.snapshot, new=version.snapshot, language=language)
        if not changes:
            return _("Nothing a participant reads.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", "<li>{}</li>", ((s,) for s in change_sentences(changes, language))
            ),
        )

    @admin.action(description=gettext_lazy("Send the notices that were not delivered again"))
    def send_again(self, request, queryset):
        notices = ChangeNotice.objects.filter(
            version__in=queryset, status=ChangeNotice.Status.FAILED
        )
        ids = list(notices.values_list("pk", flat=True))
        notices.update(status=ChangeNotice.Status.PENDING, error="")
        transaction.on_commit(lambda: change_notices_dispatch(ids))
        messages.info(request, _("%(count)s notices are being sent again.") % {"count": len(ids)})
