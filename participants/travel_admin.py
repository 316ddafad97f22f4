"""A participant's journeys and nights, edited on the participant's page.

Journey times are typed as the ticket prints them, in the time of each place: the form
reads them in the zone of the place and stores the moment, whatever zone the admin runs in.
"""

from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.models import Journey, Stay, validate_zone_name

LOCAL_TIME_HELP = _("As on the ticket, in the local time of this place: 2019-05-12 14:35.")


class JourneyForm(forms.ModelForm):
    departs_local = forms.DateTimeField(label=_("departs (local time)"), help_text=LOCAL_TIME_HELP)
    arrives_local = forms.DateTimeField(label=_("arrives (local time)"), help_text=LOCAL_TIME_HELP)

    class Meta:
        model = Journey
        fields = (
            "direction",
            "mode",
            "carrier",
            "number",
            "from_place",
            "from_zone",
            "departs_local",
            "to_place",
            "to_zone",
            "arrives_local",
            "travel_group",
            "transfer",
            "booking_reference",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["departs_local"] = self.instance.local_departs_at.replace(tzinfo=None)
            self.initial["arrives_local"] = self.instance.local_arrives_at.replace(tzinfo=None)

    @staticmethod
    def _in_zone(value, zone_name):
        # The field made the typed time aware in the admin's zone; take back what was typed.
        typed = timezone.make_naive(value) if timezone.is_aware(value) else value
        return typed.replace(tzinfo=ZoneInfo(zone_name))

    def _zone(self, name: str) -> str | None:
        """The zone typed in field ``name`` when it is a real zone; else an error on it."""
        value = self.cleaned_data.get(name)
        if not value:
            return None
        try:
            validate_zone_name(value)
        except ValidationError as error:
            self.add_error(name, error)
            return None
        return value

    def clean(self):
        data = super().clean()
        departs, arrives = data.get("departs_local"), data.get("arrives_local")
        from_zone, to_zone = self._zone("from_zone"), self._zone("to_zone")
        if departs and from_zone:
            self.instance.departs_at = self._in_zone(departs, from_zone)
        if arrives and to_zone:
            self.instance.arrives_at = self._in_zone(arrives, to_zone)
        if (
            departs
            and arrives
            and from_zone
            and to_zone
            and self.instance.arrives_at <= self.instance.departs_at
        ):
            self.add_error("arrives_local", _("A journey must arrive after it departs."))
        return data


class JourneyInline(admin.StackedInline):
    model = Journey
    form = JourneyForm
    extra = 0
    verbose_name_plural = _("journeys (booking references are seen by organisers only)")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        transfer = formset.form.base_fields.get("transfer")
        if transfer is not None:
            # Only the transfers of this participant's own visit.
            sessions = transfer.queryset
            transfer.queryset = (
                sessions.filter(visit_id=obj.visit_id) if obj is not None else sessions.none()
            )
        return formset


class StayInline(admin.TabularInline):
    model = Stay
    extra = 0
    fields = ("hotel", "room", "room_sleeps", "check_in", "check_out")
    verbose_name_plural = _("nights (hotel, room; who shares a room follows from the rooms)")
