"""The history pages of a visit and of a session, for the organisers of that visit only.

django-simple-history's page answers an object outside the admin's queryset from its
latest historical row, and names every user who made a change. Here an object outside the
organiser's visits is a 404 like everywhere else in the admin, and a change made by
someone outside the visit's organising association is shown without their name.
"""

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from visits.changes.selectors import programme_history
from visits.models import Visit


class ProgrammeHistoryAdminMixin(SimpleHistoryAdmin):
    object_history_template = "admin/visits/object_history.html"
    object_history_list_template = "admin/visits/history_list.html"

    def history_visit(self, obj) -> Visit:
        return obj if isinstance(obj, Visit) else obj.visit

    def _require_in_scope(self, request, object_id):
        obj = self.get_queryset(request).filter(pk=unquote(object_id)).first()
        if obj is None:
            raise Http404
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._require_in_scope(request, object_id)
        self._history_colleagues = self._colleague_ids(request, obj)
        extra_context = dict(extra_context or {})
        if isinstance(obj, Visit):
            # The visit's page also lists the changes of its days and sessions.
            edits = programme_history(visit=obj)
            for edit in edits:
                edit.changed_by = self._changed_by(edit.user_id, edit.user)
            extra_context["programme_edits"] = edits
        # Times of a programme are read in the visit's own zone, here as on its pages.
        with timezone.override(self.history_visit(obj).zone):
            return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._require_in_scope(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _colleague_ids(self, request, obj) -> set[int] | None:
        """Users whose names this reader may see; None means every name (a superuser)."""
        if request.user.is_superuser:
            return None
        visit = self.history_visit(obj)
        return set(visit.organiser.members.values_list("pk", flat=True)) | {request.user.pk}

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        super().set_history_delta_changes(request, historical_records, **kwargs)
        for record in historical_records:
            record.changed_by = self._changed_by(record.history_user_id, record.history_user)

    def _changed_by(self, user_id, user) -> str:
        colleagues = getattr(self, "_history_colleagues", None)
        if user_id is None:
            return _("the system (import, command or task)")
        if colleagues is None or user_id in colleagues:
            return user.get_full_name() or user.get_username()
        return _("someone outside the visit's organising association")
