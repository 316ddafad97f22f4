"""The kinds of paper a visit can print, each registered with one line.

A kind names its template and the function that reads what it prints::

    paper_kind_register(
        PaperKind("rooming-list", _("Rooming list"), "paper/rooming_list.html", rooming_list)
    )

``reader(visit=..., language=...)`` returns the template's context. The built-in kinds and
those of other parts of the portal are registered in ``visits.paper.kinds``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

Reader = Callable[..., dict]


@dataclass(frozen=True)
class PaperKind:
    slug: str
    label: str
    template: str
    reader: Reader


_kinds: dict[str, PaperKind] = {}


def paper_kind_register(kind: PaperKind) -> PaperKind:
    _kinds[kind.slug] = kind
    return kind


def paper_kinds() -> dict[str, PaperKind]:
    """Every registered kind, in the order registered."""
    import_module("visits.paper.kinds")
    return dict(_kinds)


def paper_kind(slug: str) -> PaperKind | None:
    return paper_kinds().get(slug)
