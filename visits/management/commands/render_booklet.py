"""Render a booklet at once, without Celery and without storing it.

python manage.py render_booklet paris-rouen-2025 --lang ru+fr --paper a5 --out b.pdf
python manage.py render_booklet paris-rouen-2025 --lang ru --participant 12 --out p.pdf
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from participants.models import Participant
from visits.booklets.fetcher import standalone_html
from visits.booklets.selectors import visit_for_booklet
from visits.booklets.services import (
    BookletRequestError,
    booklet_mode_parse,
    booklet_pdf,
    booklet_pdf_with_html,
)


class Command(BaseCommand):
    help = "Render a visit's booklet synchronously to a PDF file (for scripts and checks)."
    # A render changes nothing the system checks guard; they belong to deploys and to
    # `manage.py check` (CI's makemigrations runs them), and cost 0.07-0.11 s of CPU of
    # every cold render, which scripts start once per booklet.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The visit's short name, as in /v/<slug>/.")
        parser.add_argument(
            "--lang",
            default="",
            help="One language (ru) or two side by side (ru+fr). Default: the visit's two.",
        )
        parser.add_argument("--paper", default="a4", help="a4 or a5 (default a4).")
        parser.add_argument(
            "--participant", type=int, help="A participant's id: their personal booklet."
        )
        parser.add_argument("--out", required=True, help="Where to write the PDF.")
        parser.add_argument(
            "--html",
            help="Also write the print HTML here, its static files as file: addresses, so "
            "that WeasyPrint alone renders the same pages (for measuring).",
        )

    def handle(self, *args, **options):
        visit = visit_for_booklet(slug=options["slug"])
        if visit is None:
            raise CommandError(f"No visit with the short name {options['slug']!r}.")
        try:
            mode = booklet_mode_parse(
                languages=options["lang"] or "+".join(visit.languages), paper=options["paper"]
            )
        except BookletRequestError as error:
            raise CommandError(str(error)) from None
        participant = None
        if options["participant"] is not None:
            participant = Participant.objects.filter(pk=options["participant"]).first()
            if participant is None:
                raise CommandError(f"No participant with id {options['participant']}.")
            if participant.visit_id != visit.pk:
                raise CommandError(
                    f"Participant {participant.pk} belongs to another visit, not {visit.slug}."
                )
        out = Path(options["out"])
        if not out.parent.is_dir():
            raise CommandError(f"The folder {out.parent} does not exist.")
        if options["html"]:
            # One HTML for both: the footer names the minute, which may turn meanwhile.
            pdf, version, html = booklet_pdf_with_html(
                visit=visit, mode=mode, participant=participant
            )
            Path(options["html"]).write_text(standalone_html(html), encoding="utf-8")
        else:
            pdf, version = booklet_pdf(visit=visit, mode=mode, participant=participant)
        out.write_bytes(pdf)
        self.stdout.write(
            f"{out}: {len(pdf)} bytes, {mode.key} {mode.paper.upper()}, version {version[:8]}"
        )
