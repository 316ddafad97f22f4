"""The iCalendar feeds of a programme: a participant's own, and the public one.

Calendar applications keep subscribed events by UID and replace them when SEQUENCE grows,
so both must be right for a moved meeting to move on the phone rather than appear twice.

SEQUENCE and LAST-MODIFIED come from the programme's recorded history
(visits.changes.selectors.session_revisions): every recorded change of the session, its
hosts, speakers and groups, or of its venue's address, is one more revision, so two edits in
the same second or a change of hosts alone still reach subscribed calendars.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from organisations.languages import fallback_order
from visits.booklets.labels import choice_label
from visits.changes.selectors import session_revisions
from visits.models import Session, Visit
from visits.selectors import Programme, resource_href, venue_address
from visits.typography import typeset

PRODUCT_ID = "-//study-visit-portal//programme//EN"


def _uid_domain() -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    return host.split(":", 1)[0] or "study-visit-portal"


def session_uid(*, session: Session, participant_id: int | None = None) -> str:
    """The same for a session for ever: by ids, never by titles or times that can change."""
    who = f"-participant-{participant_id}" if participant_id is not None else ""
    return f"session-{session.pk}{who}@{_uid_domain()}"


def session_sequence(*, session: Session) -> int:
    return session_revisions(sessions=[session])[session.pk].sequence


def _text(obj, field_name: str, language: str) -> str:
    """Organisers' text as the reader reads it on the page, with the same typography and
    the same fallbacks, from a record or from a row of the programme's frame."""
    for code in fallback_order(language):
        value = getattr(obj, f"{field_name}_{code}", None) or ""
        if value.strip():
            return typeset(value.strip(), code)
    return ""


def _time_note(session: Session, language: str) -> str:
    """What a calendar's own times cannot say about an approximate time (active language)."""
    precision = session.time_precision
    if precision == Session.TimePrecision.TO_BE_CONFIRMED:
        return _("Time to be confirmed: the date is known, the time not yet.")
    if precision == Session.TimePrecision.ALL_DAY:
        return ""
    if session.is_approximate:
        return _("%(part_of_day)s: the exact time is not fixed yet.") % {
            "part_of_day": choice_label(Session.TimePrecision(session.time_precision), language)
        }
    return ""


def _session_summary(session: Session, language: str) -> str:
    title = _text(session, "title", language)
    if session.is_approximate and session.time_precision != Session.TimePrecision.ALL_DAY:
        part_of_day = choice_label(Session.TimePrecision(session.time_precision), language)
        return f"{title} ({part_of_day.lower()})"
    return title


def _session_description(session: Session, language: str, page_url: str) -> str:
    parts: list[str] = []
    note = _time_note(session, language)
    if note:
        parts.append(note)
    description = _text(session, "description", language)
    if description:
        parts.append(description)
    if session.meeting_point:
        parts.append(
            _("Meeting point: %(place)s") % {"place": _text(session, "meeting_point", language)}
        )
    hosts = [_text(host, "name", language) for host in session.hosts.all()]
    if hosts:
        parts.append(_("Hosts: %(names)s") % {"names": ", ".join(hosts)})
    speakers = []
    for person in session.speakers.all():
        role = _text(person, "role", language)
        name = _text(person, "name", language)
        if not name:
            # Known by their role: the role and the organisation say who it is.
            organisation = (
                _text(person.organisation, "name", language) if person.organisation else ""
            )
            speakers.append(f"{role} ({organisation})" if organisation else role)
        else:
            speakers.append(f"{name} ({role})" if role else name)
    if speakers:
        parts.append(_("Speakers: %(names)s") % {"names": "; ".join(speakers)})
    if session.interpretation:
        note = _text(session, "interpretation_note", language)
        label = choice_label(Session.Interpretation(session.interpretation), language)
        parts.append(f"{label}: {note}" if note else label)
    if session.venue is not None:
        directions = _text(session.venue, "directions", language)
        if directions:
            parts.append(_("How to get there: %(directions)s") % {"directions": directions})
    for resource in session.resources.all():
        link = resource_href(resource=resource, page_url=page_url)
        parts.append(f"{_text(resource, 'title', language)}: {link}".strip(": "))
    return "\n\n".join(parts)


def _session_location(session: Session, language: str) -> str:
    """The venue written as on the page: its name in the reader's language, then its
    address as it stands on the street."""
    if session.venue is None:
        return _text(session, "meeting_point", language)
    return venue_address(venue=session.venue, language=language).one_line


def programme_calendar(
    *,
    programme: Programme,
    language: str,
    participant_id: int | None = None,
    calendar_name: str = "",
    page_url: str = "",
) -> bytes:
    """The programme as an iCalendar file in ``language``, times in the visit's zone.

    With ``participant_id`` the UIDs are the participant's own, so that two people sharing
    a calendar account do not overwrite each other's events.
    """
    from icalendar import Calendar, Event

    visit: Visit = programme.visit
    zone = visit.zone
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", PRODUCT_ID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", calendar_name or _text(visit, "title", language))
        calendar.add("x-wr-timezone", visit.time_zone)
        # Subscribed calendars poll at this pace when the application honours it.
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", "PT1H")
        revisions = session_revisions(sessions=programme.sessions)
        for session in programme.sessions:
            event = Event()
            event.add("uid", session_uid(session=session, participant_id=participant_id))
            revision = revisions[session.pk]
            event.add("dtstamp", revision.last_modified)
            event.add("last-modified", revision.last_modified)
            event.add("sequence", revision.sequence)
            if session.is_all_day:
                # All day, or a date without its time yet: a whole-day event (VALUE=DATE).
                day = session.starts_at.astimezone(zone).date()
                event.add("dtstart", day)
                event.add("dtend", day + datetime.timedelta(days=1))
            else:
                event.add("dtstart", session.starts_at.astimezone(zone))
                event.add("dtend", session.ends_at.astimezone(zone))
            event.add("summary", _session_summary(session, language))
            event.add("categories", [choice_label(Session.Kind(session.kind), language)])
            location = _session_location(session, language)
            if location:
                event.add("location", location)
            venue = session.venue
            if venue is not None and venue.latitude is not None and venue.longitude is not None:
                event.add("geo", (float(venue.latitude), float(venue.longitude)))
            description = _session_description(session, language, page_url)
            if description:
                event.add("description", description)
            if page_url:
                event.add("url", f"{page_url}#session-{session.pk}")
            calendar.add_component(event)
        margin = datetime.timedelta(days=366)
        calendar.add_missing_timezones(
            first_date=visit.start_date - margin, last_date=visit.end_date + margin
        )
        return calendar.to_ical()
