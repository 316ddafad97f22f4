"""The translation catalogues: complete, and French set as a typesetter sets it."""

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


def messages_path(language: str, suffix: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"django.{suffix}"


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_every_message_is_translated(language):
    # gettext's own count of the catalogue (msgfmt makes the .mo for compilemessages).
    if shutil.which("msgfmt") is None:
        message = "msgfmt is missing: install Debian's gettext package."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    counted = subprocess.run(
        ["msgfmt", "--statistics", "-o", "/dev/null", messages_path(language, "po")],
        capture_output=True,
        text=True,
        check=True,
    ).stderr

    assert re.fullmatch(r"\d+ translated messages\.\s*", counted), counted


def test_french_punctuation_takes_a_narrow_no_break_space():
    """Before : ; ! ? and » and after «, the narrow no-break space (U+202F) the portal's
    own French typography uses (visits.typography), never a space or a full no-break
    space: the two mixed on one page were set unevenly. Read from the compiled
    catalogue, as the portal reads it."""
    with messages_path("fr", "mo").open("rb") as compiled:
        translated = list(gettext.GNUTranslations(compiled)._catalog.values())

    spaced = [text for text in translated if re.search(r"[ \u00a0][:;!?»]|«[ \u00a0]", text)]

    assert spaced == []
    assert sum("\u202f:" in text for text in translated) > 100
