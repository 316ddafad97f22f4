import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded and rendered files of one test never leak into another, nor into the project.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english_interface(settings):
    # Tests read the interface in English unless they choose a language: a page that follows
    # the reader's language (a participant's, a visit's) still shows that language.
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Pages cache what they render; each test starts from an empty cache."""
    from django.core.cache import cache

    cache.clear()
