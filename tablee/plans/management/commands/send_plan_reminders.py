"""`tablee send_plan_reminders`: remind accountable persons of due or late plan actions.

Run it once a day (cron or a systemd timer), for example at 7:05:

    5 7 * * *  cd /srv/tablee && .venv/bin/tablee send_plan_reminders

An action still to be carried out whose end is within --days days (default
7), or which is late, gets a reminder to its accountable person, at most
once every --every days (default 7). The e-mail carries a signed link, valid
21 days, that only adds a progress update to that action, without signing
in. The command only enqueues tasks: with TASKS_BACKEND=database,
`tablee db_worker` sends them. Running it twice the same day sends nothing more.
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tablee.plans import selectors
from tablee.plans.tasks import send_plan_action_reminder


class Command(BaseCommand):
    help = "Enqueue e-mail reminders for plan actions ending soon or late (run daily)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=selectors.DEFAULT_REMINDER_DAYS,
            help="Remind this many days before the end date (default 7).",
        )
        parser.add_argument(
            "--every",
            type=int,
            default=selectors.DEFAULT_REMINDER_EVERY,
            help="Remind the same action at most once every this many days (default 7).",
        )
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, days: int, every: int, today: str | None, **options) -> None:
        if days < 0 or every < 1:
            raise CommandError("--days must be 0 or more and --every 1 or more.")
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--today must be a date such as 2026-03-31.") from exc
        ids = selectors.actions_due_for_reminder(today=day, days_before=days, every=every)
        for action_id in ids:
            send_plan_action_reminder.enqueue(
                action_id=action_id, today=day.isoformat(), days_before=days, every=every
            )
        self.stdout.write(f"{len(ids)} plan reminder(s) enqueued for {day.isoformat()}.")
