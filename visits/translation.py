from modeltranslation.translator import TranslationOptions, register

from visits.models import Day, EmergencyContact, Phase, Resource, Session, Visit


@register(Visit)
class VisitTranslation(TranslationOptions):
    fields = (
        "title",
        "subtitle",
        "cities",
        "goals",
        "content",
        "themes",
        "practical_information",
        "schedule_note",
    )


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Day)
class DayTranslation(TranslationOptions):
    fields = ("heading", "city")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description", "meeting_point", "interpretation_note")


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(EmergencyContact)
class EmergencyContactTranslation(TranslationOptions):
    fields = ("role",)


# The programme's history is built on the models as modeltranslation leaves them, so that
# every language's column is in it (see visits.changes.history).
import organisations.translation  # noqa: E402,F401  (the shared records' columns first)
from visits.changes.history import history_register  # noqa: E402

history_register()
