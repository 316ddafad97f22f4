"""What the visit's admin pages share: organiser scoping and times in the visit's zone."""

from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import formats, timezone

from organisations.selectors import organisations_for_organiser
from visits.models import Visit
from visits.permissions import visit_scope


def visit_choice_label(visit: Visit) -> str:
    """A visit in a menu with its dates: two editions of a programme share a title."""
    start = formats.date_format(visit.start_date, "SHORT_DATE_FORMAT")
    end = formats.date_format(visit.end_date, "SHORT_DATE_FORMAT")
    return f"{visit} ({start} – {end})"


class MinuteSplitDateTime(AdminSplitDateTime):
    """A date and a time of hours and minutes: programmes are never timed to the second."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[1].format = "%H:%M"


class VisitScopedAdminMixin:
    """Shows and offers only rows of visits the user organises.

    ``visit_path`` is the lookup from the model to its visit. Objects outside the scope are
    absent from the queryset, so the admin answers them as it answers a missing object.
    """

    visit_path = "visit"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        return queryset.filter(visit_scope(user=request.user, path=self.visit_path)).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Visit:
            kwargs["queryset"] = Visit.objects.filter(visit_scope(user=request.user))
            field = super().formfield_for_foreignkey(db_field, request, **kwargs)
            field.label_from_instance = visit_choice_label
            return field
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def visit_being_edited(self, request: HttpRequest, obj=None) -> Visit | None:
        """The visit of the row on the page: its own, or the one an add page was opened for
        (``?visit=`` in the address, or the form as posted)."""
        if obj is not None and getattr(obj, "visit_id", None):
            return obj.visit
        visit_id = request.POST.get("visit") or request.GET.get("visit")
        if visit_id and str(visit_id).isdigit():
            return Visit.objects.filter(visit_scope(user=request.user), pk=visit_id).first()
        return None


class VisitTimeZoneMixin:
    """Times are typed and shown in the visit's own zone, not the server's or the browser's.

    ``visit_of(obj)`` names the visit of an existing row; on an add page the visit comes
    from the form (``visit`` field) or the query string.
    """

    formfield_overrides = {models.DateTimeField: {"widget": MinuteSplitDateTime}}

    def visit_of(self, obj) -> Visit | None:
        return getattr(obj, "visit", None)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        visit = None
        if object_id:
            obj = self.get_object(request, unquote(object_id))
            visit = self.visit_of(obj) if obj is not None else None
        else:
            visit_id = request.POST.get("visit") or request.GET.get("visit")
            if visit_id and str(visit_id).isdigit():
                visit = Visit.objects.filter(visit_scope(user=request.user), pk=visit_id).first()
        if visit is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        with timezone.override(visit.zone):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            # A TemplateResponse renders lazily, after this block; the form must show the
            # times in the visit's zone too, so render it here.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response


class OrganiserChoicesMixin:
    """An organiser may give a visit only to an organisation they belong to."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organiser":
            kwargs["queryset"] = organisations_for_organiser(user=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
