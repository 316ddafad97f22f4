"""Reads about delegations."""

import hmac
import re

from django.conf import settings
from django.db.models import QuerySet

from organisations.compiled import CompiledQuery
from participants.models import Participant

# Tokens are secrets.token_urlsafe output: URL-safe base64 letters. At least 22 of them
# (128 bits) and at most the column's 64; anything else is refused before any query.
ACCESS_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{22,64}")


def participant_personal_url(*, participant: Participant) -> str:
    """The full secret link through which a participant reaches their own itinerary."""
    return f"{settings.SITE_URL}/p/{participant.access_token}/"


# Every personal page starts here: compiled once per process (organisations.compiled).
_by_token = CompiledQuery(
    lambda token: (
        Participant.objects.select_related("visit", "visit__organiser")
        .filter(access_token=token)
        .order_by("pk")[:1]
    ),
    token="stand-in token: no real token has spaces",
)


def participant_by_token(*, token: str) -> Participant | None:
    """The participant whose personal link carries this token, or None.

    A malformed token never reaches the database. The lookup goes through the unique
    index, then the stored token is compared again in constant time so that nothing about
    the comparison depends on how much of a guess was right.
    """
    if not isinstance(token, str) or not ACCESS_TOKEN_SHAPE.fullmatch(token):
        return None
    participant = _by_token.first(token=token)
    if participant is None:
        return None
    if not hmac.compare_digest(participant.access_token.encode(), token.encode()):
        return None
    return participant


def participants_for_links(*, visit) -> QuerySet[Participant]:
    """The delegation of a visit in the order organisers read it: by Latin name."""
    return Participant.objects.filter(visit=visit).order_by("name_latin", "name_native", "pk")
