"""`tablee send_funding_reminders`: remind coordinators of reports coming due.

Run it once a day (cron or a systemd timer), for example at 7:05:

    5 7 * * *  cd /srv/tablee && .venv/bin/tablee send_funding_reminders

The coordinators of a table get an e-mail 14 days and again 3 days before
each open reporting date (change with --days 30,7,1). Each reminder is
recorded and sent once per due date and lead time (moving the date re-arms
them); marking the report as sent stops them. The command only enqueues
tasks: with TASKS_BACKEND=database, `tablee db_worker` sends them. Running it
twice the same day sends nothing more.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tablee.funding import selectors
from tablee.funding.tasks import send_reporting_reminder


def _lead_times(value: str) -> list[int]:
    try:
        days = sorted({int(part) for part in value.split(",") if part.strip()}, reverse=True)
    except ValueError as exc:
        raise CommandError("--days must be numbers separated by commas, such as 14,3.") from exc
    if not days or min(days) < 0 or max(days) > 365:
        raise CommandError("--days must be between 0 and 365, such as 14,3.")
    return days


class Command(BaseCommand):
    help = "Enqueue e-mail reminders of funders' reporting dates (run daily)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            default=",".join(str(d) for d in selectors.DEFAULT_LEAD_TIMES),
            help="Remind this many days before the due date, comma-separated (default 14,3).",
        )
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, days: str, today: str | None, **options) -> None:
        lead_times = _lead_times(days)
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--today must be a date such as 2026-03-31.") from exc
        ids = selectors.reporting_dates_due_for_reminder(today=day, lead_times=lead_times)
        for reporting_id in ids:
            send_reporting_reminder.enqueue(
                reporting_id=reporting_id, today=day.isoformat(), lead_times=lead_times
            )
        self.stdout.write(f"{len(ids)} reporting reminder(s) enqueued for {day.isoformat()}.")
