"""Reads about organisations, people and venues."""

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def translated_ordering(field: str, *, language: str | None = None) -> Coalesce:
    """An expression that sorts by a translated field with the same fallbacks the reader sees.

    modeltranslation orders by the active language's column alone, so a row whose name is
    missing in that language would sort as empty, first or last. This sorts it by the
    name shown instead: the active language, then the others in settings order.
    """
    active = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = [active] + [code for code, _name in settings.LANGUAGES if code != active]
    columns = [NullIf(F(build_localized_fieldname(field, code)), Value("")) for code in codes]
    return Coalesce(*columns, Value(""))
