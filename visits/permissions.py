"""Who may see which visits: an organiser sees only the visits of their organisations."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from organisations.selectors import organisation_scope
from visits.models import Visit


def visit_scope(*, user: AbstractBaseUser, path: str = "") -> Q:
    """A filter for rows that belong, through ``path``, to visits this user organises.

    ``path`` is the lookup from the row to its visit ("" for a visit itself).
    """
    if user.is_superuser:
        return Q()
    visit_ids = Visit.objects.filter(organisation_scope(user=user, path="organiser")).values("pk")
    return Q(**{f"{path}__in" if path else "pk__in": visit_ids})
