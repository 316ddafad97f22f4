"""The portal's languages, from settings: adding one is a settings change, not a code change."""

from django.conf import settings


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
