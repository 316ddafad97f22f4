"""Where a shared record is used, as the apps above this one tell it.

Organisations, people and venues are kept once and reused by visits, but this app sits
below ``visits`` and must not import it. ``visits`` registers, when it is ready, a function
that answers for each record the visits that use it; the admin here asks through it.
"""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

# usage(record, user) -> (used by a visit of this user's organisations, used by any other)
UsageFinder = Callable[[Model, AbstractBaseUser], tuple[bool, bool]]

_finders: list[UsageFinder] = []


def usage_finder_register(finder: UsageFinder) -> None:
    if finder not in _finders:
        _finders.append(finder)


def record_usage(*, record: Model, user: AbstractBaseUser) -> tuple[bool, bool]:
    """Whether a visit of the user's organisations uses the record, and whether another does."""
    ours = others = False
    for finder in _finders:
        mine, theirs = finder(record, user)
        ours, others = ours or mine, others or theirs
    return ours, others
