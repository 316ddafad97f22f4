from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from organisations.models import Organisation
from organisations.services import organisation_with_organiser_create, password_set_url


class Command(BaseCommand):
    help = (
        "Create an organising organisation and the staff account of its first organiser, "
        "then print the link through which they set their password (base from SITE_URL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="The organisation's name.")
        parser.add_argument("--email", required=True, help="The organiser's e-mail address.")
        parser.add_argument("--name", default="", help="The organiser's full name.")
        parser.add_argument(
            "--kind",
            default=Organisation.Kind.ASSOCIATION,
            help=f"One of: {', '.join(Organisation.Kind.values)} (default: association).",
        )
        parser.add_argument("--city", default="")
        parser.add_argument("--country", default="")

    def handle(self, *args, **options):
        try:
            organisation, user = organisation_with_organiser_create(
                name=options["organisation"],
                kind=options["kind"],
                city=options["city"],
                country=options["country"],
                organiser_name=options["name"],
                email=options["email"],
            )
        except ValidationError as error:
            raise CommandError(
                " ".join(
                    message for messages in error.message_dict.values() for message in messages
                )
            ) from None
        self.stdout.write(f"{organisation} — {user.email}")
        self.stdout.write(f"Password link for {user.email}: {password_set_url(user=user)}")
