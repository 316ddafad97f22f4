"""Template helpers for programme pages: translated fields marked with their language."""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils import dateformat, translation
from django.utils.html import format_html
from django.utils.translation import gettext

from organisations.languages import translated_text
from visits import dates
from visits.models import VisitOrganisation
from visits.selectors import ORGANISER, resource_href, venue_geo_uri, venue_map_url
from visits.typography import typeset

register = template.Library()


@register.simple_tag
def translated(obj, field_name: str, paragraphs: bool = False):
    """A translated field in the active language, or its fallback marked with ``lang``,
    set by the typesetter's rules of the language it is in (apostrophes, quotes, French
    spaces before high punctuation), as the sessions beside it are.

    ``{% translated session "title" %}`` renders the title in the active language; when that
    translation is empty it renders the fallback inside ``<span lang="fr">`` (a ``<div>``
    with ``paragraphs=True``, which also turns line breaks into paragraphs) so that screen
    readers and hyphenation use the right language and the reader sees why it differs.
    """
    if obj is None:
        return ""
    active = (translation.get_language() or "").split("-")[0]
    text, language = translated_text(obj=obj, field_name=field_name, language=active)
    if not text:
        return ""
    # Only pages and paper for readers use this tag; the admin shows what was typed.
    text = typeset(text, language)
    body = linebreaks_filter(text, autoescape=True) if paragraphs else text
    if language == active:
        return format_html("{}", body)
    tag = "div" if paragraphs else "span"
    return format_html('<{} lang="{}" class="fallback">{}</{}>', tag, language, body, tag)


@register.filter
def osm_url(venue) -> str:
    return venue_map_url(venue=venue) if venue else ""


@register.filter
def geo_uri(venue) -> str:
    return venue_geo_uri(venue=venue) if venue else ""


@register.filter
def tel_uri(phone: str) -> str:
    """A tel: link: digits and a leading plus only, so every phone dials it."""
    digits = "".join(char for char in phone or "" if char.isdigit() or char == "+")
    return f"tel:{digits}" if digits else ""


@register.filter
def day_month(date) -> str:
    """ "16 March", "16 mars", "16 марта"."""
    return dates.day_month(date) if date else ""


@register.filter
def day_month_year(date) -> str:
    """ "16 March 2026", "16 mars 2026", "16 марта 2026"."""
    return dates.day_month_year(date) if date else ""


@register.filter
def weekday_day_month(date) -> str:
    """ "Monday 16 March", "lundi 16 mars", "Понедельник 16 марта"."""
    return f"{dateformat.format(date, 'l')} {dates.day_month(date)}" if date else ""


@register.filter
def weekday_day_month_year(date) -> str:
    """ "Friday 20 March 2026"."""
    return f"{weekday_day_month(date)} {date.year}" if date else ""


@register.simple_tag
def resource_link(resource, page_path: str) -> str:
    return resource_href(resource=resource, page_url=page_path)


@register.simple_tag
def phase_dates(phase) -> str:
    """ "1–30 September 2026", "30 November 2026 – 15 January 2027"."""
    return dates.date_range(phase.start_date, phase.end_date) if phase else ""


@register.simple_tag
def role_label(role: str) -> str:
    """The part an organisation plays in a visit, in lower case after its name."""
    if role == ORGANISER:
        return gettext("organiser")
    return str(VisitOrganisation.Role(role).label).lower()


@register.simple_tag
def visit_dates(visit) -> str:
    """ "12 May – 18 May 2019", or with both years when the visit runs over two."""
    start, end = visit.start_date, visit.end_date
    if start.year != end.year:
        return f"{dates.day_month_year(start)} \u2013 {dates.day_month_year(end)}"
    return f"{dates.day_month(start)} \u2013 {dates.day_month_year(end)}"
