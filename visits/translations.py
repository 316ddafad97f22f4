"""Which texts of a visit are missing or stale in its booklet languages, field by field.

A text counts when it is written in at least one language: an optional field left empty
everywhere (no subtitle) is not a missing translation. It is *missing* in a booklet
language where it is empty. A translation is *stale* when the text in the visit's source
language (``source_language``) changed after the translation was written (see
``visits.models.TranslationMark``); a text in the source language is never stale. Texts saved
before the marks existed, or through bulk updates that skip signals, are never called stale.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse
from modeltranslation.translator import NotRegistered, translator

from organisations.models import Organisation, Person, Venue
from participants.models import Group
from visits.models import (
    Day,
    EmergencyContact,
    Phase,
    Resource,
    Session,
    TranslationMark,
    Visit,
    VisitOrganisation,
    text_fingerprint,
)

MISSING = "missing"
STALE = "stale"
DONE = "done"
STATE_ORDER = {MISSING: 0, STALE: 1, DONE: 2}

# Speakers are people whose names are written as they write them; only their role is read
# in the delegation's language. Every other object shows all its translated fields.
FIELDS_READ_IN_A_VISIT = {Person: ("role",)}


@dataclass(frozen=True)
class TextEntry:
    """One translated field of one object, in one language, with its source beside it."""

    obj: models.Model
    field: str
    language: str
    state: str
    text: str
    source_language: str
    source_text: str
    # The visit, for the link: inline objects lead to its page.
    visit: Visit

    @property
    def url(self) -> str:
        """Where the text is fixed. Made when asked: the programme check reads every entry
        but links only the missing and stale ones (a visit of 300 sessions has some 700
        objects, and each link is a reverse())."""
        return admin_change_url(self.obj, visit=self.visit)

    @property
    def key(self) -> str:
        meta = self.obj._meta
        return f"{meta.app_label}.{meta.model_name}.{self.obj.pk}.{self.field}.{self.language}"

    @property
    def model_label(self) -> str:
        return str(self.obj._meta.verbose_name)

    @property
    def field_label(self) -> str:
        return str(self.obj._meta.get_field(self.field).verbose_name)

    @property
    def max_length(self) -> int | None:
        return self.obj._meta.get_field(f"{self.field}_{self.language}").max_length

    @property
    def is_long(self) -> bool:
        return isinstance(self.obj._meta.get_field(self.field), models.TextField)


def translated_fields(model) -> tuple[str, ...]:
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def admin_change_url(obj: models.Model, *, visit: Visit) -> str:
    """The admin page where this object is fixed; objects edited inline lead to the visit."""
    if isinstance(obj, EmergencyContact | VisitOrganisation):
        obj = visit
    meta = obj._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return reverse("admin:visits_visit_change", args=[visit.pk])


def visit_hosts(*, visit: Visit) -> list[Organisation]:
    """Organisations that receive the delegation: hosts of sessions and hosts of the visit."""
    return list(
        Organisation.objects.filter(
            models.Q(hosted_sessions__visit=visit)
            | models.Q(visit_roles__visit=visit, visit_roles__role=VisitOrganisation.Role.HOST)
        )
        .distinct()
        .order_by("pk")
    )


def visit_texts(*, visit: Visit) -> list[models.Model]:
    """Every object whose texts a booklet of this visit prints, in the order of the booklet."""
    sessions = list(Session.objects.filter(visit=visit).order_by("starts_at", "pk"))
    venue_ids = {session.venue_id for session in sessions if session.venue_id}
    return [
        visit,
        *Phase.objects.filter(visit=visit).order_by("start_date", "position", "pk"),
        *Day.objects.filter(visit=visit).order_by("date"),
        *sessions,
        *visit_hosts(visit=visit),
        *Venue.objects.filter(pk__in=venue_ids).order_by("pk"),
        *Person.objects.filter(sessions__visit=visit).distinct().order_by("pk"),
        *Resource.objects.filter(visit=visit).order_by("position", "pk"),
        *Group.objects.filter(visit=visit).order_by("pk"),
        *EmergencyContact.objects.filter(visit=visit).order_by("position", "pk"),
    ]


def fields_of(obj: models.Model) -> tuple[str, ...]:
    model = type(obj)
    chosen = FIELDS_READ_IN_A_VISIT.get(model) or translated_fields(model)
    # The order of the form, not the order of registration.
    return tuple(f.name for f in model._meta.fields if f.name in chosen)


def _content_types(objects: list[models.Model]) -> dict[type, ContentType]:
    # All in one query when the process has not met them yet, not one per kind of text.
    return ContentType.objects.get_for_models(*{type(obj) for obj in objects})


def _marks_by_object(
    objects: list[models.Model], content_types: dict[type, ContentType]
) -> dict[tuple, TranslationMark]:
    by_type: dict[int, set[int]] = {}
    for obj in objects:
        by_type.setdefault(content_types[type(obj)].pk, set()).add(obj.pk)
    if not by_type:
        return {}
    # One query for every kind of text: a query per kind would grow with the models a
    # booklet prints, and the programme editor runs this on every page.
    wanted = models.Q()
    for content_type_id, ids in by_type.items():
        wanted |= models.Q(content_type_id=content_type_id, object_id__in=ids)
    return {
        (mark.content_type_id, mark.object_id, mark.field, mark.language): mark
        for mark in TranslationMark.objects.filter(wanted)
    }


def source_language(*, visit: Visit) -> str:
    """The language a visit's programme is written in; the other languages are translated.

    The organiser says it on the visit; a visit not yet saved with it follows the rule of
    ``Visit.default_source_language``.
    """
    return visit.source_language or visit.default_source_language()


def _source_language(texts: dict[str, str], language: str, booklet: list[str]) -> str:
    for code in [*booklet, *(code for code, _name in settings.LANGUAGES)]:
        if code != language and texts.get(code):
            return code
    return ""


def translation_status(*, visit: Visit, languages: list[str] | None = None) -> list[TextEntry]:
    """Every text of the visit in each booklet language, missing first, then stale, then done."""
    booklet = visit.languages
    languages = languages or booklet
    visit_source = source_language(visit=visit)
    objects = visit_texts(visit=visit)
    content_types = _content_types(objects)
    marks = _marks_by_object(objects, content_types)
    all_codes = [code for code, _name in settings.LANGUAGES]
    entries = []
    for obj in objects:
        content_type_id = content_types[type(obj)].pk
        for field in fields_of(obj):
            texts = {
                code: (getattr(obj, f"{field}_{code}", "") or "").strip() for code in all_codes
            }
            if not any(texts.values()):
                continue
            for language in languages:
                source = _source_language(texts, language, [visit_source, *booklet])
                if not texts[language]:
                    state = MISSING
                else:
                    mark = marks.get((content_type_id, obj.pk, field, language))
                    recorded = mark.fingerprints.get(visit_source, "") if mark else ""
                    state = DONE
                    if (
                        language != visit_source
                        and recorded
                        and texts[visit_source]
                        and recorded != text_fingerprint(texts[visit_source])
                    ):
                        state = STALE
                        source = visit_source
                entries.append(
                    TextEntry(
                        obj=obj,
                        field=field,
                        language=language,
                        state=state,
                        text=texts[language],
                        source_language=source,
                        source_text=texts.get(source, "") if source else "",
                        visit=visit,
                    )
                )
    # A stable sort keeps the booklet's order within each state.
    return sorted(entries, key=lambda entry: STATE_ORDER[entry.state])


def remaining_by_language(entries: list[TextEntry], languages: list[str]) -> dict[str, int]:
    """How many texts still need a translator in each language."""
    counts = dict.fromkeys(languages, 0)
    for entry in entries:
        if entry.state != DONE and entry.language in counts:
            counts[entry.language] += 1
    return counts
