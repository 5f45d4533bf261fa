"""Manage personal API tokens from the command line.

    tablee token create EMAIL [--name NAME]

prints only the raw token on stdout, so it can be captured by a script:
    TOKEN=$(tablee token create ana@example.org --name "Export")
"""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tablee.accounts import selectors, services
from tablee.core.errors import DomainError


class Command(BaseCommand):
    help = "Create personal API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="action", required=True)
        create = subcommands.add_parser(
            "create", help="Create a token for a person and print its secret, once."
        )
        create.add_argument("email", help="E-mail address of the person.")
        create.add_argument(
            "--name", default="Command line", help="Name of the token (default: %(default)s)."
        )

    def handle(self, *args, **options) -> None:
        if options["action"] == "create":
            self._create(email=options["email"], name=options["name"])

    def _create(self, *, email: str, name: str) -> None:
        user = selectors.user_get_by_email(email=email)
        if user is None or not user.is_active:
            raise CommandError(f"No active person has the e-mail address {email!r}.")
        try:
            _token, raw = services.api_token_create(user=user, name=name)
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(raw)
