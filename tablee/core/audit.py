"""Write audit entries. Call `record` inside the service's transaction."""

from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.utils.module_loading import module_has_submodule

from tablee.core.models import AuditEntry, AuditEvent


@cache
def event_labels() -> dict[str, Any]:
    """Every known audit event and its (lazy) label.

    Core events live in `AuditEvent`; an app may declare its own in an
    `audit_events.py` module exposing an `Event` TextChoices class, so apps
    added later do not all edit one shared file.
    """
    labels = dict(AuditEvent.choices)
    for config in apps.get_app_configs():
        if config.name.startswith("tablee.") and module_has_submodule(
            config.module, "audit_events"
        ):
            module = import_module(f"{config.name}.audit_events")
            for value, label in module.Event.choices:
                assert value not in labels, f"audit event {value!r} declared twice"
                labels[value] = label
    return labels


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
    assert event in event_labels(), (
        f"unknown audit event {event!r}: add it to AuditEvent or the app's audit_events.Event"
    )
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
