"""The lists a hotel, a transfer company and the staff work from, as print HTML (made a
PDF by the booklet machinery, visits/booklets/rendering.py) and as XLSX.

``PAPER_KINDS`` maps each kind to ``paper_<kind>(visit, language) -> html``;
``XLSX_KINDS`` to ``xlsx_<kind>(visit, language) -> bytes``. None of them prints a booking
reference, a contact of a participant or their needs.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.languages import translated_text
from participants.models import StaffMember
from visits.dates import date_range
from visits.logistics.selectors import (
    AssignmentLine,
    rooming_list,
    staff_days,
    travel_manifest,
)
from visits.models import Visit


def in_language(render):
    """Labels, choice names and dates of a list in its own language and the visit's zone."""

    @functools.wraps(render)
    def wrapper(visit: Visit, language: str):
        with translation.override(language), timezone.override(visit.zone):
            return render(visit, language)

    return wrapper


@dataclass
class StaffRow:
    member: StaffMember
    assignment: AssignmentLine


@dataclass
class StaffPlanDay:
    label: str
    rows: list[StaffRow]


def staff_plan(*, visit: Visit, language: str) -> list[StaffPlanDay]:
    """Every staff member's assignments, by day and then by time."""
    days: dict = {}
    for member, member_days in staff_days(visit=visit, language=language):
        for day in member_days:
            entry = days.setdefault(day.date, StaffPlanDay(day.label, []))
            entry.rows.extend(StaffRow(member, assignment) for assignment in day.assignments)
    for entry in days.values():
        entry.rows.sort(key=lambda row: (row.assignment.starts, row.member.name))
    return [days[date] for date in sorted(days)]


def _titles(visit: Visit, language: str, title) -> dict:
    return {
        "title": str(title),
        "visit_title": translated_text(obj=visit, field_name="title", language=language)[0],
        "dates": date_range(visit.start_date, visit.end_date, language),
        "language": language,
    }


# Readers: ``reader(visit=..., language=...) -> context``, called in the list's language
# and the visit's zone; the shape visits.paper's registry of kinds takes (see LOGISTICS_PAPER).


def rooming_list_context(*, visit: Visit, language: str) -> dict:
    hotels = rooming_list(visit=visit, language=language)
    return {**_titles(visit, language, _("Rooming list")), "hotels": hotels}


def arrivals_context(*, visit: Visit, language: str) -> dict:
    days = travel_manifest(visit=visit, language=language)
    return {**_titles(visit, language, _("Arrivals and departures")), "days": days}


def staff_plan_context(*, visit: Visit, language: str) -> dict:
    days = staff_plan(visit=visit, language=language)
    return {**_titles(visit, language, _("Interpreters' and guides' plan")), "days": days}


# (kind, label, template, reader): one line each in visits.paper.kinds registers them.
LOGISTICS_PAPER = (
    (
        "rooming-list",
        gettext_lazy("Rooming list, per hotel and night"),
        "paper/logistics/rooming_list.html",
        rooming_list_context,
    ),
    (
        "arrivals",
        gettext_lazy("Arrivals and departures, per day, with transfers"),
        "paper/logistics/arrivals.html",
        arrivals_context,
    ),
    (
        "staff-plan",
        gettext_lazy("Interpreters' and guides' plan, per day"),
        "paper/logistics/staff_plan.html",
        staff_plan_context,
    ),
)


def _paper(template: str, reader):
    @in_language
    def render(visit: Visit, language: str) -> str:
        return render_to_string(template, reader(visit=visit, language=language))

    return render


paper_rooming_list = _paper("paper/logistics/rooming_list.html", rooming_list_context)
paper_arrivals = _paper("paper/logistics/arrivals.html", arrivals_context)
paper_staff_plan = _paper("paper/logistics/staff_plan.html", staff_plan_context)

PAPER_KINDS = {
    "rooming-list": paper_rooming_list,
    "arrivals": paper_arrivals,
    "staff-plan": paper_staff_plan,
}


def paper_pdf(*, visit: Visit, kind: str, language: str) -> bytes:
    """A list as PDF, through the one module that imports WeasyPrint."""
    from visits.booklets.rendering import html_to_pdf

    return html_to_pdf(PAPER_KINDS[kind](visit, language))


# --- XLSX -------------------------------------------------------------------------------


def _workbook(title: str, header: list[str], rows: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    # Sheet names are at most 31 characters and refuse a few punctuation marks.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@in_language
def xlsx_rooming_list(visit: Visit, language: str) -> bytes:
    rows = []
    for hotel in rooming_list(visit=visit, language=language):
        for night in hotel.nights:
            for room in night.rooms:
                for guest in room.guests:
                    rows.append(
                        [
                            hotel.name,
                            night.date,
                            room.room,
                            room.sleeps,
                            guest.name_latin,
                            guest.name_native,
                            room.check_in,
                            room.check_out,
                        ]
                    )
    with translation.override(language):
        header = [
            _("Hotel"),
            _("Night"),
            _("Room"),
            _("Beds"),
            _("Name in Latin script"),
            _("Name in own script"),
            _("Check-in"),
            _("Check-out"),
        ]
        return _workbook(_("Rooming list"), [str(h) for h in header], rows)


@in_language
def xlsx_arrivals(visit: Visit, language: str) -> bytes:
    rows = []
    for day in travel_manifest(visit=visit, language=language):
        for movement in day.movements:
            transfer = movement.transfer
            for person in movement.people:
                rows.append(
                    [
                        day.date,
                        movement.direction_label,
                        movement.mode_label,
                        movement.service,
                        movement.from_place,
                        movement.departs.replace(tzinfo=None),
                        movement.departs_zone,
                        movement.to_place,
                        movement.arrives.replace(tzinfo=None),
                        movement.arrives_zone,
                        movement.travel_group,
                        person.name_latin,
                        transfer.title if transfer else "",
                        transfer.when if transfer else "",
                        transfer.meeting_point if transfer else "",
                    ]
                )
    with translation.override(language):
        header = [
            _("Day"),
            _("Direction"),
            _("Mode"),
            _("Journey"),
            _("From"),
            _("Departs (local time)"),
            _("Time zone"),
            _("To"),
            _("Arrives (local time)"),
            _("Time zone"),
            _("Travelling together"),
            _("Name in Latin script"),
            _("Transfer"),
            _("Transfer leaves"),
            _("Meeting point"),
        ]
        return _workbook(_("Arrivals and departures"), [str(h) for h in header], rows)


@in_language
def xlsx_staff_plan(visit: Visit, language: str) -> bytes:
    rows = []
    for day in staff_plan(visit=visit, language=language):
        for row in day.rows:
            a = row.assignment
            rows.append(
                [
                    a.starts.date(),
                    # An approximate time in words in the first column, not its placeholder.
                    a.approximate or f"{a.starts:%H:%M}",
                    "" if a.approximate else f"{a.ends:%H:%M}",
                    row.member.name,
                    str(row.member.get_role_display()),
                    row.member.languages,
                    a.title,
                    a.place,
                    a.address,
                    a.interpretation,
                ]
            )
    with translation.override(language):
        header = [
            _("Day"),
            _("Starts"),
            _("Ends"),
            _("Name"),
            _("Role"),
            _("Languages"),
            _("Session"),
            _("Where"),
            _("Address"),
            _("Interpretation"),
        ]
        return _workbook(_("Interpreters' and guides' plan"), [str(h) for h in header], rows)


XLSX_KINDS = {
    "rooming-list": xlsx_rooming_list,
    "arrivals": xlsx_arrivals,
    "staff-plan": xlsx_staff_plan,
}
