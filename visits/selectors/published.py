"""Reads of a published visit: its state for the public page and the language to show."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max

from organisations.compiled import CompiledQuery
from organisations.languages import language_codes
from visits.models import Visit


def language_or_default(*, requested: str | None, default: str) -> str:
    """The requested language if the portal offers it, else the default."""
    codes = language_codes()
    if requested in codes:
        return requested
    return default if default in codes else settings.LANGUAGE_CODE


def published_visit_by_slug(*, slug: str) -> Visit | None:
    """A visit the public may read; drafts and archived visits are not public."""
    return (
        Visit.objects.filter(slug=slug, status=Visit.Status.PUBLISHED)
        .select_related("organiser")
        .first()
    )


@dataclass(frozen=True)
class PublishedVisitState:
    """What says whether a published visit's page is still the one kept: no translated
    columns, so the row is cheap to read on every request."""

    pk: int
    first_language: str
    programme_revision: int
    latest_version: int | None


# Read on every request for a public page: compiled once per process.
_published_state = CompiledQuery(
    lambda slug: (
        Visit.objects.filter(slug=slug, status=Visit.Status.PUBLISHED)
        # Grouped by these columns only (values before annotate), not the whole wide row.
        .values("id", "first_language", "programme_revision")
        .annotate(latest_version=Max("programme_versions__number"))
        .order_by()[:1]
    ),
    slug="stand-in slug: no real slug has spaces",
)


def published_visit_state(*, slug: str) -> PublishedVisitState | None:
    for row in _published_state.dicts(slug=slug):
        return PublishedVisitState(
            pk=row["id"],
            first_language=row["first_language"],
            programme_revision=row["programme_revision"],
            latest_version=row["latest_version"],
        )
    return None
