"""`tablee send_digests --period daily|weekly`: e-mail the waiting notifications.

Schedule it with cron or a systemd timer, for example:

    30 6 * * *  cd /srv/tablee && .venv/bin/tablee send_digests --period daily
    45 6 * * 1  cd /srv/tablee && .venv/bin/tablee send_digests --period weekly

People who chose a daily (or weekly) summary get one e-mail gathering their
waiting messages. Each run also retries the immediate e-mails that failed
(up to 5 attempts, the error kept on each row). The command only enqueues
tasks; with TASKS_BACKEND=database, `tablee db_worker` sends them.
"""

from django.core.management.base import BaseCommand

from tablee.actions import selectors
from tablee.actions.models import DigestFrequency
from tablee.actions.tasks import send_digest, send_notification


class Command(BaseCommand):
    help = "Send daily or weekly e-mail summaries, and retry failed e-mails."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--period",
            choices=[DigestFrequency.DAILY.value, DigestFrequency.WEEKLY.value],
            required=True,
        )

    def handle(self, *args, period: str, **options) -> None:
        recipients = selectors.digest_recipients(period=period)
        for user_id in recipients:
            send_digest.enqueue(user_id=user_id, period=period)
        retries = selectors.notifications_to_retry()
        for notification_id in retries:
            send_notification.enqueue(notification_id=notification_id)
        self.stdout.write(
            f"{len(recipients)} {period} digest(s) and {len(retries)} retry(ies) enqueued."
        )
