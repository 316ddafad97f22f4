"""Travel times between the cities of a visit, for the programme check."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from visits.models.visit import Visit


class TravelTime(models.Model):
    """How long a delegation needs between two cities in this visit, overriding the defaults.

    The pair has no direction: Paris–Rouen is also Rouen–Paris.
    """

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), related_name="travel_times", on_delete=models.CASCADE
    )
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
