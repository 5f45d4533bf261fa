"""`tablee generate --scale N`: bulk benchmark data (see tablee/core/generate.py)."""

from django.core.management.base import BaseCommand, CommandError

from tablee.core import generate as gen


class Command(BaseCommand):
    help = (
        "Generate benchmark data with bulk inserts: at scale 1, 200 tables, 10,000 people, "
        "their memberships, invitations and ~200,000 audit entries. Slugs and e-mails "
        "start with 'gen-'. Refuses to run twice unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="size factor (1 = 200 tables; 0.01 for tests)"
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete previously generated data first"
        )

    def handle(self, *args, scale: float, reset: bool, **options):
        if scale <= 0 or scale > 100:
            raise CommandError("--scale must be greater than 0 and at most 100")
        quiet = options["verbosity"] == 0

        def progress(message: str) -> None:
            if not quiet:
                self.stdout.write(f"  {message}")
                self.stdout.flush()

        self.stdout.write(f"Generating benchmark data at scale {scale:g}…")
        try:
            result = gen.generate(scale=scale, reset=reset, progress=progress)
        except gen.GeneratedDataExists as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {result.tables} tables, {result.people} people, "
                f"{result.memberships} memberships, {result.invitations} invitations, "
                f"{result.organizations} organizations, {result.seats} seats, "
                f"{result.audit_entries} audit entries in {result.seconds:.1f} s."
            )
        )
        self.stdout.write(
            f"Logins (password {gen.GEN_PASSWORD}): platform admin {gen.GEN_ADMIN_EMAIL}; "
            f"coordinator of the largest table {gen.table_slug(1)}: {gen.coordinator_email(1)}"
        )
