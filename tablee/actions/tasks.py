"""Background work for notifications: single e-mails, digests, due-date reminders.

Every task takes JSON-serialisable ids, refetches its rows and never raises
because an e-mail failed: the error is kept on the PendingNotification row
(attempts, last_error) and the next `tablee send_digests` run retries it, up
to MAX_ATTEMPTS. That keeps the ImmediateBackend (tests, demo) from ever
turning a mail server outage into an error page.
"""

from __future__ import annotations

import logging
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from tablee.actions import selectors
from tablee.actions.models import PendingNotification
from tablee.actions.notifications import MAX_ATTEMPTS, build_email, notify

logger = logging.getLogger(__name__)


def _record_failure(ids: list[int], error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:300]
    PendingNotification.objects.filter(pk__in=ids).update(
        attempts=F("attempts") + 1, last_error=message
    )
    logger.warning("notification e-mail failed (%s): %s", ids, message)


@task()
def send_notification(*, notification_id: int) -> None:
    """Send one pending notification right away."""
    notification = (
        PendingNotification.objects.select_related("user", "table")
        .filter(pk=notification_id, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .first()
    )
    if notification is None:
        return
    body = notification.body
    if notification.url:
        body += "\n\n" + notification.url
    try:
        build_email(user=notification.user, subject=notification.subject, body=body).send()
    except Exception as error:
        _record_failure([notification.pk], error)
        return
    PendingNotification.objects.filter(pk=notification.pk).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )


@task()
def send_digest(*, user_id: int, period: str) -> None:
    """Send one e-mail gathering a person's waiting notifications."""
    notifications = list(selectors.pending_for_digest(user_id=user_id))
    if not notifications:
        return
    user = notifications[0].user
    with translation.override(user.language or None):
        if period == "weekly":
            subject = _("Your weekly summary: %(count)s message(s)") % {
                "count": len(notifications)
            }
        else:
            subject = _("Your daily summary: %(count)s message(s)") % {"count": len(notifications)}
        parts = []
        for item in notifications:
            heading = f"{item.table.name} — {item.subject}" if item.table else item.subject
            part = f"{heading}\n{'-' * min(len(heading), 70)}\n{item.body}"
            if item.url:
                part += "\n" + item.url
            parts.append(part)
    ids = [item.pk for item in notifications]
    try:
        build_email(user=user, subject=subject, body="\n\n".join(parts)).send()
    except Exception as error:
        _record_failure(ids, error)
        return
    PendingNotification.objects.filter(pk__in=ids).update(
        sent_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
    )


@task()
def send_action_reminder(*, action_id: int, kind: str, today: str, days_before: int = 3) -> None:
    """Remind the accountable person of an action coming due (once per due date).

    `kind` is "soon" (a few days before) or "due" (on the due date). The
    action is locked and its marker checked again, so two overlapping runs
    send one reminder.
    """
    with transaction.atomic():
        action = selectors.action_for_reminder(action_id=action_id)
        if action is None or action.due_date is None:
            return
        if not selectors.reminder_is_due(
            action=action, kind=kind, today=date.fromisoformat(today), days_before=days_before
        ):
            return
        if kind == "due":
            action.due_day_reminded_for = action.due_date
            action.save(update_fields=["due_day_reminded_for"])
        else:
            action.reminded_for = action.due_date
            action.save(update_fields=["reminded_for"])
        person = action.accountable_person
        with translation.override(person.language or action.table.language):
            if kind == "due":
                subject = _("Due today: %(title)s") % {"title": action.title}
            else:
                subject = _("Coming due on %(date)s: %(title)s") % {
                    "date": action.due_date.isoformat(),
                    "title": action.title,
                }
            body = _(
                "You are accountable for this follow-up action of %(table)s:\n\n"
                "%(title)s\nDue: %(date)s\nStatus: %(status)s\n\n"
                "When it is done, mark it as done in Tablée."
            ) % {
                "table": action.table.name,
                "title": action.title,
                "date": action.due_date.isoformat(),
                "status": action.status_label,
            }
        notify(
            user=person,
            table=action.table,
            subject=subject,
            body=body,
            url=action.get_absolute_url(),
            urgent=True,
        )
