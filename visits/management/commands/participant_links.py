from django.core.management.base import BaseCommand, CommandError

from participants.selectors import participant_personal_url, participants_for_links
from visits.models import Visit


class Command(BaseCommand):
    help = (
        "Print each participant of a visit with their personal link, one per line: "
        "name, a tab, the full URL (base from SITE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("visit_slug", help="The visit's short name for links.")

    def handle(self, *args, visit_slug: str, **options):
        visit = Visit.objects.filter(slug=visit_slug).first()
        if visit is None:
            raise CommandError(f"There is no visit with the short name {visit_slug!r}.")
        participants = participants_for_links(visit=visit)
        if not participants.exists():
            self.stderr.write(f"The visit {visit_slug!r} has no participants yet.")
            return
        for participant in participants:
            url = participant_personal_url(participant=participant)
            self.stdout.write(f"{participant}\t{url}")
