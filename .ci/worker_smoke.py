"""CI: a real Celery worker process, on Redis, renders a booklet asked for as the web asks.

Run with DATABASE_URL, CELERY_BROKER_URL and MEDIA_ROOT shared with the worker, after
migrate and load_demo. Exits non-zero unless the worker stored a PDF and a second request
reuses it.
"""

import os
import sys
import time

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from visits.booklets.models import Booklet  # noqa: E402
from visits.booklets.services import booklet_mode_parse, booklet_request  # noqa: E402
from visits.models import Visit  # noqa: E402

visit = Visit.objects.get(slug="paris-rouen-2019")
mode = booklet_mode_parse(languages="ru+fr", paper="a5")
booklet = booklet_request(visit=visit, mode=mode)
deadline = time.monotonic() + 240
while booklet.status == Booklet.Status.PENDING and time.monotonic() < deadline:
    time.sleep(1)
    booklet.refresh_from_db()

if booklet.status != Booklet.Status.READY:
    sys.exit(f"the worker did not render the booklet: {booklet.status} {booklet.error!r}")
with booklet.file.open("rb") as stored:
    head = stored.read(5)
if head != b"%PDF-":
    sys.exit(f"the stored booklet is not a PDF: {head!r}")
again = booklet_request(visit=visit, mode=mode)
if again.pk != booklet.pk:
    sys.exit("a second request rendered again instead of reusing the stored booklet")
print(f"worker rendered {booklet.file.name} ({booklet.file.size} bytes); reused on request")
