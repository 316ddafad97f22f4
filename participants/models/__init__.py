"""The delegation (delegation.py), how its members travel and sleep (travel.py) and the
staff who work the visit (staff.py). Everything is re-exported here."""

from participants.models.delegation import Group, LinkMailing, Participant, new_access_token
from participants.models.staff import StaffMember
from participants.models.travel import Journey, Stay, validate_zone_name

__all__ = [
    "Group",
    "Journey",
    "LinkMailing",
    "Participant",
    "StaffMember",
    "Stay",
    "new_access_token",
    "validate_zone_name",
]
