"""Reads about changes: a session's revision for calendars, a participant's news."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache

from organisations.models import Venue
from participants.models import Participant
from visits.changes.models import ItineraryReading
from visits.changes.summary import change_sentences, programme_changes
from visits.models import Session


@dataclass(frozen=True)
class Revision:
    """How often a session changed as its readers see it, and when it last did."""

    sequence: int
    last_modified: datetime.datetime


def session_revisions(*, sessions: list[Session]) -> dict[int, Revision]:
    """Each session's revision from the recorded history, in two queries for any number.

    SEQUENCE counts the recorded changes of the session (its hosts, speakers and groups
    included) plus those of every venue it has been held at since it was created: a count
    of rows that are never deleted only grows, so a calendar never sees it go back, and two
    changes in the same second are two revisions. A session older than its history (made
    before the history was kept) counts from zero at its last change.
    """
    if not sessions:
        return {}
    by_id = {session.pk: session for session in sessions}
    rows = (
        Session.history.filter(id__in=by_id)
        .order_by("history_date", "history_id")
        .values_list("id", "venue_id", "history_type", "history_date")
    )
    changes: dict[int, int] = dict.fromkeys(by_id, 0)
    latest: dict[int, datetime.datetime] = {}
    venues: dict[int, set[int]] = {pk: set() for pk in by_id}
    for session_id, venue_id, history_type, moment in rows:
        if history_type == "~":
            changes[session_id] += 1
        latest[session_id] = max(moment, latest.get(session_id, moment))
        if venue_id:
            venues[session_id].add(venue_id)
    for session in sessions:
        if session.venue_id:
            venues[session.pk].add(session.venue_id)
    venue_changes: dict[int, list[datetime.datetime]] = {}
    all_venues = set().union(*venues.values())
    if all_venues:
        for venue_id, moment in Venue.history.filter(
            id__in=all_venues, history_type="~"
        ).values_list("id", "history_date"):
            venue_changes.setdefault(venue_id, []).append(moment)
    revisions = {}
    for session_id, session in by_id.items():
        created = session.created_at
        moments = [
            moment
            for venue_id in venues[session_id]
            for moment in venue_changes.get(venue_id, [])
            if moment >= created
        ]
        last = max([latest.get(session_id, session.updated_at), *moments])
        revisions[session_id] = Revision(
            sequence=changes[session_id] + len(moments),
            last_modified=last.astimezone(datetime.UTC).replace(microsecond=0),
        )
    return revisions


@dataclass
class ItineraryNews:
    """What changed in a participant's programme between the two versions they last read."""

    sentences: list[str] = field(default_factory=list)
    session_ids: set[int] = field(default_factory=set)


# Seconds the news of a pair of versions stays cached: versions never change once published.
NEWS_SECONDS = 24 * 3600


def itinerary_news(
    *, reading: ItineraryReading | None, participant: Participant, language: str
) -> ItineraryNews:
    """The changes between the two versions the participant read last, in ``language``.

    Comparing two snapshots of a programme is the dearest part of an itinerary view, and
    its answer never changes (published versions are not edited): kept per pair of
    versions, participant and language, and the snapshots are then not even loaded.
    """
    if reading is None or reading.version_id is None or reading.previous_version_id is None:
        return ItineraryNews()
    key = (
        f"itinerary-news:{reading.previous_version_id}:{reading.version_id}:"
        f"{participant.pk}:{language}"
    )
    news = cache.get(key)
    if news is None:
        changes = programme_changes(
            old=reading.previous_version.snapshot,
            new=reading.version.snapshot,
            language=language,
            participant_id=participant.pk,
        )
        news = ItineraryNews(
            sentences=change_sentences(changes, language),
            session_ids={int(change.session_id) for change in changes if change.kind != "removed"},
        )
        cache.set(key, news, NEWS_SECONDS)
    return news


@dataclass
class ProgrammeEdit:
    """One recorded change of a day or session of a visit, for the visit's history page."""

    moment: datetime.datetime
    history_type: str
    user_id: int | None
    user: object
    model_name: str
    object_id: int
    label: str
    fields: list[str]


def _field_label(model, name: str) -> str:
    base, _sep, language = name.rpartition("_")
    for candidate, suffix in ((name, ""), (base, f" [{language}]")):
        try:
            return f"{model._meta.get_field(candidate).verbose_name}{suffix}"
        except Exception:  # noqa: BLE001, S112  (a name that is not a field: try the next)
            continue
    return name


def programme_history(*, visit, limit: int = 50) -> list[ProgrammeEdit]:
    """The latest recorded changes of a visit's days and sessions, newest first, with the
    fields each changed (old rows of deleted sessions included)."""
    from visits.models import Day

    edits: list[ProgrammeEdit] = []
    for model in (Session, Day):
        rows = (
            model.history.filter(visit_id=visit.pk)
            .select_related("history_user")
            .order_by("-history_date", "-history_id")[:limit]
        )
        for row in rows:
            fields: list[str] = []
            previous = row.prev_record if row.history_type == "~" else None
            if previous is not None:
                delta = row.diff_against(previous)
                fields = [_field_label(model, name) for name in delta.changed_fields]
            edits.append(
                ProgrammeEdit(
                    moment=row.history_date,
                    history_type=row.history_type,
                    user_id=row.history_user_id,
                    user=row.history_user,
                    model_name=model._meta.model_name,
                    object_id=row.id,
                    label=f"{model._meta.verbose_name}: {row.history_object}",
                    fields=fields,
                )
            )
    edits.sort(key=lambda edit: edit.moment, reverse=True)
    return edits[:limit]


def programme_news(*, visit, language: str) -> ItineraryNews:
    """What the latest published version changed in the whole programme, for its public page."""
    from visits.changes.models import ProgrammeVersion

    latest_two = list(ProgrammeVersion.objects.filter(visit=visit).order_by("-number")[:2])
    if len(latest_two) < 2:
        return ItineraryNews()
    new, old = latest_two
    changes = programme_changes(old=old.snapshot, new=new.snapshot, language=language)
    return ItineraryNews(
        sentences=change_sentences(changes, language),
        session_ids={int(change.session_id) for change in changes if change.kind != "cancelled"},
    )
