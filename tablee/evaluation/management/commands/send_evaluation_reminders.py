"""`tablee send_evaluation_reminders`: remind who has not answered an open campaign.

Run it once a day (cron or a systemd timer). Each open campaign gets at most
one round of reminders per day; the command only enqueues tasks (with
TASKS_BACKEND=database, `tablee db_worker` sends them).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from tablee.evaluation import selectors
from tablee.evaluation.tasks import send_campaign_reminders


class Command(BaseCommand):
    help = "Enqueue reminders to people who have not answered an open evaluation (run daily)."

    def handle(self, *args, **options) -> None:
        today = timezone.localdate()
        ids = selectors.campaigns_to_remind(today=today)
        for campaign_id in ids:
            send_campaign_reminders.enqueue(campaign_id=campaign_id, today=today.isoformat())
        self.stdout.write(f"{len(ids)} campaign reminder(s) enqueued.")
