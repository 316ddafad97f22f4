"""The kinds of paper, one line each (see visits.paper.registry)."""

from django.utils.translation import gettext_lazy as _

from visits.logistics.paper import LOGISTICS_PAPER
from visits.paper.registry import PaperKind, paper_kind_register
from visits.paper.selectors import attendance_sheets, badges, host_sheets

paper_kind_register(
    PaperKind("host-sheets", _("Host sheets"), "paper/host_sheets.html", host_sheets)
)
paper_kind_register(
    PaperKind("attendance", _("Attendance sheets"), "paper/attendance.html", attendance_sheets)
)
paper_kind_register(PaperKind("badges", _("Name badges"), "paper/badges.html", badges))

# The logistics lists for the hotel, the transfer company and the staff.
for slug, label, template, reader in LOGISTICS_PAPER:
    paper_kind_register(PaperKind(slug, label, template, reader))
