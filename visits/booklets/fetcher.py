"""What a booklet may load while it renders: the project's own static files, nothing else.

Templates and organisers' text could point WeasyPrint at ``file:///etc/passwd``, at an
internal address or at a tracker on the internet. Every URL WeasyPrint asks for comes
here first; only ``{BOOKLET_BASE_URL}{STATIC_URL}<path>`` with a path that the
staticfiles finders resolve to a file of an allowed kind is read, from disk. There is no
``file://``, no network and so no redirect to follow.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

# A base URL that names no real host: relative and /static/ links in the templates resolve
# against it, and nothing under it is ever fetched over a network.
BOOKLET_BASE_URL = "https://booklet.invalid/"

ALLOWED_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class RefusedURL(ValueError):
    """WeasyPrint logs this and renders on without the resource."""


@dataclass
class StaticOnlyPolicy:
    """Resolves allowed URLs to files and remembers every URL it was asked for."""

    asked: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def resolve(self, url: str) -> tuple[Path, str]:
        self.asked.append(url)
        try:
            return self._resolve(url)
        except RefusedURL:
            self.refused.append(url)
            raise

    def _resolve(self, url: str) -> tuple[Path, str]:
        base = urlsplit(BOOKLET_BASE_URL)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            raise RefusedURL(f"Booklets load only the portal's static files, not {url!r}.")
        static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        path = unquote(parts.path)
        if not path.startswith(static_prefix):
            raise RefusedURL(f"Not a static file: {url!r}.")
        relative = path[len(static_prefix) :]
        normalised = posixpath.normpath(relative)
        if (
            not relative
            or normalised != relative
            or normalised.startswith(("../", "/"))
            or "\\" in relative
            or "\x00" in relative
        ):
            raise RefusedURL(f"Not a plain static path: {url!r}.")
        suffix = posixpath.splitext(normalised)[1].lower()
        if suffix not in ALLOWED_TYPES:
            raise RefusedURL(f"Booklets do not load {suffix or 'extension-less'} files: {url!r}.")
        found = finders.find(normalised) or _collected(normalised)
        if not found:
            raise RefusedURL(f"No such static file: {url!r}.")
        return Path(found), ALLOWED_TYPES.get(suffix) or mimetypes.guess_type(found)[0] or ""


def _collected(path: str) -> str | None:
    """A collected static file, such as the hashed ``booklet.96621d0ba411.css`` that the
    production storage names in ``{% static %}``; the finders know only the sources."""
    try:
        if staticfiles_storage.exists(path):
            return staticfiles_storage.path(path)
    except NotImplementedError:  # a storage without local files (S3): only the finders
        return None
    return None


_STATIC_REFERENCE = re.compile(
    r"""(?P<quote>["'(])(?P<url>(?:https://booklet\.invalid)?/static/[^"')\s]+)"""
)


def standalone_html(html: str) -> str:
    """The same print HTML with every static file named by its ``file:`` address.

    For measuring and debugging: WeasyPrint alone (no fetcher, no Django) then renders the
    very pages the portal renders (``render_booklet --html``). Never served to anyone.
    """
    policy = StaticOnlyPolicy()

    def local(match: re.Match) -> str:
        url = match["url"]
        absolute = url if url.startswith("https://") else BOOKLET_BASE_URL.rstrip("/") + url
        path, _mime = policy.resolve(absolute)
        return match["quote"] + path.resolve().as_uri()

    return _STATIC_REFERENCE.sub(local, html)
