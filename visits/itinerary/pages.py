"""The programme part of the itinerary and of the public page, built once per state of
the programme and kept in the cache.

Rendering a week of sessions is the expensive part of these pages, and it is the same for
every reader of one language and one set of groups until the programme changes or the
clock moves a session into the past. So the part is cached under a key made of:

- the programme's frame (its ``digest``): every row of the visit's small tables (days,
  phases, groups, contacts, resources) and the fingerprint of the sessions and of what
  they show (counts, sums of ids and latest changes of sessions, venues, hosts, speakers
  and their links), read in the one query every request makes anyway, so that any edit,
  through any page or import, changes the key (``visits.selectors.programme_frame``);
  sessions, venues, organisations and people are seen changed through their
  ``updated_at``, which every writer stamps (the calendar's SEQUENCE relies on it too);
- the reader's language and, on the itinerary, their groups;
- the state of the clock: today, the sessions running and next, how many are over.

Links inside the part are relative to the page (``resources/<id>/``), so one part serves
every participant of the same groups; nothing personal is in it.

The page around the part is kept the same way, as a ``PageShell`` with slots where each
reader's own lines go, filled and escaped per request; the itinerary keeps its shell
under the part's key and the visit's values (``visits.itinerary.views._itinerary_shell``).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import io
import operator
import pickle
import re
import secrets
import struct
import zlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from visits.itinerary.display import (
    ContactView,
    Reader,
    programme_display,
    resource_view,
)
from visits.models import Session, Visit
from visits.selectors import ProgrammeFrame, programme_build

# Parts are found again by their content key; a day is long enough for a visit's day.
PARTS_SECONDS = 24 * 3600
VERSION = 5

# Where a page template leaves room for what is not in it (the programme part, a reader's
# own lines): HTML comments no text can forge, since they are drawn afresh by each process.
_SLOT_MARK = secrets.token_hex(16)
_SLOT = re.compile(f"<!-- slot ([a-z_]+) {_SLOT_MARK} -->")


def slot(name: str) -> SafeString:
    """Where a page shell (``PageShell``) takes the value named ``name``."""
    return mark_safe(f"<!-- slot {name} {_SLOT_MARK} -->")


PROGRAMME_SLOT = slot("programme")


@dataclass
class ProgrammeParts:
    # The key the part is kept under: what is built from the part is kept under it too.
    key: str = ""
    status: SafeString = field(default_factory=lambda: mark_safe(""))
    # The programme part as the UTF-8 bytes sent: kept as text, a 300-session part (a third
    # of a megabyte) was decoded from the cache and encoded again for every response.
    programme_utf8: bytes = b""
    # The same bytes compressed once, for the browsers that take gzip: see ``gzip_joined``.
    programme_deflated: bytes = b""
    phase: str = ""
    open_day_anchor: str = ""
    open_day_is_today: bool = False


def page_with_programme(html: str, parts: ProgrammeParts, *, compressed: bool = False) -> bytes:
    """A page rendered with ``PROGRAMME_SLOT`` where its programme goes and no other slot,
    as the bytes sent (``PageShell.page``)."""
    return PageShell.of(html).page({}, parts, compressed=compressed)


@dataclass(frozen=True)
class PageShell:
    """A page rendered once for all the readers it is the same for, with slots (``slot``)
    where each reader's own lines and the programme part go.

    A participant's itinerary is mostly what every participant of the same groups reads:
    the visit, the nav, the contacts, the practical information, the booklets offered.
    Rendering that for each request was most of the page's time; a shell kept under what it
    shows leaves a request only the reader's name, addresses and panels to render. Its
    pieces alternate text and slot names: text, name, text, ..., text."""

    pieces: tuple[str, ...]

    @classmethod
    def of(cls, html: str) -> PageShell:
        pieces = tuple(_SLOT.split(html))
        printed = pieces[1::2].count("programme")
        if printed != 1:
            raise ImproperlyConfigured(
                "A page template must print the programme slot exactly once, where the "
                f"programme goes; this one printed it {printed} times."
            )
        return cls(pieces)

    def page(self, values: dict[str, str], parts: ProgrammeParts, *, compressed: bool) -> bytes:
        """The page as the bytes sent, each slot filled with its value from ``values``
        (escaped unless marked safe, as a template would) and the programme part joined in
        as it came from the cache; gzip-compressed if asked."""
        head: list[str] = []
        tail: list[str] = []
        into = head
        for index, piece in enumerate(self.pieces):
            if not index % 2:
                into.append(piece)
            elif piece == "programme":
                into = tail
            else:
                into.append(conditional_escape(values[piece]))
        head_utf8, tail_utf8 = "".join(head).encode(), "".join(tail).encode()
        if compressed:
            return gzip_joined(head_utf8, parts, tail_utf8)
        return b"".join((head_utf8, parts.programme_utf8, tail_utf8))


@functools.cache
def _stored_values(model) -> operator.itemgetter:
    return operator.itemgetter(*(field.attname for field in model._meta.concrete_fields))


def row_values(instance) -> str:
    """A digest of every stored value of a row, for a key that must move with any of them:
    the values as loaded (a translated field's descriptor would look up fallbacks),
    pickled (a visit's texts in three languages are kilobytes to repr)."""
    try:
        values = _stored_values(type(instance))(instance.__dict__)
    except KeyError:  # a deferred field: loaded now
        values = tuple(getattr(instance, field.attname) for field in instance._meta.concrete_fields)
    return hashlib.sha256(_pickled_by_value(values)).hexdigest()


def _pickled_by_value(values: tuple) -> bytes:
    """``values`` pickled without the pickler's memo ("fast" mode), so that equal values
    give equal bytes: with it, a text that is one object in two fields (an untranslated
    title copied to a second language) is written once and referred to, and the same
    texts loaded as two objects give other bytes, a new key and a needless rebuild.
    The values are a row's, flat, never referring to themselves, as fast mode needs."""
    written = io.BytesIO()
    pickler = pickle.Pickler(written, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(values)
    return written.getvalue()


def page_shell(key: tuple, build) -> PageShell:
    """The shell kept under ``key``, or built by ``build()`` (the page's HTML with its
    slots) and kept. ``key`` must hold everything the shell shows."""
    return cache.get_or_set(
        _key("shell", VERSION, *key), lambda: PageShell.of(build()), PARTS_SECONDS
    )


# A gzip member without a file name or time (RFC 1952), as gzip.compress(mtime=0) writes it.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def deflated(data: bytes, *, last: bool) -> bytes:
    """``data`` as raw deflate blocks of their own: flushed to a byte boundary and, unless
    ``last``, without the final block, so that pieces compressed apart join into one
    stream (a block refers back only to data of its own piece)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH
    )


def gzip_joined(head: bytes, parts: ProgrammeParts, tail: bytes) -> bytes:
    """The page gzip-compressed, its programme part compressed once when it was kept.

    Participants open the page on a phone's slow connection abroad, where a 300-session
    itinerary is a third of a megabyte as text and a twentieth of it compressed; compressing
    the whole page on every request would cost more than making it. Only the page around
    the part (a few kilobytes) is compressed per request; the checksum still reads the part
    (zlib's crc32, a tenth of a millisecond at that size). The personal parts of the page
    are compressed apart from the shared part, and no text a reader sends is in them."""
    body = parts.programme_utf8
    checksum = zlib.crc32(tail, zlib.crc32(body, zlib.crc32(head)))
    size = len(head) + len(body) + len(tail)
    return b"".join(
        (
            _GZIP_HEADER,
            deflated(head, last=False),
            parts.programme_deflated,
            deflated(tail, last=True),
            struct.pack("<II", checksum, size & 0xFFFFFFFF),
        )
    )


def timeline_of(sessions: list[Session]) -> list[tuple[int, float, float, bool]]:
    """What clock_state needs of each session: its id, start and end as POSIX timestamps and
    whether its time is still to be confirmed. Plain numbers, because the timeline is read
    back from the cache on every request, and 300 aware datetimes took most of that."""
    unconfirmed = Session.TimePrecision.TO_BE_CONFIRMED
    return [
        (s.pk, s.starts_at.timestamp(), s.ends_at.timestamp(), s.time_precision == unconfirmed)
        for s in sessions
    ]


def clock_state(*, visit: Visit, timeline: list[tuple], now: datetime.datetime) -> tuple:
    """What of the programme's look depends on the time: the same rules as programme_build
    (today, the visit's phase, sessions running and next, how many are over)."""
    today = now.astimezone(visit.zone).date()
    running = visit.start_date <= today <= visit.end_date
    moment = now.timestamp()
    current, upcoming, over = [], [], 0
    for pk, starts_at, ends_at, unconfirmed in timeline:
        if ends_at <= moment:
            over += 1
        if running and not unconfirmed:
            if starts_at <= moment < ends_at:
                current.append(pk)
            elif starts_at > moment:
                upcoming.append((starts_at, pk))
    upcoming.sort()
    following = [pk for at, pk in upcoming if at == upcoming[0][0]] if upcoming else []
    return (today.isoformat(), running, tuple(current), tuple(following), over)


def _key(*parts) -> str:
    return "programme-part:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def programme_parts(
    *,
    visit: Visit,
    frame: ProgrammeFrame,
    now: datetime.datetime,
    language: str,
    context: dict,
    participant_id: int | None = None,
    changed_session_ids: frozenset[int] = frozenset(),
) -> ProgrammeParts:
    """The status and programme parts in ``language`` (call under that language), from the
    cache when the programme and the clock are where they were, else built and kept."""
    groups = tuple(sorted(frame.participant_group_ids)) if participant_id is not None else None
    # The sessions marked changed for this reader: most readers have none, and share a part.
    changed = tuple(sorted(changed_session_ids))
    # Hashed once: the key of the timeline and of the parts.
    base = (_key(VERSION, visit.pk, frame.digest, language, groups, changed),)
    timeline_key = _key("timeline", *base)
    timeline = cache.get(timeline_key)
    parts = None
    if timeline is not None:
        state = clock_state(visit=visit, timeline=timeline, now=now)
        parts = cache.get(_key("parts", state, *base))
    if parts is None:
        programme = programme_build(
            visit=visit, now=now, participant_id=participant_id, frame=frame
        )
        timeline = timeline_of(programme.sessions)
        state = clock_state(visit=visit, timeline=timeline, now=now)
        view = programme_display(programme=programme, language=language, page_path="")
        rendered = {
            **context,
            "programme": programme,
            "view": view,
            "visit": visit,
            "changed_session_ids": changed_session_ids,
        }
        open_day = view.open_day if view.folds_past else None
        programme_utf8 = render_to_string("itinerary/_programme.html", rendered).encode()
        parts = ProgrammeParts(
            status=(
                mark_safe(render_to_string("itinerary/_status.html", rendered))
                if participant_id is not None
                else mark_safe("")
            ),
            programme_utf8=programme_utf8,
            programme_deflated=deflated(programme_utf8, last=False),
            phase=programme.phase,
            open_day_anchor=open_day.anchor if open_day else "",
            open_day_is_today=bool(open_day and open_day.is_today),
        )
        parts.key = _key("parts", state, *base)
        cache.set_many({timeline_key: timeline, parts.key: parts}, PARTS_SECONDS)
    return parts


def visit_references(*, frame: ProgrammeFrame, language: str, page_path: str = "") -> dict:
    """The visit's emergency contacts and its reading not tied to a session, as a page in
    ``language`` shows them (call under that language): for the page around the programme
    part, built with it. Files are linked relative to the page unless ``page_path``."""
    reader = Reader(language)
    return {
        "contacts": [
            ContactView(
                name=contact.name,
                role=reader.html(contact, "role"),
                phone=contact.phone,
                email=contact.email,
            )
            for contact in frame.contacts
        ],
        "resources": [
            resource_view(resource, page_path=page_path, reader=reader)
            for resource in frame.resources
            if resource.session_id is None
        ],
    }
