"""When each translation was written, so the Translations page knows which ones are stale."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    field = models.CharField(_("field"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    fingerprints = models.JSONField(_("fingerprints of every language"), default=dict)
    written_at = models.DateTimeField(_("written"), auto_now=True)

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
