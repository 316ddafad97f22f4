"""The programme as its participants read it, frozen as JSON for a programme version.

Only what a participant reads goes in: private notes, organisers' contacts and
``updated_at`` stamps stay out, so an edit nobody reads makes no difference between two
snapshots and tells nobody anything. Every text is taken in every language with the same
fallbacks the itinerary shows, so the change a participant is told is the change they see.
"""

from __future__ import annotations

from organisations.languages import language_codes, translated_text
from participants.models import Participant
from visits.models import Session, Visit
from visits.selectors import programme_sessions

SNAPSHOT_FORMAT = 1


def _texts(obj, field_name: str, languages: list[str]) -> dict[str, str]:
    if obj is None:
        return dict.fromkeys(languages, "")
    return {
        code: translated_text(obj=obj, field_name=field_name, language=code)[0].strip()
        for code in languages
    }


def _names(objects, languages: list[str]) -> dict[str, list[str]]:
    return {
        code: [translated_text(obj=obj, field_name="name", language=code)[0] for obj in objects]
        for code in languages
    }


def _interpretation(session: Session, languages: list[str]) -> dict[str, str]:
    # The label is an interface word (gettext), the note the organiser's text.
    if not session.interpretation:
        return dict.fromkeys(languages, "")
    notes = _texts(session, "interpretation_note", languages)
    return {code: f"{session.interpretation}|{notes[code]}" for code in languages}


def session_snapshot(session: Session, languages: list[str]) -> dict:
    zone = session.visit.zone
    venue = session.venue
    return {
        "kind": session.kind,
        # "Morning" or "to be confirmed" is news even when the stored span stays the same.
        "time_precision": session.time_precision,
        "starts_at": session.starts_at.astimezone(zone).isoformat(),
        "ends_at": session.ends_at.astimezone(zone).isoformat(),
        "title": _texts(session, "title", languages),
        "description": _texts(session, "description", languages),
        "venue": _texts(venue, "name", languages),
        "address": venue.full_address if venue is not None else "",
        "meeting_point": _texts(session, "meeting_point", languages),
        "hosts": _names(session.hosts.all(), languages),
        "speakers": _names(session.speakers.all(), languages),
        "groups": sorted(group.pk for group in session.groups.all()),
        "interpretation": _interpretation(session, languages),
    }


def programme_snapshot(*, visit: Visit) -> dict:
    """The visit's sessions in every language, and each participant's share of them."""
    languages = language_codes()
    sessions = list(programme_sessions(visit=visit))
    for session in sessions:
        session.visit = visit
    memberships: dict[int, set[int]] = {}
    through = Participant.groups.through
    for participant_id, group_id in through.objects.filter(participant__visit=visit).values_list(
        "participant_id", "group_id"
    ):
        memberships.setdefault(participant_id, set()).add(group_id)
    itineraries = {}
    for participant_id in Participant.objects.filter(visit=visit).values_list("pk", flat=True):
        groups = memberships.get(participant_id, set())
        itineraries[str(participant_id)] = [
            session.pk
            for session in sessions
            if not session.groups.all() or groups & {g.pk for g in session.groups.all()}
        ]
    return {
        "format": SNAPSHOT_FORMAT,
        "time_zone": visit.time_zone,
        "sessions": {str(session.pk): session_snapshot(session, languages) for session in sessions},
        "itineraries": itineraries,
    }


def itinerary_session_ids(snapshot: dict, participant_id: int | None) -> list[str]:
    """The sessions a participant had in a snapshot (every session when None)."""
    if not snapshot:
        return []
    if participant_id is None:
        return list(snapshot.get("sessions", {}))
    return [str(pk) for pk in snapshot.get("itineraries", {}).get(str(participant_id), [])]
