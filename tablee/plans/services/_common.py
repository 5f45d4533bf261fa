"""Helpers shared by the plan's services."""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext as _

from tablee.core.errors import Conflict, InvalidInput

NOTE_MAX_LENGTH = 1000
DIRECTIONS = ("up", "down")


def _invalid(field_name: str, message: str) -> InvalidInput:
    return InvalidInput(message, extra={"fields": {field_name: [message]}})


def _stale(what: str) -> Conflict:
    return Conflict(
        _(
            "Someone else changed this %(what)s while you were editing it. "
            "Your changes were not saved: look at their version, then edit again."
        )
        % {"what": what}
    )


def _clean_title(title: str, *, field_name: str = "title", required_message: str) -> str:
    title = (title or "").strip()
    if not title:
        raise _invalid(field_name, required_message)
    if len(title) > 300:
        raise _invalid(
            field_name,
            _("Keep the title under 300 characters; put details in the description."),
        )
    return title


def _next_position(queryset) -> int:
    current = queryset.aggregate(top=Max("position"))["top"]
    return 0 if current is None else current + 1


def _swap(siblings: list, current, direction: str) -> bool:
    """Renumber `siblings` 0..n-1 with `current` moved one place; False at an end."""
    if direction not in DIRECTIONS:
        raise _invalid("direction", _("Choose up or down."))
    index = next(i for i, row in enumerate(siblings) if row.pk == current.pk)
    target = index - 1 if direction == "up" else index + 1
    if target < 0 or target >= len(siblings):
        return False
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, row in enumerate(siblings):
        if row.position != position:
            row.position = position
            row.save(update_fields=["position", "updated_at"])
    return True
