"""Two organisers editing the same row: the second save is told, nothing is overwritten.

The form carries the row's ``updated_at`` as it was when the page was opened. If the row
was saved since, the form is refused with both versions side by side: what is saved now,
and what this organiser typed (still in the form). Saving again then keeps what is typed:
the organiser has seen the other version.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ChangedSinceOpenedForm(forms.ModelForm):
    """A model form for a model with ``updated_at`` that refuses to overwrite a newer save."""

    opened_at = forms.CharField(label=_("opened at"), widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and getattr(self.instance, "updated_at", None):
            self.initial["opened_at"] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("opened_at")
        if not (self.instance.pk and opened):
            return cleaned
        saved = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
        if saved is None or saved.updated_at.isoformat() == opened:
            return cleaned
        # Saving again after reading both versions keeps this one: the page now counts as
        # opened at the other save.
        data = self.data.copy()
        data[self.add_prefix("opened_at")] = saved.updated_at.isoformat()
        self.data = data
        message = gettext(
            "Someone else saved this %(what)s after you opened it, so nothing was saved. "
            "What you typed is still in the form."
        ) % {"what": self.instance._meta.verbose_name}
        differences = [
            (self.fields[name].label or name, theirs, yours)
            for name, theirs, yours in self._differences(saved)
        ]
        raise ValidationError(message + differences_text(differences), code="changed_since_opened")

    def _differences(self, saved: models.Model) -> list[tuple[str, str, str]]:
        differences = []
        model_fields = {field.name: field for field in saved._meta.get_fields()}
        for name in self.fields:
            field = model_fields.get(name)
            if field is None or name not in self.cleaned_data:
                continue
            if field.many_to_many:
                theirs = value_shown(list(getattr(saved, name).all()))
            else:
                theirs = value_shown(getattr(saved, name))
            yours = value_shown(self.cleaned_data[name])
            if theirs != yours:
                differences.append((name, theirs, yours))
        return differences


def differences_text(differences: list[tuple[str, str, str]]) -> str:
    """The sentence listing what differs (after a space), or "" if nothing does.

    ``differences`` holds (label, saved, yours) triples, values as ``value_shown`` gives.
    """
    if not differences:
        return ""
    return f" {gettext('The saved version differs:')} " + "; ".join(
        gettext("%(field)s — saved: «%(saved)s»; yours: «%(yours)s»")
        % {"field": label, "saved": theirs, "yours": yours}
        for label, theirs, yours in differences
    )


def value_shown(value) -> str:
    """A field's value as the conflict message shows it, the same for saved and typed."""
    if isinstance(value, models.QuerySet):
        value = list(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(sorted(str(item) for item in value))
    if isinstance(value, datetime.datetime):
        # In the zone the page shows (the visit's, see VisitTimeZoneMixin).
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if value is None:
        return ""
    return str(value)
