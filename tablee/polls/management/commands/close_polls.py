"""Record the closing of every poll whose closing time has passed.

Pages and the API already treat such polls as closed; this command (run it
from cron or a scheduler, e.g. every few minutes) writes the closing, with
its audit entry, one poll at a time.
"""

from django.core.management.base import BaseCommand

from tablee.core.errors import DomainError
from tablee.polls import selectors, services


class Command(BaseCommand):
    help = "Close the polls whose closing time has passed."

    def handle(self, *args, **options) -> None:
        closed = 0
        for poll in selectors.polls_past_closing():
            try:
                services.poll_close(poll=poll, actor=None)
            except DomainError:
                continue  # closed meanwhile by a coordinator
            closed += 1
        self.stdout.write(f"{closed} poll(s) closed.")
