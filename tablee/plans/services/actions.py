"""Actions of the plan and their partners."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import InvalidTransition
from tablee.core.permissions import role_in
from tablee.plans import selectors
from tablee.plans.audit_events import Event
from tablee.plans.models import (
    ActionOrigin,
    ActionPartner,
    ActionStatus,
    Axis,
    Objective,
    PartnerRole,
    PlanAction,
    ProgressUpdate,
)
from tablee.plans.services._common import (
    _clean_title,
    _invalid,
    _next_position,
    _stale,
    _swap,
)

# ---------------------------------------------------------------- actions


@dataclass
class PartnerInput:
    organization: object
    role: str = PartnerRole.CONTRIBUTES
    role_detail: str = ""


@dataclass
class ActionInput:
    title: str
    objective: Objective | None
    description: str = ""
    axis: Axis | None = None
    accountable_organization: object = None
    accountable_person: User | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    status: str = ActionStatus.PLANNED
    origin: str = ActionOrigin.CO_CONSTRUCTED
    partners: list[PartnerInput] = field(default_factory=list)


_FIELDS = (
    "title",
    "description",
    "objective_id",
    "axis_id",
    "accountable_organization_id",
    "accountable_person_id",
    "starts_on",
    "ends_on",
    "status",
    "origin",
)


def _snapshot(action: PlanAction, partners=None) -> dict[str, str]:
    data = {
        name: "" if getattr(action, name) is None else str(getattr(action, name))
        for name in _FIELDS
    }
    if partners is not None:
        data["partners"] = ", ".join(
            f"{p.organization_id}:{p.role}"
            for p in sorted(partners, key=lambda p: p.organization_id)
        )
    return data


def _check_action(*, process, data: ActionInput, current: PlanAction | None = None) -> ActionInput:
    """Validate an action's input against the plan and the table; raise InvalidInput."""
    table = process.table
    data.title = _clean_title(data.title, required_message=_("Say what the action is."))
    data.description = (data.description or "").strip()
    if data.objective is None:
        raise _invalid("objective", _("Choose the objective this action serves."))
    assert data.objective.table_id == table.pk, "objective from another table"
    if data.objective.process_id != process.pk:
        raise _invalid("objective", _("This objective belongs to another process."))
    if data.axis is not None:
        assert data.axis.table_id == table.pk, "axis from another table"
        if data.axis.objective_id != data.objective.pk:
            raise _invalid(
                "axis",
                _("This strategy belongs to another objective. Choose one of “%(title)s”.")
                % {"title": data.objective.title},
            )
    organization = data.accountable_organization
    unchanged_org = (
        current is not None
        and organization is not None
        and (organization.pk == current.accountable_organization_id)
    )
    if (
        organization is not None
        and not unchanged_org
        and selectors.plan_organization_get(table=table, organization_id=organization.pk) is None
    ):
        raise _invalid(
            "accountable_organization",
            _("The accountable organization must hold a seat at the table."),
        )
    person = data.accountable_person
    unchanged_person = (
        current is not None and person is not None and (person.pk == current.accountable_person_id)
    )
    if person is not None and not unchanged_person and role_in(person, table) is None:
        raise _invalid("accountable_person", _("The accountable person must sit at this table."))
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        raise _invalid("ends_on", _("The end comes before the start. Check the dates."))
    if data.status not in ActionStatus.values:
        raise _invalid("status", _("Choose a valid status."))
    if data.origin not in ActionOrigin.values:
        raise _invalid(
            "origin", _("Say whether the action was fixed in advance or co-constructed.")
        )
    seen: set[int] = set()
    kept_partners = (
        {p.organization_id for p in current.partners.all()} if current is not None else set()
    )
    for partner in data.partners:
        org = partner.organization
        if org.pk in seen:
            raise _invalid(
                "partners", _("%(name)s is listed twice as a partner.") % {"name": org.name}
            )
        seen.add(org.pk)
        if (
            org.pk not in kept_partners
            and selectors.plan_organization_get(table=table, organization_id=org.pk) is None
        ):
            raise _invalid(
                "partners",
                _("%(name)s holds no seat at the table and cannot be a partner.")
                % {"name": org.name},
            )
        if partner.role not in PartnerRole.values:
            raise _invalid("partners", _("Choose a valid role for each partner."))
        partner.role_detail = (partner.role_detail or "").strip()
        if len(partner.role_detail) > 200:
            raise _invalid("partners", _("Describe each partner's role in under 200 characters."))
    return data


def _apply(action: PlanAction, data: ActionInput) -> None:
    action.title = data.title
    action.description = data.description
    action.objective = data.objective
    action.axis = data.axis
    action.accountable_organization = data.accountable_organization
    action.accountable_person = data.accountable_person
    action.starts_on = data.starts_on
    action.ends_on = data.ends_on
    action.status = data.status
    action.origin = data.origin


def _write_partners(action: PlanAction, partners: list[PartnerInput]) -> list[ActionPartner]:
    ActionPartner.objects.filter(action=action).delete()
    return ActionPartner.objects.bulk_create(
        [
            ActionPartner(
                table_id=action.table_id,
                action=action,
                organization=p.organization,
                role=p.role,
                role_detail=p.role_detail,
            )
            for p in partners
        ]
    )


@transaction.atomic
def plan_action_create(*, process, actor: User, data: ActionInput) -> PlanAction:
    """Add an action to the plan, with its partners (all or nothing)."""
    data = _check_action(process=process, data=data)
    action = PlanAction(table=process.table, process=process)
    _apply(action, data)
    action.position = _next_position(
        PlanAction.objects.filter(objective=data.objective, axis=data.axis)
    )
    action.save()
    partners = _write_partners(action, data.partners)
    audit.record(
        event=Event.PLAN_ACTION_CREATED,
        actor=actor,
        table=process.table,
        target=action,
        new=_snapshot(action, partners),
    )
    return action


@transaction.atomic
def plan_action_update(
    *, action: PlanAction, actor: User, data: ActionInput, base_revision: int
) -> PlanAction:
    """Change an action and its partners. A stale `base_revision` is refused."""
    current = (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("table", "process", "process__table")
        .get(pk=action.pk)
    )
    if current.revision != base_revision:
        raise _stale(_("action"))
    old_partners = list(current.partners.all())
    data = _check_action(process=current.process, data=data, current=current)
    old = _snapshot(current, old_partners)
    moved = (current.objective_id, current.axis_id) != (
        data.objective.pk,
        data.axis.pk if data.axis else None,
    )
    _apply(current, data)
    if moved:
        current.position = _next_position(
            PlanAction.objects.filter(objective=data.objective, axis=data.axis)
        )
    current.revision += 1
    current.save()
    partners = _write_partners(current, data.partners)
    new = _snapshot(current, partners)
    changed = [key for key in old if old[key] != new[key]]
    audit.record(
        event=Event.PLAN_ACTION_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={key: old[key] for key in changed},
        new={key: new[key] for key in changed},
    )
    return current


@transaction.atomic
def plan_action_move(*, action: PlanAction, actor: User, direction: str) -> PlanAction:
    """Move an action one place up or down within its strategy (or objective)."""
    siblings = list(
        PlanAction.objects.select_for_update()
        .filter(objective_id=action.objective_id, axis_id=action.axis_id)
        .order_by("position", "id")
    )
    current = next(row for row in siblings if row.pk == action.pk)
    old_position = siblings.index(current)
    if not _swap(siblings, current, direction):
        raise InvalidTransition(_("This action is already at that end of its list."))
    audit.record(
        event=Event.PLAN_ACTION_MOVED,
        actor=actor,
        table=action.table,
        target=current,
        old={"position": old_position + 1},
        new={"position": current.position + 1},
    )
    return current


@transaction.atomic
def plan_action_delete(*, action: PlanAction, actor: User) -> None:
    """Delete an action, its partners and progress updates (files after commit).

    Meeting actions attached to it stay, no longer attached.
    """
    current = (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=action.pk)
    )
    names = [
        name
        for name in ProgressUpdate.objects.filter(action=current)
        .exclude(evidence="")
        .values_list("evidence", flat=True)
        if name
    ]
    audit.record(
        event=Event.PLAN_ACTION_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old=_snapshot(current, list(current.partners.all())),
    )
    current.delete()

    def _remove_files() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(_remove_files)
