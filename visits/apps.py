from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Study visits")

    def ready(self) -> None:
        from django.core import checks
        from modeltranslation.translator import translator

        from organisations.usage import usage_finder_register
        from visits.booklets import revision
        from visits.checks import site_url_is_https
        from visits.logistics.selectors import hotel_usage
        from visits.selectors import shared_record_usage
        from visits.services import translation_marks_on_save

        # Permissions exist only after migrate, so the organisers' group is kept in step here.
        post_migrate.connect(_ensure_organiser_group, sender=self)
        # The Translations page needs to know when each text was written: every model with
        # translated fields, whichever app it lives in, and no other.
        for model in translator.get_registered_models(abstract=False):
            post_save.connect(
                translation_marks_on_save,
                sender=model,
                dispatch_uid=f"visits.translation_marks.{model._meta.label_lower}",
            )
        # The organisations' admin asks which visits use a shared record.
        usage_finder_register(shared_record_usage)
        usage_finder_register(hotel_usage)
        checks.register(site_url_is_https, checks.Tags.security, deploy=True)
        # Every save of what a booklet prints bumps its visit's programme revision.
        revision.connect()


def _ensure_organiser_group(sender, **kwargs) -> None:
    from visits.services import organiser_group_ensure

    organiser_group_ensure()
