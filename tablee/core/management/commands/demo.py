"""`tablee demo`: migrate, load the French demo data, print the logins, serve."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tablee.core.demo import demo_counts, load_demo


class Command(BaseCommand):
    help = (
        "Apply migrations, load the French (Québec) demo data (idempotent), print the "
        "demo logins, then serve on 127.0.0.1:PORT with Django's development server."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port to serve on (8000)")
        parser.add_argument(
            "--no-serve", action="store_true", help="load the data and stop, without serving"
        )

    def handle(self, *args, port: int, no_serve: bool, **options):
        if not no_serve and not settings.DEBUG:
            raise CommandError(
                "`tablee demo` serves with Django's development server, which needs DEBUG=1 "
                "(try: DEBUG=1 tablee demo). For production, use `tablee serve`."
            )
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        logins = load_demo()
        counts = demo_counts()
        style = self.style
        if logins.created:
            self.stdout.write(style.SUCCESS("Demo data loaded."))
        else:
            self.stdout.write("Demo data already present: nothing was added.")
        self.stdout.write(
            f"  {counts['tables']} tables, {counts['users']} people, "
            f"{counts['memberships']} memberships, {counts['invitations']} invitations, "
            f"{counts['audit_entries']} audit entries."
        )
        self.stdout.write("")
        self.stdout.write(style.MIGRATE_HEADING("Demo logins (password for all of them):"))
        self.stdout.write(f"  password: {logins.coordinator.password}")
        for login in logins.all():
            self.stdout.write(f"  {login.email:<28} {login.full_name} — {login.role}")
        self.stdout.write(
            "  (accounts created earlier keep the password they had; these are demo "
            "accounts, never use them on a real server)"
        )
        self.stdout.write("")
        if no_serve:
            return
        address = f"127.0.0.1:{port}"
        self.stdout.write(
            style.SUCCESS(f"Open http://{address}/ and sign in as {logins.coordinator.email}")
        )
        # No autoreloader: it would re-run this whole command in a child process.
        call_command("runserver", address, use_reloader=False)
