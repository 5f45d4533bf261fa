"""`tablee serve`: collect static files, then exec gunicorn (production server)."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Run the production server: collectstatic --noinput, then replace this process "
        "with gunicorn serving tablee.wsgi:application. Configure with the environment "
        "(SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, ...)."
    )
    requires_system_checks = []  # gunicorn's workers load the app; `check --deploy` is separate

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="port (8000)")
        parser.add_argument("--bind", default="127.0.0.1", help="address to bind (127.0.0.1)")
        parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
        parser.add_argument(
            "--no-access-log", action="store_true", help="do not log each request on stdout"
        )
        parser.add_argument(
            "--skip-collectstatic",
            action="store_true",
            help="serve the static files already collected in STATIC_ROOT",
        )

    def handle(self, *args, port, bind, workers, no_access_log, skip_collectstatic, **options):
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if not skip_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "tablee.wsgi:application",
            "--bind",
            f"{bind}:{port}",
            "--workers",
            str(workers),
            "--error-logfile",
            "-",
        ]
        if not no_access_log:
            argv += ["--access-logfile", "-"]
        try:
            import gunicorn  # noqa: F401
        except ImportError as exc:
            raise CommandError("gunicorn is not installed in this environment") from exc
        # DJANGO_SETTINGS_MODULE (and --settings) are in os.environ: gunicorn inherits them.
        self.stdout.write(f"Serving on http://{bind}:{port}/ with {workers} gunicorn worker(s).")
        self.stdout.flush()
        os.execv(sys.executable, argv)
