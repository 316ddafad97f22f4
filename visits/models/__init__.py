"""The models of the visits app, one module per part of a visit.

Django finds a model through the app's ``models`` module, so every model is imported here,
the booklet's from its own package.
"""

from visits.booklets.models import Booklet
from visits.models.programme import (
    Day,
    Phase,
    Session,
    TimePrecision,
    approximate_span,
    validate_day_within_visit,
)
from visits.models.resource import Resource
from visits.models.translation_marks import TranslationMark, text_fingerprint
from visits.models.travel_time import TravelTime
from visits.models.visit import EmergencyContact, Visit, VisitOrganisation, validate_time_zone

__all__ = [
    "Booklet",
    "Day",
    "EmergencyContact",
    "Phase",
    "Resource",
    "Session",
    "TimePrecision",
    "TranslationMark",
    "TravelTime",
    "Visit",
    "VisitOrganisation",
    "approximate_span",
    "text_fingerprint",
    "validate_day_within_visit",
    "validate_time_zone",
]
