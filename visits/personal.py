"""What every page reached through a participant's secret personal link shares.

Every way of getting the token wrong (unknown, revoked, truncated, garbage) ends in the
same Http404 as a page that does not exist, so a guess learns nothing.
"""

from functools import wraps

from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers

from participants.models import Participant
from participants.selectors import participant_by_token


def personal(view):
    """Headers every personal page carries: not indexed, not cached by shared caches,
    no Referer leaking the secret link to the map, host or resource sites it links to.
    Their Content-Security-Policy is the site's own (settings.CONTENT_SECURITY_POLICY)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["X-Robots-Tag"] = "noindex, nofollow, noarchive"
        response.headers["Referrer-Policy"] = "no-referrer"
        patch_cache_control(response, private=True, no_cache=True, max_age=0)
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


def participant_or_404(token: str) -> Participant:
    participant = participant_by_token(token=token)
    if participant is None:
        raise Http404
    return participant
