import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded and rendered files of one test never leak into another, nor into the project.
    settings.MEDIA_ROOT = tmp_path / "media"
