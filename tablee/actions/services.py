"""Follow-up actions and e-mail preferences: one function per intention."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.actions.models import (
    ActionItem,
    ActionStatus,
    DigestFrequency,
    NotificationPreference,
)
from tablee.actions.notifications import notify
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.core.permissions import role_in

_FIELDS = (
    "title",
    "description",
    "accountable_person_id",
    "accountable_organization_id",
    "due_date",
)


def _snapshot(action: ActionItem) -> dict[str, str]:
    return {
        field: "" if getattr(action, field) is None else str(getattr(action, field))
        for field in _FIELDS
    }


def _check_inputs(*, table, title: str, accountable_person, origin_objects) -> str:
    title = (title or "").strip()
    if not title:
        message = _("Say what has to be done.")
        raise InvalidInput(message, extra={"fields": {"title": [message]}})
    if len(title) > 300:
        message = _("Keep the title under 300 characters; put details in the description.")
        raise InvalidInput(message, extra={"fields": {"title": [message]}})
    if accountable_person is not None and role_in(accountable_person, table) is None:
        message = _("The accountable person must sit at this table.")
        raise InvalidInput(message, extra={"fields": {"accountable_person": [message]}})
    for obj in origin_objects:
        assert obj is None or obj.table_id == table.pk, "origin from another table"
    return title


def _tell_accountable(*, action: ActionItem, actor: User) -> None:
    person = action.accountable_person
    if person is None or person.pk == actor.pk:
        return
    due = action.due_date.isoformat() if action.due_date else _("no due date")
    notify(
        user=person,
        table=action.table,
        subject=_("An action is assigned to you: %(title)s") % {"title": action.title},
        body=_(
            "%(actor)s named you accountable for this follow-up action of %(table)s:\n\n"
            "%(title)s\nDue: %(due)s"
        )
        % {
            "actor": actor.display_name,
            "table": action.table.name,
            "title": action.title,
            "due": due,
        },
        url=action.get_absolute_url(),
    )


@transaction.atomic
def action_create(
    *,
    table,
    actor: User,
    title: str,
    description: str = "",
    accountable_person: User | None = None,
    accountable_organization=None,
    due_date: date | None = None,
    meeting=None,
    agenda_item=None,
    decision=None,
) -> ActionItem:
    """Record a follow-up action, linked to the meeting, item or decision it comes from."""
    title = _check_inputs(
        table=table,
        title=title,
        accountable_person=accountable_person,
        origin_objects=(meeting, agenda_item, decision),
    )
    if agenda_item is not None and meeting is None:
        meeting = agenda_item.meeting
    if decision is not None and meeting is None and decision.meeting_id:
        meeting = decision.meeting
    action = ActionItem.objects.create(
        table=table,
        title=title,
        description=(description or "").strip(),
        accountable_person=accountable_person,
        accountable_organization=accountable_organization,
        due_date=due_date,
        meeting=meeting,
        agenda_item=agenda_item,
        decision=decision,
        created_by=actor,
    )
    audit.record(
        event=AuditEvent.ACTION_CREATED,
        actor=actor,
        table=table,
        target=action,
        new=_snapshot(action),
    )
    _tell_accountable(action=action, actor=actor)
    return action


@transaction.atomic
def action_update(
    *,
    action: ActionItem,
    actor: User,
    title: str,
    description: str,
    accountable_person: User | None,
    accountable_organization,
    due_date: date | None,
    base_revision: int,
) -> ActionItem:
    """Change what, who and when. A stale `base_revision` is refused (Conflict)."""
    current = (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("table", "accountable_person")
        .get(pk=action.pk)
    )
    if current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this action while you were editing it. "
                "Your changes were not saved: look at their version below, then edit again."
            )
        )
    title = _check_inputs(
        table=current.table, title=title, accountable_person=accountable_person, origin_objects=()
    )
    old = _snapshot(current)
    previous_person_id = current.accountable_person_id
    current.title = title
    current.description = (description or "").strip()
    current.accountable_person = accountable_person
    current.accountable_organization = accountable_organization
    current.due_date = due_date
    current.revision += 1
    current.save()
    new = _snapshot(current)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=AuditEvent.ACTION_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    if current.accountable_person_id != previous_person_id:
        _tell_accountable(action=current, actor=actor)
    return current


@transaction.atomic
def action_set_status(
    *, action: ActionItem, actor: User, status: str, base_revision: int | None = None
) -> ActionItem:
    """Move an action to another status (done records when)."""
    if status not in ActionStatus.values:
        message = _("Choose a valid status.")
        raise InvalidInput(message, extra={"fields": {"status": [message]}})
    current = (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=action.pk)
    )
    if base_revision is not None and current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this action in the meantime. "
                "Reload it to see its current status."
            )
        )
    if current.status == status:
        raise InvalidTransition(_("The action already has this status."))
    old_status = current.status
    current.status = status
    current.done_at = timezone.now() if status == ActionStatus.DONE else None
    current.revision += 1
    current.save(update_fields=["status", "done_at", "revision", "updated_at"])
    audit.record(
        event=AuditEvent.ACTION_STATUS_CHANGED,
        actor=actor,
        table=current.table,
        target=current,
        old={"status": old_status},
        new={"status": status},
    )
    return current


@transaction.atomic
def notification_preference_set(
    *, user: User, actor: User, frequency: str
) -> NotificationPreference:
    """Choose how often Tablée e-mails the person."""
    if frequency not in DigestFrequency.values:
        message = _("Choose how often you want e-mails.")
        raise InvalidInput(message, extra={"fields": {"frequency": [message]}})
    preference, _created = NotificationPreference.objects.select_for_update(
        of=("self",)
    ).get_or_create(user=user, defaults={"frequency": DigestFrequency.IMMEDIATE})
    old = preference.frequency
    preference.frequency = frequency
    preference.save()
    audit.record(
        event=AuditEvent.NOTIFICATIONS_UPDATED,
        actor=actor,
        target=user,
        old={"frequency": old},
        new={"frequency": frequency},
    )
    return preference


@transaction.atomic
def notifications_unsubscribe(*, user: User) -> NotificationPreference:
    """Stop every e-mail, from the signed link of an e-mail (no login: the person acts)."""
    return notification_preference_set(user=user, actor=user, frequency=DigestFrequency.NEVER)
