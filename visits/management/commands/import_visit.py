from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from visits.transfer import VisitTransferError, visit_import_json


class Command(BaseCommand):
    help = (
        "Create a visit from a file written by export_visit. Organisations, people and "
        "venues already here (same names) are reused; nothing is written if anything fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A file written by export_visit.")

    def handle(self, *args, file: str, **options):
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            visit = visit_import_json(text=text)
        except VisitTransferError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Imported {visit.slug}.")
