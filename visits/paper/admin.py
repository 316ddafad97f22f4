"""The visit's paper in the admin: one link per kind and language on the visit page.

Wire it into VisitAdmin (visits/admin/visit.py): ``VisitPaperAdminMixin`` among the mixins,
``"paper_panel"`` in ``readonly_fields`` and in a fieldset.
"""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from visits.paper.registry import paper_kinds
from visits.paper.services import (
    PaperRequestError,
    paper_cached,
    paper_filename,
    paper_request_parse,
)


class VisitPaperAdminMixin:
    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/paper/<str:kind>/<str:language>/",
                self.admin_site.admin_view(self.paper_view),
                name="visits_visit_paper",
            )
        ]
        return urls + super().get_urls()

    def paper_view(self, request: HttpRequest, object_id: str, kind: str, language: str):
        from visits.paper.tasks import render_paper

        visit = self.get_object(request, object_id)
        if visit is None:
            raise Http404
        if not self.has_view_permission(request, visit):
            raise PermissionDenied
        try:
            paper = paper_request_parse(visit=visit, kind=kind, language=language)
        except PaperRequestError:
            raise Http404 from None
        stored = paper_cached(paper)
        if stored is None:
            # Eagerly (the embedded default) the task renders here; with workers, one of
            # them does and this page asks again.
            render_paper.delay(visit_id=visit.pk, kind=kind, language=language)
            stored = paper_cached(paper)
        if stored is None:
            response = HttpResponse(
                format_html(
                    '<!DOCTYPE html><meta http-equiv="refresh" content="3"><title>{}</title>'
                    "<p>{}</p>",
                    paper.kind.label,
                    _("The paper is being made; this page reloads until it is ready."),
                )
            )
            response.headers["Cache-Control"] = "no-cache"
            return response
        return FileResponse(
            default_storage.open(stored, "rb"),
            content_type="application/pdf",
            filename=paper_filename(paper),
            as_attachment=False,
        )

    @admin.display(description=gettext_lazy("paper for the visit"))
    def paper_panel(self, visit) -> str:
        if visit is None or visit.pk is None:
            return _("Save the visit first.")
        rows = []
        for kind in paper_kinds().values():
            links = format_html_join(
                " · ",
                '<a href="{}" target="_blank" rel="noopener">{}</a>',
                (
                    (reverse("admin:visits_visit_paper", args=[visit.pk, kind.slug, code]), code)
                    for code in _languages(visit)
                ),
            )
            rows.append((kind.label, links))
        return format_html(
            '<table id="visit-paper"><tbody>{}</tbody></table>',
            format_html_join("", '<tr><th scope="row">{}</th><td>{}</td></tr>', rows),
        )


def _languages(visit) -> list[str]:
    from organisations.languages import language_codes

    codes = list(visit.languages)
    return codes + [code for code in language_codes() if code not in codes]
