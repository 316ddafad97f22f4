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
