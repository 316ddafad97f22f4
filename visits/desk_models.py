"""What the organiser's desk remembers: when each translation was written, and travel times.

Imported at the bottom of ``visits/models.py`` so that Django sees these models as part of
the ``visits`` app.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from visits.languages import language_codes

__all__ = ["TranslationMark", "TravelTime", "text_fingerprint"]


def text_fingerprint(text: str | None) -> str:
    """A short hash of a text, blind to the spaces around it. Empty text has no fingerprint."""
    text = (text or "").strip()
    if not text:
        return ""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class TranslationMark(models.Model):
    """The state of every language of one translated field when one language was written.

    When the text of ``language`` changes, ``fingerprints`` records the fingerprint of that
    field in every language at that moment. The translation in ``language`` is stale
    against another language whose text no longer has the fingerprint recorded here: that
    text changed after this translation was written. The language written last is fresh.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    fingerprints = models.JSONField(default=dict)
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation mark")
        verbose_name_plural = _("translation marks")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="translation_mark_once_per_field_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.field}_{self.language}"


class TravelTime(models.Model):
    """How long a delegation needs between two cities in this visit, overriding the defaults.

    The pair has no direction: Paris–Rouen is also Rouen–Paris.
    """

    visit = models.ForeignKey("visits.Visit", related_name="travel_times", on_delete=models.CASCADE)
    city_from = models.CharField(_("from city"), max_length=120)
    city_to = models.CharField(
        _("to city"),
        max_length=120,
        help_text=_("The same city as “from” sets the time between two venues of one city."),
    )
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(0), MaxValueValidator(24 * 60)]
    )

    class Meta:
        verbose_name = _("travel time between cities")
        verbose_name_plural = _("travel times between cities (for the programme check)")
        ordering = ["city_from", "city_to"]

    def __str__(self) -> str:
        return f"{self.city_from} – {self.city_to}: {self.minutes} min"


def translated_fields(model) -> tuple[str, ...]:
    from modeltranslation.translator import NotRegistered, translator

    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def translation_marks_record(*, instance, fields: tuple[str, ...] | None = None) -> None:
    """Record, for each language whose text changed since its mark, the texts of that moment."""
    model = type(instance)
    fields = fields if fields is not None else translated_fields(model)
    if not fields or instance.pk is None:
        return
    content_type = ContentType.objects.get_for_model(model)
    existing = {
        (mark.field, mark.language): mark
        for mark in TranslationMark.objects.filter(
            content_type=content_type, object_id=instance.pk, field__in=fields
        )
    }
    languages = language_codes()
    for field in fields:
        now = {
            code: text_fingerprint(getattr(instance, f"{field}_{code}", "")) for code in languages
        }
        for code in languages:
            if not now[code]:
                continue
            mark = existing.get((field, code))
            if mark is None:
                TranslationMark.objects.create(
                    content_type=content_type,
                    object_id=instance.pk,
                    field=field,
                    language=code,
                    fingerprints=now,
                )
            elif mark.fingerprints.get(code) != now[code]:
                mark.fingerprints = now
                mark.save(update_fields=["fingerprints", "written_at"])


def translation_mark_confirm(*, instance, field: str, language: str) -> None:
    """The translator read the changed source and the translation still says the same."""
    model = type(instance)
    fingerprints = {
        code: text_fingerprint(getattr(instance, f"{field}_{code}", ""))
        for code in language_codes()
    }
    TranslationMark.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=instance.pk,
        field=field,
        language=language,
        defaults={"fingerprints": fingerprints},
    )


def _record_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    # Historical models in migrations are not registered for translation: nothing to do.
    if raw:
        return
    fields = translated_fields(sender)
    if not fields:
        return
    if update_fields is not None:
        touched = {name for name in update_fields}
        fields = tuple(
            field
            for field in fields
            if field in touched or any(f"{field}_{code}" in touched for code in language_codes())
        )
    translation_marks_record(instance=instance, fields=fields)


post_save.connect(_record_on_save, dispatch_uid="visits.desk_models.translation_marks")
