from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Study visits")

    def ready(self) -> None:
        # Permissions exist only after migrate, so the organisers' group is kept in step here.
        post_migrate.connect(_ensure_organiser_group, sender=self)


def _ensure_organiser_group(sender, **kwargs) -> None:
    from visits.services import organiser_group_ensure

    organiser_group_ensure()
