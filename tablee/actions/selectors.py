"""Reads about follow-up actions and notifications, shaped for their screens."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import BooleanField, Case, F, Q, QuerySet, Value, When
from django.utils import timezone

from tablee.accounts.models import User
from tablee.actions.models import (
    OPEN_STATUSES,
    ActionItem,
    DigestFrequency,
    NotificationPreference,
    PendingNotification,
)
from tablee.actions.notifications import MAX_ATTEMPTS
from tablee.core.permissions import roles_of

DEFAULT_REMINDER_DAYS = 3


def _shaped(actions: QuerySet[ActionItem]) -> QuerySet[ActionItem]:
    return actions.select_related(
        "table",
        "accountable_person",
        "accountable_organization",
        "meeting",
        "agenda_item",
        "decision",
    )


def _overdue_first(actions: QuerySet[ActionItem], today: date) -> QuerySet[ActionItem]:
    return actions.annotate(
        overdue=Case(
            When(Q(status__in=OPEN_STATUSES, due_date__lt=today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    ).order_by("-overdue", F("due_date").asc(nulls_last=True), "id")


def action_list(
    *,
    table,
    status: str = "",
    person_id: int | None = None,
    organization_id: int | None = None,
    overdue: bool = False,
    today: date | None = None,
) -> QuerySet[ActionItem]:
    """Return the table's actions, filtered, soonest due first (undated last)."""
    today = today or timezone.localdate()
    actions = ActionItem.objects.for_table(table)
    if status == "open":
        actions = actions.filter(status__in=OPEN_STATUSES)
    elif status:
        actions = actions.filter(status=status)
    if person_id:
        actions = actions.filter(accountable_person_id=person_id)
    if organization_id:
        actions = actions.filter(accountable_organization_id=organization_id)
    if overdue:
        actions = actions.filter(status__in=OPEN_STATUSES, due_date__lt=today)
    return _shaped(actions).order_by(F("due_date").asc(nulls_last=True), "id")


def action_get(*, table, action_id: int) -> ActionItem | None:
    return (
        _shaped(ActionItem.objects.for_table(table))
        .select_related("plan_action", "plan_action__process")
        .filter(pk=action_id)
        .first()
    )


def my_actions(*, user, today: date | None = None) -> QuerySet[ActionItem]:
    """Return the person's open actions in the live tables where they hold a role.

    Overdue first, then by due date. An action of a table the person left is
    not shown: they no longer see that table.
    """
    today = today or timezone.localdate()
    actions = ActionItem.objects.filter(
        accountable_person=user,
        status__in=OPEN_STATUSES,
        table_id__in=list(roles_of(user)),
    )
    return _overdue_first(_shaped(actions), today)


def overdue_actions(*, table, limit: int = 5, today: date | None = None) -> list[ActionItem]:
    """Return up to `limit` open actions of the table past their due date (oldest first).

    For the table's home page.
    """
    today = today or timezone.localdate()
    actions = ActionItem.objects.for_table(table).filter(
        status__in=OPEN_STATUSES, due_date__lt=today
    )
    return list(_shaped(actions).order_by("due_date", "id")[:limit])


def action_people(*, table) -> QuerySet[User]:
    """Return the people of the table (who can be accountable for an action)."""
    return (
        User.objects.filter(
            memberships__table=table,
            memberships__ended_at__isnull=True,
            is_active=True,
        )
        .distinct()
        .order_by("full_name", "email")
    )


def action_organizations(*, table):
    """Return the organizations holding a seat at the table, or already accountable."""
    from tablee.organizations.models import Organization

    return (
        Organization.objects.filter(
            Q(seats__table=table, seats__closed_at__isnull=True)
            | Q(pk__in=ActionItem.objects.for_table(table).values("accountable_organization_id"))
        )
        .distinct()
        .order_by("name")
    )


def action_person_get(*, table, user_id: int) -> User | None:
    return action_people(table=table).filter(pk=user_id).first()


def action_organization_get(*, table, organization_id: int):
    return action_organizations(table=table).filter(pk=organization_id).first()


def origin_meeting_get(*, table, meeting_id: int):
    from tablee.meetings.models import Meeting

    return Meeting.objects.for_table(table).filter(pk=meeting_id).first()


def origin_item_get(*, table, item_id: int):
    from tablee.meetings.models import AgendaItem

    return AgendaItem.objects.for_table(table).select_related("meeting").filter(pk=item_id).first()


def origin_decision_get(*, table, decision_id: int):
    from tablee.decisions.models import Decision

    return Decision.objects.for_table(table).filter(pk=decision_id).first()


# Notifications


def notification_preference_get(*, user) -> NotificationPreference:
    """Return the person's preference (unsaved default when never chosen)."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user, frequency=DigestFrequency.IMMEDIATE)


def user_get(*, user_id: int) -> User | None:
    return User.objects.filter(pk=user_id, is_active=True).first()


def pending_for_digest(*, user_id: int) -> QuerySet[PendingNotification]:
    return (
        PendingNotification.objects.filter(
            user_id=user_id, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS
        )
        .select_related("user", "table")
        .order_by("created_at", "id")
    )


def digest_recipients(*, period: str) -> list[int]:
    """Return the ids of people reading `period` digests who have something waiting."""
    return list(
        PendingNotification.objects.filter(
            sent_at__isnull=True,
            attempts__lt=MAX_ATTEMPTS,
            user__notification_preference__frequency=period,
        )
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )


def notifications_to_retry() -> list[int]:
    """Return the ids of immediate messages whose sending failed and may be retried.

    Digest readers' failed rows are retried with their next digest.
    """
    return list(
        PendingNotification.objects.filter(
            sent_at__isnull=True, attempts__gt=0, attempts__lt=MAX_ATTEMPTS
        )
        .exclude(
            user__notification_preference__frequency__in=[
                DigestFrequency.DAILY,
                DigestFrequency.WEEKLY,
                DigestFrequency.NEVER,
            ]
        )
        .values_list("pk", flat=True)
        .order_by("pk")
    )


# Reminders


def reminder_is_due(*, action: ActionItem, kind: str, today: date, days_before: int = 0) -> bool:
    """Tell whether `action` should get a `kind` reminder today (not yet sent for its due date)."""
    if action.status not in OPEN_STATUSES or action.due_date is None:
        return False
    if action.accountable_person_id is None:
        return False
    if kind == "due":
        return action.due_date == today and action.due_day_reminded_for != action.due_date
    window_end = today + timedelta(days=days_before or DEFAULT_REMINDER_DAYS)
    return today < action.due_date <= window_end and action.reminded_for != action.due_date


def actions_due_for_reminder(
    *, today: date, days_before: int = DEFAULT_REMINDER_DAYS
) -> list[tuple[int, str]]:
    """Return (action id, kind) pairs needing a reminder today, in every live table."""
    base = ActionItem.objects.filter(
        status__in=OPEN_STATUSES,
        accountable_person__isnull=False,
        accountable_person__is_active=True,
        table__deleted_at__isnull=True,
    )
    soon = (
        base.filter(due_date__gt=today, due_date__lte=today + timedelta(days=days_before))
        .exclude(reminded_for=F("due_date"))
        .values_list("pk", flat=True)
    )
    due = (
        base.filter(due_date=today)
        .exclude(due_day_reminded_for=F("due_date"))
        .values_list("pk", flat=True)
    )
    return [(pk, "soon") for pk in soon] + [(pk, "due") for pk in due]


def action_for_reminder(*, action_id: int) -> ActionItem | None:
    """Return the action locked for the reminder's update."""
    return (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("table", "accountable_person")
        .filter(pk=action_id, table__deleted_at__isnull=True)
        .first()
    )
