from modeltranslation.translator import TranslationOptions, register

from participants.models import Group


@register(Group)
class GroupTranslation(TranslationOptions):
    fields = ("name", "description")
