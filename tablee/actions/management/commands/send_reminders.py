"""`tablee send_reminders`: enqueue the due-date reminders of follow-up actions.

Run it once a day (cron or a systemd timer), for example at 7:00:

    0 7 * * *  cd /srv/tablee && .venv/bin/tablee send_reminders

Each open action with an accountable person gets one reminder when its due
date is within --days days (default 3) and one more on the due date itself;
each is sent once per due date (moving the due date re-arms them). The
command only enqueues tasks: with TASKS_BACKEND=database, `tablee db_worker`
sends them. Running it twice the same day sends nothing more.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tablee.actions import selectors
from tablee.actions.tasks import send_action_reminder


class Command(BaseCommand):
    help = "Enqueue e-mail reminders for follow-up actions coming due (run daily)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=selectors.DEFAULT_REMINDER_DAYS,
            help="Remind this many days before the due date (default 3).",
        )
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, days: int, today: str | None, **options) -> None:
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--today must be a date such as 2026-03-31.") from exc
        pairs = selectors.actions_due_for_reminder(today=day, days_before=days)
        for action_id, kind in pairs:
            send_action_reminder.enqueue(
                action_id=action_id, kind=kind, today=day.isoformat(), days_before=days
            )
        self.stdout.write(f"{len(pairs)} reminder(s) enqueued for {day.isoformat()}.")
