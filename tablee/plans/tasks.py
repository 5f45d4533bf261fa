"""Background work of action plans: reminders to accountable persons.

The task takes an id, refetches and locks the action, checks again that a
reminder is due (two overlapping runs send one), marks it and queues the
e-mail through the shared notification pipeline (tablee.actions.notifications).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from tablee.actions.notifications import notify
from tablee.plans import links, selectors


@task()
def send_plan_action_reminder(
    *,
    action_id: int,
    today: str,
    days_before: int = selectors.DEFAULT_REMINDER_DAYS,
    every: int = selectors.DEFAULT_REMINDER_EVERY,
) -> None:
    """Remind the accountable person of a due or late plan action, with a signed link."""
    day = date.fromisoformat(today)
    with transaction.atomic():
        action = selectors.action_for_reminder(action_id=action_id)
        if action is None:
            return
        if not selectors.reminder_is_due(
            action=action, today=day, days_before=days_before, every=every
        ):
            return
        action.reminded_on = day
        action.save(update_fields=["reminded_on"])
        person = action.accountable_person
        late = selectors.health_of(action, day) == selectors.HEALTH_LATE
        with translation.override(person.language or action.table.language):
            if late:
                subject = _("Late in the plan: %(title)s") % {"title": action.title}
            else:
                subject = _("Ending soon in the plan: %(title)s") % {"title": action.title}
            body = _(
                "You are accountable for this action of the plan “%(process)s” of %(table)s:\n\n"
                "%(title)s\nEnd: %(end)s\nStatus: %(status)s\n\n"
                "Tell the table where it stands in one minute, without signing in, "
                "from this personal link (valid 21 days, only for this action):\n%(link)s"
            ) % {
                "process": action.process.title,
                "table": action.table.name,
                "title": action.title,
                "end": action.ends_on.isoformat() if action.ends_on else "—",
                "status": action.status_label,
                "link": links.progress_url(action=action, person_id=person.pk),
            }
        notify(
            user=person,
            table=action.table,
            subject=subject,
            body=body,
            # The page of the action, for when the person is signed in anyway.
            url=reverse(
                "plans:action-detail",
                kwargs={
                    "table_slug": action.table.slug,
                    "process_slug": action.process.slug,
                    "action_id": action.pk,
                },
            ),
            urgent=True,
        )
