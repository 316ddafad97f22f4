"""Booklets on the visit's admin page: render every mode, download it, see when it was made
and why a render failed.

Wire it into VisitAdmin (visits/admin.py):

    from visits.booklets.admin import BookletInline, VisitBookletsAdminMixin

    class VisitAdmin(VisitBookletsAdminMixin, VisitTimeZoneMixin, ...):
        readonly_fields = (..., "booklets_panel")
        fieldsets = (..., (_("Booklets"), {"fields": ("booklets_panel",)}))
        inlines = (..., BookletInline)

The panel's buttons sit inside the visit's change form and post it to our own URLs
(``formaction``), so they carry the form's CSRF token without a nested form.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import FileResponse, Http404, HttpRequest, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from organisations.languages import language_codes
from participants.models import Participant
from visits.booklets.models import Booklet
from visits.booklets.revision import programme_key
from visits.booklets.selectors import booklet_content, booklet_modes
from visits.booklets.services import (
    BookletRequestError,
    booklet_mode_parse,
    booklet_request,
    booklet_retry,
    booklets_keyed_anew,
)
from visits.booklets.version import content_version
from visits.booklets.views import booklet_filename
from visits.models import Visit

# A running visit makes a booklet a participant, mode and programme version: the page
# lists the newest, not hundreds of rows that would each cost it time.
BOOKLETS_LISTED = 30


class NewestBookletsFormSet(BaseInlineFormSet):
    def get_queryset(self):
        # Kept once sliced: the formset asks for its queryset again for every form.
        if not hasattr(self, "_newest"):
            self._newest = super().get_queryset()[:BOOKLETS_LISTED]
        return self._newest


class BookletInline(admin.TabularInline):
    """The newest booklets made for the visit, newest first: the history of printouts."""

    model = Booklet
    formset = NewestBookletsFormSet
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = format_lazy(_("booklets made: the newest {count}"), count=BOOKLETS_LISTED)
    fields = ("languages", "paper", "participant", "version", "status", "made", "error")
    readonly_fields = fields
    ordering = ("-created_at", "-id")

    def get_queryset(self, request):
        # Each row prints its participant and its time in the visit's zone.
        return super().get_queryset(request).select_related("visit", "participant")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("programme version"))
    def version(self, booklet: Booklet) -> str:
        return booklet.short_version

    @admin.display(description=_("made"))
    def made(self, booklet: Booklet) -> str:
        return _local(booklet.rendered_at, booklet) or "—"


def _local(moment, booklet: Booklet) -> str:
    if moment is None:
        return ""
    return f"{moment.astimezone(booklet.visit.zone):%Y-%m-%d %H:%M}"


class VisitBookletsAdminMixin:
    """Adds the booklet panel and its two views (render, download) to the visit admin."""

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/booklets/render/",
                self.admin_site.admin_view(self.booklet_render_view),
                name="visits_visit_booklet_render",
            ),
            path(
                "<path:object_id>/booklets/<int:booklet_id>/download/",
                self.admin_site.admin_view(self.booklet_download_view),
                name="visits_visit_booklet_download",
            ),
        ]
        return urls + super().get_urls()

    # -- views ----------------------------------------------------------------------------

    def _visit_or_404(self, request: HttpRequest, object_id: str):
        # get_object goes through get_queryset: another organisation's visit is missing.
        visit = self.get_object(request, object_id)
        if visit is None:
            raise Http404
        return visit

    def booklet_render_view(self, request: HttpRequest, object_id: str):
        return require_POST(self._booklet_render)(request, object_id)

    def _booklet_render(self, request: HttpRequest, object_id: str):
        visit = self._visit_or_404(request, object_id)
        if not self.has_change_permission(request, visit):
            raise PermissionDenied
        change_url = reverse("admin:visits_visit_change", args=[visit.pk]) + "#booklets"
        personal = request.GET.get("personal") == "1"
        languages = request.POST.get("booklet_languages") if personal else None
        paper = request.POST.get("booklet_paper") if personal else None
        try:
            mode = booklet_mode_parse(
                languages=languages or request.GET.get("languages", ""),
                paper=paper or request.GET.get("paper", ""),
                audience=request.GET.get("audience") or Booklet.Audience.PUBLIC,
            )
        except BookletRequestError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(change_url)
        participant = None
        if personal:
            chosen = request.POST.get("booklet_participant", "")
            participant = (
                Participant.objects.filter(visit=visit, pk=chosen).first()
                if chosen.isdigit()
                else None
            )
            if participant is None:
                messages.error(request, _("Choose a participant of this visit."))
                return HttpResponseRedirect(change_url)
        booklet = booklet_request(visit=visit, mode=mode, participant=participant)
        if booklet.status == Booklet.Status.FAILED:
            booklet = booklet_retry(booklet=booklet)
        booklet.refresh_from_db()
        if booklet.is_ready:
            messages.success(
                request, _("Booklet %(name)s is ready.") % {"name": booklet_filename(booklet)}
            )
        elif booklet.status == Booklet.Status.FAILED:
            messages.error(request, _("The booklet failed: %(error)s") % {"error": booklet.error})
        else:
            messages.info(request, _("The booklet is being made; reload this page in a moment."))
        return HttpResponseRedirect(change_url)

    def booklet_download_view(self, request: HttpRequest, object_id: str, booklet_id: int):
        visit = self._visit_or_404(request, object_id)
        if not self.has_view_permission(request, visit):
            raise PermissionDenied
        booklet = Booklet.objects.filter(visit=visit, pk=booklet_id).first()
        if booklet is None or not booklet.is_ready:
            raise Http404
        return FileResponse(
            booklet.file.open("rb"),
            content_type="application/pdf",
            filename=booklet_filename(booklet),
            as_attachment=True,
        )

    # -- the panel ------------------------------------------------------------------------

    @admin.display(description=_("booklets"))
    def booklets_panel(self, visit) -> str:
        if visit is None or visit.pk is None:
            return _("Save the visit first.")
        # On a form sent back with errors the instance holds what was typed (a misspelt
        # time zone, say); the booklets are those of the saved visit.
        visit = Visit.objects.get(pk=visit.pk)
        render_url = reverse("admin:visits_visit_booklet_render", args=[visit.pk])
        latest: dict[tuple[str, str, str], Booklet] = {}
        # Through the visit's own manager, each booklet knows its visit without a query.
        for booklet in visit.booklets.filter(participant__isnull=True).order_by("created_at", "id"):
            latest[(booklet.languages, booklet.paper, booklet.audience)] = booklet
        # A booklet keyed with today's revision was found current for it (as a download
        # trusts it). Reading a programme to hash it costs about a second per 300 sessions
        # and language: only the modes whose booklet predates the revision are read.
        revision = programme_key(visit)
        current_versions = _current_versions(
            visit,
            revision=revision,
            modes={mode for mode, booklet in latest.items() if booklet.programme_key != revision},
        )
        # Those found the same are keyed anew, as a download keys them: the next look at
        # the page trusts them without reading the programme again.
        booklets_keyed_anew(
            booklets=[
                booklet
                for mode, booklet in latest.items()
                if booklet.programme_key != revision
                and booklet.content_version == current_versions.get(mode)
            ],
            revision=revision,
        )
        rows = []
        for languages, paper in booklet_modes(visit=visit):
            for audience, audience_label in Booklet.Audience.choices:
                booklet = latest.get((languages, paper, audience))
                is_current = booklet is not None and (
                    booklet.programme_key == revision
                    or booklet.content_version == current_versions.get((languages, paper, audience))
                )
                query = {"languages": languages, "paper": paper, "audience": audience}
                rows.append(
                    (
                        f"{languages} {paper.upper()} · {audience_label}",
                        _status_cell(visit, booklet, is_current),
                        render_url + "?" + urlencode(query),
                        _("Render") if not is_current else _("Render again if lost"),
                    )
                )
        table = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td><td><button type="submit" class="button" '
            'formaction="{}" formmethod="post" formnovalidate>{}</button></td></tr>',
            rows,
        )
        participants = format_html_join(
            "",
            '<option value="{}">{}</option>',
            ((p.pk, str(p)) for p in Participant.objects.filter(visit=visit)),
        )
        languages = "+".join(visit.languages)
        language_options = format_html_join(
            "",
            '<option value="{}">{}</option>',
            ((code, code) for code in [languages, *language_codes()]),
        )
        personal = format_html(
            '<p id="booklets-personal">{} <select name="booklet_participant" aria-label="{}">{}'
            '</select> <select name="booklet_languages" aria-label="{}">{}</select> '
            '<select name="booklet_paper" aria-label="{}">'
            '<option value="a5">A5</option><option value="a4">A4</option></select> '
            '<button type="submit" class="button" formaction="{}?personal=1" formmethod="post" '
            "formnovalidate>{}</button></p>",
            _("Personal booklet for"),
            capfirst(_("participant")),
            participants,
            capfirst(_("languages")),
            language_options,
            capfirst(_("paper")),
            render_url,
            _("Render"),
        )
        return format_html(
            '<div id="booklets"><table><thead><tr><th>{}</th><th>{}</th><th></th></tr></thead>'
            "<tbody>{}</tbody></table>{}</div>",
            _("mode"),
            _("latest booklet"),
            table,
            personal,
        )


# A revision's versions are those of its content for good; a day keeps the cache small.
CURRENT_VERSIONS_KEPT = 24 * 3600


def _current_versions(visit, *, revision: str, modes=None) -> dict[tuple[str, str, str], str]:
    """The version today's content would have, per (languages, paper, audience), for every
    mode of the visit or the ``modes`` given.

    Kept in the cache for the revision: a booklet of an older programme stays so until it
    is rendered again, and reading a 300-session programme in every mode took 2.3 s of
    each look at the page (104 queries) until then.
    """
    cache_key = f"booklets:current-versions:{visit.pk}:{revision}"
    versions = cache.get(cache_key, {})
    known = len(versions)
    contents = {}
    for languages, paper in booklet_modes(visit=visit):
        for audience in Booklet.Audience.values:
            if modes is not None and (languages, paper, audience) not in modes:
                continue
            if (languages, paper, audience) in versions:
                continue
            content = contents.get((languages, audience))
            if content is None:
                content = booklet_content(
                    visit=visit,
                    languages=languages.split("+"),
                    paper=paper,
                    delegation=audience == Booklet.Audience.DELEGATION,
                )
                contents[(languages, audience)] = content
            content.paper = paper
            versions[(languages, paper, audience)] = content_version(content)
    if len(versions) > known:
        cache.set(cache_key, versions, timeout=CURRENT_VERSIONS_KEPT)
    return versions


def _status_cell(visit, booklet: Booklet | None, is_current: bool) -> str:
    if booklet is None:
        return _("not made yet")
    status = booklet.get_status_display()
    when = _local(booklet.rendered_at or booklet.created_at, booklet)
    freshness = _("current") if is_current else _("older programme")
    if booklet.status == Booklet.Status.FAILED:
        return format_html(
            '<strong style="color:#ba2121">{}</strong> ({}, {})<br><code>{}</code>',
            status,
            when,
            freshness,
            booklet.error,
        )
    if booklet.is_ready:
        download = reverse("admin:visits_visit_booklet_download", args=[visit.pk, booklet.pk])
        return format_html(
            '<a href="{}">{}</a> · {} {} · {}',
            download,
            booklet_filename(booklet),
            _("made"),
            when,
            freshness,
        )
    if booklet.error:
        # An outage noted on a pending booklet: the sweep tries again by itself.
        return format_html(
            "{} ({} {}, {} {})<br><code>{}</code>",
            status,
            _("since"),
            when,
            _("attempts:"),
            booklet.attempts,
            booklet.error,
        )
    return format_html("{} ({} {})", status, _("since"), when)
