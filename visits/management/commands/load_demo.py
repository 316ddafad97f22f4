from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from participants.models import Participant
from participants.selectors import participant_personal_url
from visits.demo.loader import (
    DEMO_ORGANISER_USERNAME,
    DEMO_VISITS,
    demo_load,
    demo_organiser_ensure,
)
from visits.models import Visit

LINKS_PER_VISIT = 3


class Command(BaseCommand):
    help = (
        "Load the two demo visits (Paris and Rouen 2019, CIFER in Paris) with their "
        "organisations, programme, delegation and background reading. Safe to run again: "
        "it updates the same rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-organiser",
            action="store_true",
            help=(
                "Also create the staff account 'organiser' (password DEMO_ORGANISER_PASSWORD) "
                "for both demo visits. Refused unless DEBUG is on."
            ),
        )

        parser.add_argument(
            "--keep-changes",
            action="store_true",
            help=(
                "Leave the demo visits as they are when they already exist, so that what "
                "you changed in them survives the next 'make run'."
            ),
        )

    def handle(
        self, *args, with_demo_organiser: bool = False, keep_changes: bool = False, **options
    ):
        # A known password on a production site would be an open door: development only.
        if with_demo_organiser and not settings.DEBUG:
            self.stderr.write(
                _(
                    "Refused: --with-demo-organiser creates an account with a known password "
                    "and only works when DEBUG is on. The demo visits are loaded without it."
                )
            )
            with_demo_organiser = False

        slugs = [record.slug for record in DEMO_VISITS]
        existing = list(Visit.objects.filter(slug__in=slugs).order_by("-start_date"))
        if keep_changes and len(existing) == len(slugs):
            visits = existing
            self.stdout.write(_("Demo visits already there: kept as they are."))
        else:
            visits = demo_load()
        organiser = None
        if with_demo_organiser:
            organiser = demo_organiser_ensure(password=settings.DEMO_ORGANISER_PASSWORD)

        self.stdout.write(
            _("Demo visits loaded: %(slugs)s.")
            % {"slugs": ", ".join(visit.slug for visit in visits)}
        )
        self.stdout.write(_("Admin: %(url)s") % {"url": f"{settings.SITE_URL}/admin/"})
        if organiser is not None:
            self.stdout.write(
                _("Demo organiser login: %(username)s, password: %(password)s")
                % {
                    "username": DEMO_ORGANISER_USERNAME,
                    "password": settings.DEMO_ORGANISER_PASSWORD,
                }
            )
        for visit in visits:
            self.stdout.write(_("Personal links, %(visit)s:") % {"visit": visit.slug})
            delegates = Participant.objects.filter(
                visit=visit, role=Participant.Role.DELEGATE
            ).order_by("name_latin", "pk")[:LINKS_PER_VISIT]
            for participant in delegates:
                url = participant_personal_url(participant=participant)
                self.stdout.write(f"  {participant.name_latin}: {url}")
