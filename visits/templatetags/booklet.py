"""Template helpers of the print booklet."""

from django import template
from django.utils.html import conditional_escape, format_html

register = template.Library()


@register.filter
def in_column(text, lang: str):
    """A booklet ``Text`` inside an element of language ``lang``: marked with its own
    language only where that differs (a fallback from another language), so that
    hyphenation and screen readers follow it. Text of the column's own language is not
    wrapped: each inline element costs WeasyPrint a box and a line layout of its own."""
    if text.lang == lang:
        return conditional_escape(str(text))
    return format_html('<span lang="{}">{}</span>', text.lang, str(text))
