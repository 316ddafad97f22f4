from django import template

from participants.imports import COLUMNS, canonical_header

register = template.Library()

# Fields whose model name differs from their column's.
COLUMN_OF_FIELD = {"preferred_language": "language"}


@register.filter
def column_heading(field_name: str) -> str:
    """The column heading an organiser's sheet uses for a field, to name it in errors."""
    column = COLUMN_OF_FIELD.get(field_name, field_name)
    return canonical_header(column) if column in COLUMNS else field_name
