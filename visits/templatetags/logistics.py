"""Template tags that read a participant's own logistics where a page needs them, so that
the itinerary and booklet templates include one partial and their views stay as they are."""

from django import template

from visits.logistics.selectors import participant_logistics

register = template.Library()


@register.simple_tag
def own_logistics(participant, language: str):
    """The journeys, nights and hotels of this participant only, in ``language``."""
    return participant_logistics(participant=participant, language=language)
