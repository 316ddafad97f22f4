"""The delegation (delegation.py), how its members travel and sleep (travel.py), the
staff who work the visit (staff.py) and the sheets imported in the background
(delegation_import.py). Everything is re-exported here."""

from participants.models.delegation import Group, LinkMailing, Participant, new_access_token
from participants.models.delegation_import import DelegationImport
from participants.models.staff import StaffMember
from participants.models.travel import Journey, Stay, validate_zone_name

__all__ = [
    "DelegationImport",
    "Group",
    "Journey",
    "LinkMailing",
    "Participant",
    "StaffMember",
    "Stay",
    "new_access_token",
    "validate_zone_name",
]
