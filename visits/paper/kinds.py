"""The kinds of paper, one line each (see visits.paper.registry)."""

from django.utils.translation import gettext_lazy as _

from visits.paper.registry import PaperKind, paper_kind_register
from visits.paper.selectors import attendance_sheets, badges, host_sheets

paper_kind_register(
    PaperKind("host-sheets", _("Host sheets"), "paper/host_sheets.html", host_sheets)
)
paper_kind_register(
    PaperKind("attendance", _("Attendance sheets"), "paper/attendance.html", attendance_sheets)
)
paper_kind_register(PaperKind("badges", _("Name badges"), "paper/badges.html", badges))
