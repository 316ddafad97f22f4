"""System checks of the deployment, run by ``manage.py check --deploy``."""

from django.conf import settings
from django.core.checks import Warning


def site_url_is_https(app_configs, **kwargs) -> list[Warning]:
    # Personal links and booklet QR codes are built on SITE_URL: over plain http, a
    # participant's link (their key to their itinerary) travels in the clear.
    if settings.SITE_URL.startswith("https://"):
        return []
    return [
        Warning(
            "SITE_URL does not start with https://.",
            hint="Personal links and booklet QR codes carry participants' keys; serve them "
            "over https and set SITE_URL=https://your.host.",
            id="visits.W001",
        )
    ]
