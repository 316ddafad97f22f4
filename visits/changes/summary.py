"""What changed between two programme versions, in words a participant understands.

"Tuesday 14 May: “Meeting at the town hall” moves from 10:00 to 14:30, now takes place at
Hôtel de Ville, 5 rue de Lobau, 75004 Paris." One sentence per session, in the reader's
language, with that language's quotation marks and French spacing.

Changes are compared in one language at a time: a corrected Russian title is news for
readers of Russian, not for those who read the programme in French.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from visits.booklets.labels import choice_label
from visits.booklets.typography import day_label, typeset
from visits.changes.snapshot import itinerary_session_ids
from visits.dates import day_month
from visits.models import TimePrecision
from visits.typography import quoted

# What a participant reads of a session, in the order a sentence tells it.
TOLD_FIELDS = (
    "time_precision",
    "starts_at",
    "ends_at",
    "title",
    "venue",
    "address",
    "meeting_point",
    "hosts",
    "speakers",
    "interpretation",
    "description",
)
TRANSLATED = {
    "title",
    "description",
    "venue",
    "meeting_point",
    "hosts",
    "speakers",
    "interpretation",
}


@dataclass
class SessionChange:
    session_id: str
    kind: str  # "added", "removed" (no longer the participant's), "cancelled", "changed"
    old: dict | None
    new: dict | None
    fields: list[str] = field(default_factory=list)

    @property
    def starts_at(self) -> str:
        return (self.new or self.old)["starts_at"]


def _value(snapshot_session: dict, name: str, language: str):
    value = snapshot_session.get(name)
    if name in TRANSLATED and isinstance(value, dict):
        return value.get(language, "")
    return value


def _told(before: dict, after: dict, name: str) -> bool:
    # Versions published before the time's precision was kept do not know it: comparing
    # them with a newer one would tell everyone of a change nobody made.
    return name != "time_precision" or (name in before and name in after)


def _same_approximate_time(before: dict, after: dict) -> bool:
    """The same "morning" on the same day: the hours it is stored with are read by nobody."""
    return (
        not _is_exact(before)
        and before.get("time_precision") == after.get("time_precision")
        and _moment(before["starts_at"]).date() == _moment(after["starts_at"]).date()
    )


def programme_changes(
    *, old: dict, new: dict, language: str, participant_id: int | None = None
) -> list[SessionChange]:
    """The sessions added, removed or changed for a participant (or the whole programme)."""
    old_ids = itinerary_session_ids(old, participant_id)
    new_ids = itinerary_session_ids(new, participant_id)
    old_sessions = (old or {}).get("sessions", {})
    new_sessions = (new or {}).get("sessions", {})
    changes: list[SessionChange] = []
    for session_id in new_ids:
        if session_id not in old_ids:
            changes.append(SessionChange(session_id, "added", None, new_sessions[session_id]))
            continue
        before, after = old_sessions[session_id], new_sessions[session_id]
        fields = [
            name
            for name in TOLD_FIELDS
            if _told(before, after, name)
            and _value(before, name, language) != _value(after, name, language)
        ]
        if _same_approximate_time(before, after):
            fields = [name for name in fields if name not in ("starts_at", "ends_at")]
        if fields:
            changes.append(SessionChange(session_id, "changed", before, after, fields))
    for session_id in old_ids:
        if session_id not in new_ids:
            kind = "removed" if session_id in new_sessions else "cancelled"
            changes.append(SessionChange(session_id, kind, old_sessions[session_id], None))
    changes.sort(key=lambda change: (change.starts_at, change.session_id))
    return changes


# --- words ----------------------------------------------------------------------------


def _moment(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def _time(value: str) -> str:
    return f"{_moment(value):%H:%M}"


def _is_exact(session: dict) -> bool:
    # A version that did not keep the precision knew exact times only.
    return session.get("time_precision", "exact") == "exact"


def _when(moment: str, session: dict, language: str) -> str:
    """ "15 May, 10:00"; the date alone when the time is approximate."""
    date = day_month(_moment(moment).date(), language)
    return f"{date}, {_time(moment)}" if _is_exact(session) else date


def _part_of_day(session: dict, language: str) -> str:
    """ "morning", "all day", "time to be confirmed": the words the itinerary and the booklet
    show for an approximate time, lower-cased to sit inside a sentence."""
    return choice_label(TimePrecision(session["time_precision"]), language).lower()


def _precision_clause(session: dict) -> str:
    precision = session.get("time_precision", "exact")
    if precision == "exact":
        return _("now takes place from %(start)s to %(end)s") % {
            "start": _time(session["starts_at"]),
            "end": _time(session["ends_at"]),
        }
    return {
        "morning": _("now takes place in the morning"),
        "afternoon": _("now takes place in the afternoon"),
        "evening": _("now takes place in the evening"),
        "all_day": _("now takes the whole day"),
        "to_be_confirmed": _("its time is now to be confirmed"),
    }[precision]


def _day(value: str, language: str) -> str:
    return day_label(_moment(value).date(), language)


def _place(session: dict, language: str) -> str:
    venue = _value(session, "venue", language)
    parts = [part for part in (venue, session.get("address", "")) if part]
    if parts:
        return ", ".join(parts)
    return _value(session, "meeting_point", language)


def _interpretation(session: dict, language: str) -> str:
    from visits.models import Session

    value = _value(session, "interpretation", language)
    if not value:
        return ""
    kind, _sep, note = value.partition("|")
    label = str(Session.Interpretation(kind).label) if kind else ""
    return f"{label} ({note})" if note else label


def _clauses(change: SessionChange, language: str) -> list[str]:
    old, new, fields = change.old, change.new, set(change.fields)
    clauses: list[str] = []
    # An approximate time stores the span it stands for: its hours are no news, its words are.
    hours_told = _is_exact(old) and _is_exact(new)
    if "starts_at" in fields:
        if _moment(old["starts_at"]).date() != _moment(new["starts_at"]).date():
            # A date without its weekday: "на 15 мая", not "на Среда, 15 мая".
            before = _when(old["starts_at"], old, language)
            after = _when(new["starts_at"], new, language)
            clauses.append(_("moves to %(new)s (was %(old)s)") % {"old": before, "new": after})
        elif hours_told:
            before, after = _time(old["starts_at"]), _time(new["starts_at"])
            clauses.append(_("moves from %(old)s to %(new)s") % {"old": before, "new": after})
    elif "ends_at" in fields and hours_told:
        clauses.append(_("now ends at %(time)s") % {"time": _time(new["ends_at"])})
    if "time_precision" in fields:
        clauses.append(_precision_clause(new))
    if fields & {"venue", "address"}:
        clauses.append(_("now takes place at %(place)s") % {"place": _place(new, language)})
    if "meeting_point" in fields and _value(new, "meeting_point", language):
        clauses.append(
            _("meeting point: %(place)s") % {"place": _value(new, "meeting_point", language)}
        )
    if "title" in fields:
        clauses.append(
            _("is now called %(title)s")
            % {"title": quoted(_value(new, "title", language), language)}
        )
    if "hosts" in fields:
        names = _value(new, "hosts", language)
        clauses.append(
            _("hosted by %(names)s") % {"names": ", ".join(names)}
            if names
            else _("no longer has a host")
        )
    if "speakers" in fields:
        names = _value(new, "speakers", language)
        clauses.append(
            _("speakers: %(names)s") % {"names": ", ".join(names)}
            if names
            else _("no speakers any more")
        )
    if "interpretation" in fields:
        label = _interpretation(new, language)
        clauses.append(
            _("interpretation: %(label)s") % {"label": label} if label else _("no interpretation")
        )
    if "description" in fields:
        clauses.append(_("its description has changed"))
    return clauses


def change_sentence(change: SessionChange, language: str) -> str:
    """One sentence about one session's change, in ``language``."""
    with translation.override(language):
        session = change.new or change.old
        title = quoted(_value(session, "title", language), language)
        # An approximate time is stored as a placeholder span (00:00 for "to be confirmed"):
        # its words are told, never those hours.
        exact = _is_exact(session)
        words = {"day": _day(session["starts_at"], language), "title": title}
        if exact:
            start, end = _time(session["starts_at"]), _time(session["ends_at"])
            words.update(start=start, end=end, time=start)
        else:
            words["part_of_day"] = _part_of_day(session, language)
        if change.kind == "added":
            place = _place(session, language)
            words["place"] = f", {place}" if place else ""
            sentence = (
                _("%(day)s: added to the programme: %(title)s, %(start)s–%(end)s%(place)s.")
                if exact
                else _("%(day)s: added to the programme: %(title)s, %(part_of_day)s%(place)s.")
            ) % words
        elif change.kind == "cancelled":
            sentence = (
                _("%(day)s: cancelled: %(title)s at %(time)s.")
                if exact
                else _("%(day)s: cancelled: %(title)s (%(part_of_day)s).")
            ) % words
        elif change.kind == "removed":
            sentence = (
                _("%(day)s: no longer in your programme: %(title)s at %(time)s.")
                if exact
                else _("%(day)s: no longer in your programme: %(title)s (%(part_of_day)s).")
            ) % words
        else:
            old_title = quoted(_value(change.old, "title", language), language)
            sentence = _("%(day)s: %(title)s %(changes)s.") % {
                "day": _day(change.old["starts_at"], language),
                "title": old_title,
                "changes": ", ".join(_clauses(change, language)),
            }
    return typeset(sentence, language)


def change_sentences(changes: list[SessionChange], language: str) -> list[str]:
    return [change_sentence(change, language) for change in changes]
