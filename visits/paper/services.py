"""Render a kind of paper to PDF through the booklets' machinery, and keep the file.

The file is kept under a name made of the programme version and a hash of the printed
HTML and the print CSS: asked again with nothing changed, the same file is handed over
without rendering; a change of the programme, the delegation or the layout makes a new one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from organisations.languages import language_codes
from visits.booklets.rendering import html_to_pdf
from visits.changes.models import ProgrammeVersion
from visits.models import Visit
from visits.paper.registry import PaperKind, paper_kind

PAPER_CSS = "paper/paper.css"


class PaperRequestError(ValueError):
    """An unknown kind of paper or language."""


@dataclass
class PaperRequest:
    visit: Visit
    kind: PaperKind
    language: str


def paper_request_parse(*, visit: Visit, kind: str, language: str) -> PaperRequest:
    found = paper_kind(kind)
    if found is None:
        raise PaperRequestError(f"Unknown kind of paper: {kind!r}.")
    if language not in language_codes():
        raise PaperRequestError(f"Unknown language: {language!r}.")
    return PaperRequest(visit=visit, kind=found, language=language)


def _version_number(visit: Visit) -> int:
    latest = ProgrammeVersion.objects.filter(visit=visit).order_by("-number").first()
    return latest.number if latest else 0


def paper_html(request: PaperRequest) -> str:
    visit, language = request.visit, request.language
    with translation.override(language), timezone.override(visit.zone):
        context = request.kind.reader(visit=visit, language=language)
        return render_to_string(
            request.kind.template,
            {
                "visit": visit,
                "language": language,
                "kind": request.kind,
                "version_number": _version_number(visit),
                **context,
            },
        )


def paper_path(request: PaperRequest, html: str) -> str:
    digest = hashlib.sha256(html.encode())
    css = finders.find(PAPER_CSS)
    if css:
        with open(css, "rb") as stylesheet:
            digest.update(stylesheet.read())
    number = _version_number(request.visit)
    return (
        f"paper/{request.visit.pk}/{request.visit.slug}-{request.kind.slug}-"
        f"{request.language}-v{number}-{digest.hexdigest()[:12]}.pdf"
    )


def paper_cached(request: PaperRequest) -> str | None:
    """The stored file of today's content, if it was rendered already."""
    path = paper_path(request, paper_html(request))
    return path if default_storage.exists(path) else None


def paper_render(request: PaperRequest) -> str:
    """Render (or find) the file of today's content; returns its storage path."""
    html = paper_html(request)
    path = paper_path(request, html)
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(html_to_pdf(html)))
    return path


def paper_pdf(request: PaperRequest) -> bytes:
    with default_storage.open(paper_render(request), "rb") as stored:
        return stored.read()


def paper_filename(request: PaperRequest) -> str:
    return f"{request.visit.slug}-{request.kind.slug}-{request.language}.pdf"
