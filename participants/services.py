"""Writes about delegations."""

from django.db import transaction
from django.utils import timezone

from participants.models import Participant, new_access_token


@transaction.atomic
def participant_link_reissue(*, participant: Participant) -> Participant:
    """Revoke a participant's personal link and give them a new one.

    The old token stops working at once (pages, calendar feed, offline manifest): anyone
    who had the old link gets the same 404 as for a page that never existed. The
    participant needs the new link, which ``participant_links`` prints.
    """
    participant.access_token = new_access_token()
    participant.access_token_issued_at = timezone.now()
    participant.save(update_fields=["access_token", "access_token_issued_at", "updated_at"])
    return participant
