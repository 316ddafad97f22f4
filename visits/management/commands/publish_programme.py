"""python manage.py publish_programme <visit-slug>: publish a programme version and tell
the participants whose own programme changed."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from visits.changes.services import programme_version_publish
from visits.models import Visit


class Command(BaseCommand):
    help = "Publish a visit's programme as a new version; participants affected are told."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The visit's short name, as in its links.")

    def handle(self, *args, slug: str, **options):
        visit = Visit.objects.filter(slug=slug).first()
        if visit is None:
            raise CommandError(_("No visit has the short name “%(slug)s”.") % {"slug": slug})
        version, created = programme_version_publish(visit=visit)
        if not created:
            self.stdout.write(
                _("Nothing a participant reads has changed since version %(number)s.")
                % {"number": version.number}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Version %(number)s is published; %(count)s participants are being told.")
                % {"number": version.number, "count": version.notices.count()}
            )
        )
