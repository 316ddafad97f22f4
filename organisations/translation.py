from modeltranslation.translator import TranslationOptions, register

from organisations.models import Organisation, Person, Venue


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description", "city", "country")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "role")


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "city", "country", "directions")
