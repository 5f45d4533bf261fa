"""The plan's structure: objectives and strategies (axes)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import InvalidTransition
from tablee.plans.audit_events import Event
from tablee.plans.models import (
    Axis,
    Objective,
    PlanAction,
)
from tablee.plans.services._common import (
    _clean_title,
    _next_position,
    _stale,
    _swap,
)

# ---------------------------------------------------------------- objectives


@transaction.atomic
def objective_create(*, process, actor: User, title: str, description: str = "") -> Objective:
    """Add an objective at the end of the plan."""
    title = _clean_title(title, required_message=_("Name the objective."))
    objective = Objective.objects.create(
        table=process.table,
        process=process,
        title=title,
        description=(description or "").strip(),
        position=_next_position(Objective.objects.filter(process=process)),
    )
    audit.record(
        event=Event.PLAN_OBJECTIVE_CREATED,
        actor=actor,
        table=process.table,
        target=objective,
        new={"title": objective.title, "process": process.slug},
    )
    return objective


@transaction.atomic
def objective_update(
    *, objective: Objective, actor: User, title: str, description: str, base_revision: int
) -> Objective:
    """Rename or describe an objective. A stale `base_revision` is refused."""
    current = (
        Objective.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=objective.pk)
    )
    if current.revision != base_revision:
        raise _stale(_("objective"))
    title = _clean_title(title, required_message=_("Name the objective."))
    old = {"title": current.title, "description": current.description}
    current.title = title
    current.description = (description or "").strip()
    current.revision += 1
    current.save()
    new = {"title": current.title, "description": current.description}
    changed = [key for key in old if old[key] != new[key]]
    audit.record(
        event=Event.PLAN_OBJECTIVE_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={key: old[key] for key in changed},
        new={key: new[key] for key in changed},
    )
    return current


@transaction.atomic
def objective_move(*, objective: Objective, actor: User, direction: str) -> Objective:
    """Move an objective one place up or down in the plan."""
    siblings = list(
        Objective.objects.select_for_update()
        .filter(process_id=objective.process_id)
        .order_by("position", "id")
    )
    current = next(row for row in siblings if row.pk == objective.pk)
    old_position = siblings.index(current)
    if not _swap(siblings, current, direction):
        raise InvalidTransition(_("This objective is already at that end of the plan."))
    audit.record(
        event=Event.PLAN_OBJECTIVE_MOVED,
        actor=actor,
        table=objective.table,
        target=current,
        old={"position": old_position + 1},
        new={"position": current.position + 1},
    )
    return current


@transaction.atomic
def objective_delete(*, objective: Objective, actor: User) -> None:
    """Delete an objective and its strategies. Refused while it holds actions."""
    current = (
        Objective.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=objective.pk)
    )
    count = PlanAction.objects.filter(objective=current).count()
    if count:
        raise InvalidTransition(
            _(
                "This objective still has %(count)s action(s). Move them to another "
                "objective or delete them first: deleting an objective never deletes actions."
            )
            % {"count": count}
        )
    audit.record(
        event=Event.PLAN_OBJECTIVE_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old={"title": current.title, "axes": current.axes.count()},
    )
    current.delete()


# ---------------------------------------------------------------- axes


@transaction.atomic
def axis_create(*, objective: Objective, actor: User, title: str, description: str = "") -> Axis:
    """Add a strategy (axis) at the end of an objective."""
    title = _clean_title(title, required_message=_("Name the strategy."))
    axis = Axis.objects.create(
        table=objective.table,
        objective=objective,
        title=title,
        description=(description or "").strip(),
        position=_next_position(Axis.objects.filter(objective=objective)),
    )
    audit.record(
        event=Event.PLAN_AXIS_CREATED,
        actor=actor,
        table=objective.table,
        target=axis,
        new={"title": axis.title, "objective": objective.title},
    )
    return axis


@transaction.atomic
def axis_update(
    *, axis: Axis, actor: User, title: str, description: str, base_revision: int
) -> Axis:
    """Rename or describe a strategy. A stale `base_revision` is refused."""
    current = Axis.objects.select_for_update(of=("self",)).select_related("table").get(pk=axis.pk)
    if current.revision != base_revision:
        raise _stale(_("strategy"))
    title = _clean_title(title, required_message=_("Name the strategy."))
    old = {"title": current.title, "description": current.description}
    current.title = title
    current.description = (description or "").strip()
    current.revision += 1
    current.save()
    new = {"title": current.title, "description": current.description}
    changed = [key for key in old if old[key] != new[key]]
    audit.record(
        event=Event.PLAN_AXIS_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={key: old[key] for key in changed},
        new={key: new[key] for key in changed},
    )
    return current


@transaction.atomic
def axis_move(*, axis: Axis, actor: User, direction: str) -> Axis:
    """Move a strategy one place up or down within its objective."""
    siblings = list(
        Axis.objects.select_for_update()
        .filter(objective_id=axis.objective_id)
        .order_by("position", "id")
    )
    current = next(row for row in siblings if row.pk == axis.pk)
    old_position = siblings.index(current)
    if not _swap(siblings, current, direction):
        raise InvalidTransition(_("This strategy is already at that end of its objective."))
    audit.record(
        event=Event.PLAN_AXIS_MOVED,
        actor=actor,
        table=axis.table,
        target=current,
        old={"position": old_position + 1},
        new={"position": current.position + 1},
    )
    return current


@transaction.atomic
def axis_delete(*, axis: Axis, actor: User) -> None:
    """Delete a strategy; its actions stay under the objective, without strategy."""
    current = Axis.objects.select_for_update(of=("self",)).select_related("table").get(pk=axis.pk)
    kept = PlanAction.objects.filter(axis=current).update(axis=None)
    audit.record(
        event=Event.PLAN_AXIS_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old={"title": current.title, "actions_kept": kept},
    )
    current.delete()
