"""python manage.py render_paper <slug> --kind host-sheets --lang fr --out F.pdf"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from visits.models import Visit
from visits.paper.registry import paper_kinds
from visits.paper.services import PaperRequestError, paper_pdf, paper_request_parse


class Command(BaseCommand):
    help = "Render a visit's paper (host sheets, attendance sheets, badges…) to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The visit's short name, as in its links.")
        parser.add_argument("--kind", required=True, choices=sorted(paper_kinds()))
        parser.add_argument("--lang", required=True, help="ru, fr, en…")
        parser.add_argument("--out", required=True, help="The PDF file to write.")

    def handle(self, *args, slug: str, kind: str, lang: str, out: str, **options):
        visit = Visit.objects.select_related("organiser").filter(slug=slug).first()
        if visit is None:
            raise CommandError(_("No visit has the short name “%(slug)s”.") % {"slug": slug})
        try:
            request = paper_request_parse(visit=visit, kind=kind, language=lang)
        except PaperRequestError as error:
            raise CommandError(str(error)) from None
        pdf = paper_pdf(request)
        Path(out).write_bytes(pdf)
        self.stdout.write(self.style.SUCCESS(f"{out}: {len(pdf)} bytes"))
