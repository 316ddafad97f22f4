"""Reads about delegations."""

from django.conf import settings

from participants.models import Participant


def participant_personal_url(*, participant: Participant) -> str:
    """The full secret link through which a participant reaches their own itinerary."""
    return f"{settings.SITE_URL}/p/{participant.access_token}/"
