"""Write audit entries. Call `record` inside the service's transaction."""

from typing import Any

from django.db import models, transaction

from tablee.core.models import AuditEntry, AuditEvent


def record(
    *,
    event: AuditEvent,
    actor,
    table=None,
    target: models.Model | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that `actor` did `event` on `target`, inside the current transaction."""
    assert transaction.get_connection().in_atomic_block, "audit.record must run in a service"
    assert event in AuditEvent.values, f"unknown audit event {event!r}: add it to AuditEvent"
    changes: dict[str, Any] = {}
    if old is not None:
        changes["old"] = old
    if new is not None:
        changes["new"] = new
    return AuditEntry.objects.create(
        table=table,
        actor=actor if actor is not None and actor.is_authenticated else None,
        event=event,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        changes=changes,
    )
