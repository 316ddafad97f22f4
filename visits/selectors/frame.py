"""The programme's frame: every row a programme page keys its cache on, in one query.

The rows come as JSON text, sorted and hashed (``ProgrammeFrame.digest``), and are decoded
only when a page's part is built from them."""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Max, OuterRef, QuerySet, Subquery, Sum, TextField, Value
from django.db.models.functions import Cast, JSONObject

from organisations.compiled import CompiledQuery
from organisations.languages import language_codes
from participants.models import Group
from visits.models import Day, EmergencyContact, Phase, Resource, Session, Visit


@dataclass
class FrameRow:
    """A row of a visit's small tables (days, phases, groups, contacts) read as plain values:
    ``id``, dates and each translated column by language (``heading_ru``, ``title_fr``…)."""

    kind: str
    values: dict

    def __getattr__(self, name: str):
        try:
            return self.__dict__["values"][name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def pk(self):
        return self.values["id"]

    def covers(self, date: datetime.date) -> bool:
        return self.values["start_date"] <= date <= self.values["end_date"]


class ProgrammeFrame:
    """Everything around a programme's sessions, read in one query as (kind, JSON text) rows.

    A page whose parts are kept needs of it only ``digest`` (which says whether what was
    built earlier still shows the programme as it stands) and the reader's groups; the
    rows are decoded the first time a page is built from them, not on every request."""

    def __init__(self, rows: list[tuple[str, str]]):
        # Sorted as text: the UNION gives its rows in no promised order.
        self.raw_rows = sorted(rows)
        self.digest = hashlib.sha256(
            "\n".join(f"{kind} {data}" for kind, data in self.raw_rows).encode()
        ).hexdigest()
        self.participant_group_ids = {
            json.loads(data)["id"] for kind, data in self.raw_rows if kind == "mine"
        }

    @functools.cached_property
    def _decoded(self) -> dict:
        found: dict = {"day": [], "phase": [], "group": {}, "contact": [], "resource": []}
        phase_groups: dict[int, list[int]] = {}
        for kind, data in self.raw_rows:
            # The fingerprint (what the sessions show, last changed) counts in the digest
            # only; the reader's groups are read at once.
            if kind in ("fingerprint", "mine"):
                continue
            values = json.loads(data)
            if kind == "day":
                values["date"] = _as_date(values["date"])
                found["day"].append(FrameRow(kind, values))
            elif kind == "phase":
                values["start_date"] = _as_date(values["start_date"])
                values["end_date"] = _as_date(values["end_date"])
                found["phase"].append(FrameRow(kind, values))
            elif kind == "phase_group":
                phase_groups.setdefault(values["id"], []).append(values["group"])
            elif kind == "group":
                found["group"][values["id"]] = FrameRow(kind, values)
            else:
                found[kind].append(FrameRow(kind, values))
        found["phase"].sort(key=lambda p: (p.start_date, p.position, p.pk))
        found["contact"].sort(key=lambda c: (c.position, c.pk))
        found["day"].sort(key=lambda d: d.date)
        found["resource"].sort(key=lambda r: (r.position, r.pk))
        groups = found["group"]
        for phase in found["phase"]:
            phase.values["group_ids"] = sorted(
                phase_groups.get(phase.pk, []), key=lambda pk: _group_name_key(groups, pk)
            )
            phase.values["groups"] = [groups[pk] for pk in phase.values["group_ids"]]
        return found

    days = property(lambda self: self._decoded["day"])
    phases = property(lambda self: self._decoded["phase"])
    groups = property(lambda self: self._decoded["group"])
    contacts = property(lambda self: self._decoded["contact"])
    resources = property(lambda self: self._decoded["resource"])


def _translated_columns(model, *names: str) -> dict:
    return {f"{name}_{code}": F(f"{name}_{code}") for name in names for code in language_codes()}


def _frame_part(queryset: QuerySet, kind: str, **columns) -> QuerySet:
    # modeltranslation's rewriting is not needed: every column is named with its language.
    queryset = queryset.rewrite(False) if hasattr(queryset, "rewrite") else queryset
    # As text on every database (PostgreSQL's driver would decode JSON for each request):
    # the frame decodes it only when a page is built from it.
    return queryset.order_by().values(
        frame_part=Value(kind), frame_data=Cast(JSONObject(**columns), TextField())
    )


def _aggregates(queryset: QuerySet, **expressions) -> Subquery:
    """Aggregates of a table's rows that belong to the visit, as one scalar subquery (one
    pass over the rows, whatever the number of figures)."""
    return Subquery(
        queryset.order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(figures=JSONObject(**expressions))
        .values("figures")[:1]
    )


def _fingerprint_columns() -> dict:
    """Counts, sums of ids and latest changes of the sessions and everything they show
    that lives outside the visit's small tables: a row added, removed or edited changes
    one of them (a removed and re-added link gets a new, larger id)."""
    sessions = Session.objects.filter(visit=OuterRef("pk"))
    columns: dict = {
        "visit": F("updated_at"),
        "sessions": _aggregates(
            sessions,
            count=Count("id"),
            ids=Sum("id"),
            changed=Max("updated_at"),
            venue_changed=Max("venue__updated_at"),
        ),
    }
    for name, through, changed in (
        ("hosts", Session.hosts.through, ("organisation__updated_at",)),
        (
            "speakers",
            Session.speakers.through,
            ("person__updated_at", "person__organisation__updated_at"),
        ),
        ("groups", Session.groups.through, ()),
    ):
        links = through.objects.filter(session__visit=OuterRef("pk"))
        columns[name] = _aggregates(
            links,
            count=Count("id"),
            ids=Sum("id"),
            **{f"changed_{index}": Max(path) for index, path in enumerate(changed)},
        )
    return columns


def _as_date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value[:10])


def _frame_query(*, visit: Visit, participant_id: int | None) -> QuerySet:
    parts = [
        _frame_part(
            Day.objects.filter(visit=visit),
            "day",
            id=F("id"),
            date=F("date"),
            **_translated_columns(Day, "heading", "city"),
        ),
        _frame_part(
            Phase.objects.filter(visit=visit),
            "phase",
            id=F("id"),
            start_date=F("start_date"),
            end_date=F("end_date"),
            position=F("position"),
            **_translated_columns(Phase, "title", "description"),
        ),
        _frame_part(
            Phase.groups.through.objects.filter(phase__visit=visit),
            "phase_group",
            id=F("phase_id"),
            group=F("group_id"),
        ),
        _frame_part(
            Group.objects.filter(visit=visit),
            "group",
            id=F("id"),
            **_translated_columns(Group, "name"),
        ),
        _frame_part(
            EmergencyContact.objects.filter(visit=visit),
            "contact",
            id=F("id"),
            name=F("name"),
            phone=F("phone"),
            email=F("email"),
            position=F("position"),
            **_translated_columns(EmergencyContact, "role"),
        ),
    ]
    parts.append(
        _frame_part(
            Resource.objects.filter(visit=visit),
            "resource",
            id=F("id"),
            session_id=F("session_id"),
            url=F("url"),
            file=F("file"),
            language=F("language"),
            position=F("position"),
            **_translated_columns(Resource, "title", "summary"),
        )
    )
    parts.append(
        _frame_part(Visit.objects.filter(pk=visit.pk), "fingerprint", **_fingerprint_columns())
    )
    if participant_id is not None:
        parts.append(
            _frame_part(
                Group.participants.through.objects.filter(participant_id=participant_id),
                "mine",
                id=F("group_id"),
            )
        )
    first, *others = parts
    return first.union(*others, all=True)


# Building and compiling the frame's query costs more than running it: it is compiled once
# per process (organisations.compiled), without a participant and with one.
_frame_query_public = CompiledQuery(
    lambda visit_id: _frame_query(visit=Visit(pk=visit_id), participant_id=None),
    visit_id=-987_654_321,
)
_frame_query_personal = CompiledQuery(
    lambda visit_id, participant_id: _frame_query(
        visit=Visit(pk=visit_id), participant_id=participant_id
    ),
    visit_id=-987_654_321,
    participant_id=-123_456_789,
)


def _frame_rows(*, visit: Visit, participant_id: int | None) -> list[tuple]:
    if participant_id is None:
        return _frame_query_public.tuples(visit_id=visit.pk)
    return _frame_query_personal.tuples(visit_id=visit.pk, participant_id=participant_id)


def programme_frame(*, visit: Visit, participant_id: int | None = None) -> ProgrammeFrame:
    """A visit's days, phases with their groups, groups, emergency contacts, resources and,
    for a participant, their groups: one UNION query of plain rows instead of one query
    each, whatever the size of the programme (no row per session: the fingerprint stands
    for the sessions, and a page built earlier is kept by it)."""
    return ProgrammeFrame(_frame_rows(visit=visit, participant_id=participant_id))


def _group_name_key(groups: dict[int, FrameRow], pk: int):
    group = groups.get(pk)
    return (group.values.get(f"name_{settings.LANGUAGE_CODE}") or "", pk) if group else ("", pk)


def participant_group_ids(*, participant_id: int) -> set[int]:
    return set(Group.objects.filter(participants__id=participant_id).values_list("pk", flat=True))
