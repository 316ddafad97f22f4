"""python manage.py check_programme <visit-slug>: the programme check, on the command line."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from visits.models import Visit
from visits.programme_check import ERROR, programme_check
from visits.typography import typeset


class Command(BaseCommand):
    help = "Check a visit's programme; exit with status 1 when there is an error."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The visit's short name, as in its links.")

    def handle(self, *args, slug: str, **options):
        visit = Visit.objects.filter(slug=slug).first()
        if visit is None:
            raise CommandError(_("No visit has the short name “%(slug)s”.") % {"slug": slug})
        # An organiser reads these lines as any other text of the portal: in French, the
        # titles' guillemets and the colons with their narrow no-break spaces.
        language = (translation.get_language() or "en").split("-")[0]
        findings = programme_check(visit=visit)
        errors = [finding for finding in findings if finding.severity == ERROR]
        for finding in findings:
            label = _("error") if finding.severity == ERROR else _("warning")
            style = self.style.ERROR if finding.severity == ERROR else self.style.WARNING
            line = _("%(severity)s: %(message)s") % {
                "severity": label,
                "message": finding.message,
            }
            self.stdout.write(style(typeset(line, language)) + f"  [{finding.code}]")
        summary = _("%(visit)s: %(errors)d errors, %(warnings)d warnings.") % {
            "visit": visit.slug,
            "errors": len(errors),
            "warnings": len(findings) - len(errors),
        }
        summary = typeset(summary, language)
        if errors:
            self.stderr.write(summary)
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS(summary))
