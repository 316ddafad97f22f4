from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from visits.models import Visit
from visits.transfer import visit_export_json


class Command(BaseCommand):
    help = (
        "Write a visit with everything that belongs to it (translations, days, sessions, "
        "organisations, groups, participants, contacts, resources with their files, travel "
        "times) to one JSON file, for import_visit on another installation. It holds "
        "personal data: keep it as safe as the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("visit_slug", help="The visit's short name for links.")
        parser.add_argument("file", help="Where to write the export; - for standard output.")

    def handle(self, *args, visit_slug: str, file: str, **options):
        visit = Visit.objects.filter(slug=visit_slug).first()
        if visit is None:
            raise CommandError(f"There is no visit with the short name {visit_slug!r}.")
        text = visit_export_json(visit=visit)
        if file == "-":
            self.stdout.write(text)
            return
        Path(file).write_text(text, encoding="utf-8")
        self.stderr.write(f"Wrote {visit_slug} to {file}.")
