"""The shared records (organisations, people, venues kept once) as a visit uses them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from organisations.models import Organisation, Person, Venue
from visits.models import Visit
from visits.permissions import visit_scope


def shared_record_usage(record, user) -> tuple[bool, bool]:
    """Whether visits of this user's organisations use a shared record, and whether others do.

    Registered with ``organisations.usage`` so that the organisations' admin can protect a
    record another organisation's programme relies on without importing this app.
    """
    if isinstance(record, Organisation):
        visits = Visit.objects.filter(
            Q(organiser=record)
            | Q(organisation_roles__organisation=record)
            | Q(sessions__hosts=record)
        )
    elif isinstance(record, Person):
        visits = Visit.objects.filter(sessions__speakers=record)
    elif isinstance(record, Venue):
        visits = Visit.objects.filter(sessions__venue=record)
    else:
        return False, False
    scope = visit_scope(user=user)
    return visits.filter(scope).exists(), visits.exclude(scope).exists()


@dataclass
class OrganisationRoles:
    """An organisation of a visit with every part it plays, so it is listed once."""

    organisation: Organisation
    roles: list[str]


ORGANISER = "organiser"


def visit_organisations_with_roles(*, visit: Visit) -> list[OrganisationRoles]:
    """The organiser, then each supporter, partner, sending organisation and host once,
    in the order of their first role, each with all its roles ("organiser" included when
    the organiser plays another part too)."""
    by_organisation: dict[int, OrganisationRoles] = {
        visit.organiser_id: OrganisationRoles(visit.organiser, [ORGANISER])
    }
    for role in visit.organisation_roles.select_related("organisation").order_by(
        "role", "position", "id"
    ):
        entry = by_organisation.setdefault(
            role.organisation_id, OrganisationRoles(role.organisation, [])
        )
        if role.role not in entry.roles:
            entry.roles.append(role.role)
    return list(by_organisation.values())
