"""The portal's languages and the order in which a missing translation falls back.

Every app reads a translated field through here, so the page, the calendar, the booklet and
the admin's sorting agree on which language a reader sees when a translation is missing.
Adding a language is a settings change, never a code change.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.manager import get_translatable_fields_for_model
from modeltranslation.utils import build_localized_fieldname


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def in_every_language(*lookups: str) -> tuple[str, ...]:
    """("name", "hosts__name") -> ("name_ru", "name_fr", ..., "hosts__name_ru", ...).

    The admin's search on a translated field by its plain name looks in the admin's own
    language only (modeltranslation rewrites the lookup), so a role written in French and
    Russian is not found from the English admin: search fields name every language."""
    return tuple(f"{lookup}_{code}" for lookup in lookups for code in language_codes())


def language_choices() -> list[tuple[str, str]]:
    """Choices for a language field; a callable so that migrations do not freeze the list."""
    return list(settings.LANGUAGES)


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def fallback_order(language: str) -> list[str]:
    """``language`` first, then the fallbacks settings name, then every other language."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES.get("default", ())
    codes = language_codes()
    order: list[str] = []
    for code in (language, *fallbacks, *codes):
        if code in codes and code not in order:
            order.append(code)
    return order


def translated_text(*, obj, field_name: str, language: str | None = None) -> tuple[str, str]:
    """The value of a translated field in ``language`` and the language it is really in.

    When the field is empty in that language, the first non-empty language of
    ``fallback_order`` wins so the reader never meets an empty gap; the second item says
    which language was shown so the page can mark it with a ``lang`` attribute. Fields that
    are not translated come back as they are, in the requested language.
    """
    language = (language or active_language()).split("-")[0]
    translatable = get_translatable_fields_for_model(type(obj)) or []
    if field_name not in translatable:
        value = getattr(obj, field_name, "")
        return ("" if value is None else str(value), language)
    for code in fallback_order(language):
        value = getattr(obj, build_localized_fieldname(field_name, code), "") or ""
        if value.strip():
            return (str(value), code)
    return ("", language)
