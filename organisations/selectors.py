"""Reads about organisations, people and venues."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from modeltranslation.utils import build_localized_fieldname

from organisations.languages import active_language, fallback_order
from organisations.models import Organisation


def organisations_for_organiser(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """The organisations whose visits this user builds; a superuser's are all of them."""
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(members=user)


def organisation_scope(*, user: AbstractBaseUser, path: str) -> Q:
    """A filter for rows that belong, through ``path``, to an organisation of this user.

    ``path`` is the lookup from the row to its organisation ("visit__organiser" for a
    participant). A superuser's filter lets every row through.
    """
    if user.is_superuser:
        return Q()
    return Q(**{f"{path}__members": user})


def translated_ordering(field: str, *, language: str | None = None) -> Coalesce:
    """An expression that sorts by a translated field with the same fallbacks the reader sees.

    modeltranslation orders by the active language's column alone, so a row whose name is
    missing in that language would sort as empty, first or last. This sorts it by the
    name shown instead, in the reader's fallback order.
    """
    codes = fallback_order(language or active_language())
    columns = [NullIf(F(build_localized_fieldname(field, code)), Value("")) for code in codes]
    return Coalesce(*columns, Value(""))
