"""The content version of a booklet: a hash of everything it prints.

Why a hash of the printed content rather than ``max(updated_at)`` plus counts:

- Days, resources, emergency contacts, groups and the visit's partner roles have no
  ``updated_at``; a changed day heading or phone number would go unseen.
- Many-to-many changes (a session's hosts, speakers or groups) touch no ``updated_at``.
- A deletion followed by an addition keeps every count; deleting the newest row makes
  ``max(updated_at)`` go *back* to an older value and could serve an older file again.
- Shared records (an organisation's description, a venue's address) change for every visit
  that uses them, and a personal booklet depends on the participant's groups and link.
- What a booklet prints also depends on things that are not rows at all: the labels'
  translations, SITE_URL in the QR code, the templates, the print CSS and the fonts.

Hashing the very ``BookletContent`` the template receives covers all of that by
construction, and a change that the booklet does not print (private notes, an organiser's
e-mail) leaves the version alone, so no needless render. The cost is the dozen queries of
reading the programme on each request, which the download view pays anyway to answer.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # the selectors find the stored booklet by the revision, which uses this
    from visits.booklets.selectors import BookletContent

# Bump to invalidate every stored booklet when rendering changes in Python code.
LAYOUT_REVISION = "1"

LAYOUT_FOLDERS = ("templates/booklet", "static/booklet", "static/fonts")


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {
            item.name: _plain(getattr(value, item.name))
            for item in dataclasses.fields(value)
            if item.metadata.get("hash", True)
        }
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


@functools.cache
def layout_fingerprint() -> str:
    """A hash of the templates, print CSS and fonts: a new layout is a new version."""
    digest = hashlib.sha256(LAYOUT_REVISION.encode())
    base = Path(settings.BASE_DIR)
    for folder in LAYOUT_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            # The download page (status.*) is not printed: it does not make a new version.
            if path.is_file() and not path.name.startswith("status."):
                digest.update(str(path.relative_to(base)).encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def content_version(content: BookletContent) -> str:
    payload = {
        "content": _plain(content),
        # Labels are the same for every item, so they are hashed once here.
        "labels": [dict(labels) for labels in content.labels],
        "site": settings.SITE_URL,
        "layout": layout_fingerprint(),
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()
