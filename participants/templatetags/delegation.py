from django import template

from participants import imports

register = template.Library()


@register.filter
def column_heading(field_name: str) -> str:
    """The column heading an organiser's sheet uses for a field, to name it in errors."""
    return imports.column_heading(field_name)
