"""Reads of action plans, shaped for their pages, the API and reminders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tablee.accounts.models import User
from tablee.plans.models import (
    ActionPartner,
    ActionStatus,
    Axis,
    Objective,
    PlanAction,
    ProgressUpdate,
)

# Statuses of an action that still has to be carried out.
ACTIVE_STATUSES = (ActionStatus.PLANNED, ActionStatus.UNDER_WAY)
FINISHED_STATUSES = (ActionStatus.DONE, ActionStatus.ABANDONED)
DEFAULT_REMINDER_DAYS = 7
DEFAULT_REMINDER_EVERY = 7

# The health of an action on the dashboard, derived from status and dates.
HEALTH_ON_TRACK = "on_track"
HEALTH_LATE = "late"
HEALTH_BLOCKED = "blocked"
HEALTH_DONE = "done"
HEALTH_ABANDONED = "abandoned"
HEALTH_CHOICES = [
    (HEALTH_ON_TRACK, _("On track")),
    (HEALTH_LATE, pgettext_lazy("plan action", "Late")),
    (HEALTH_BLOCKED, _("Blocked")),
    (HEALTH_DONE, pgettext_lazy("plan action", "Done")),
    (HEALTH_ABANDONED, pgettext_lazy("plan action", "Abandoned")),
]
HEALTH_LABELS = dict(HEALTH_CHOICES)


def health_conditions(today: date) -> dict[str, Q]:
    """Return the condition of each health bucket (they never overlap).

    Late: the status says so, or the end date passed while the action is
    still planned or under way. Blocked: suspended. On track: planned or
    under way and within its dates (or undated).
    """
    past_end = Q(ends_on__isnull=False, ends_on__lt=today)
    active = Q(status__in=ACTIVE_STATUSES)
    return {
        HEALTH_ON_TRACK: active & ~past_end,
        HEALTH_LATE: Q(status=ActionStatus.LATE) | (active & past_end),
        HEALTH_BLOCKED: Q(status=ActionStatus.SUSPENDED),
        HEALTH_DONE: Q(status=ActionStatus.DONE),
        HEALTH_ABANDONED: Q(status=ActionStatus.ABANDONED),
    }


def with_health(actions: QuerySet[PlanAction], today: date) -> QuerySet[PlanAction]:
    """Annotate `health`, one of the HEALTH_* values."""
    return actions.annotate(
        health=Case(
            *[
                When(condition, then=Value(key))
                for key, condition in health_conditions(today).items()
            ],
            default=Value(HEALTH_ON_TRACK),
            output_field=CharField(),
        )
    )


def health_of(action: PlanAction, today: date | None = None) -> str:
    """Return the health of one action in memory (same rules as `with_health`)."""
    today = today or timezone.localdate()
    if action.status == ActionStatus.DONE:
        return HEALTH_DONE
    if action.status == ActionStatus.ABANDONED:
        return HEALTH_ABANDONED
    if action.status == ActionStatus.SUSPENDED:
        return HEALTH_BLOCKED
    if action.status == ActionStatus.LATE:
        return HEALTH_LATE
    if action.ends_on is not None and action.ends_on < today:
        return HEALTH_LATE
    return HEALTH_ON_TRACK


# ---------------------------------------------------------------- processes


def process_get(*, table, process_slug: str):
    """Return the table's process named by `process_slug`, or None."""
    from tablee.processes.models import Process

    return Process.objects.for_table(table).filter(slug=process_slug).first()


def process_get_any(*, process_id: int):
    """Return a process of a live table by id (signed links), or None."""
    from tablee.processes.models import Process

    return (
        Process.objects.select_related("table")
        .filter(pk=process_id, table__deleted_at__isnull=True)
        .first()
    )


# ---------------------------------------------------------------- the plan


def _action_shape(actions: QuerySet[PlanAction]) -> QuerySet[PlanAction]:
    return actions.select_related(
        "accountable_organization", "accountable_person"
    ).prefetch_related(
        Prefetch(
            "partners",
            queryset=ActionPartner.objects.select_related("organization").order_by(
                "organization__name", "id"
            ),
        )
    )


@dataclass
class AxisBlock:
    axis: Axis
    actions: list[PlanAction] = field(default_factory=list)


@dataclass
class ObjectiveBlock:
    objective: Objective
    axes: list[AxisBlock] = field(default_factory=list)
    # Actions of the objective that belong to no axis.
    loose_actions: list[PlanAction] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return len(self.loose_actions) + sum(len(block.actions) for block in self.axes)


def plan_outline(*, process, today: date | None = None) -> list[ObjectiveBlock]:
    """Return the whole plan as objectives → axes → actions (four queries).

    Every action carries `health`; partners are prefetched.
    """
    today = today or timezone.localdate()
    objectives = list(Objective.objects.filter(process=process).order_by("position", "id"))
    axes = list(Axis.objects.filter(objective__process=process).order_by("position", "id"))
    actions = list(
        _action_shape(
            with_health(PlanAction.objects.filter(process=process), today).order_by(
                "position", "id"
            )
        )
    )
    blocks = {o.pk: ObjectiveBlock(objective=o) for o in objectives}
    axis_blocks: dict[int, AxisBlock] = {}
    for axis in axes:
        block = blocks.get(axis.objective_id)
        if block is not None:
            axis_blocks[axis.pk] = AxisBlock(axis=axis)
            block.axes.append(axis_blocks[axis.pk])
    for action in actions:
        if action.axis_id in axis_blocks:
            axis_blocks[action.axis_id].actions.append(action)
        elif action.objective_id in blocks:
            blocks[action.objective_id].loose_actions.append(action)
    return list(blocks.values())


def objective_list(*, process) -> QuerySet[Objective]:
    return Objective.objects.filter(process=process).order_by("position", "id")


def objective_list_with_axes(*, process) -> QuerySet[Objective]:
    """Return the objectives with their axes prefetched and action counts."""
    return (
        objective_list(process=process)
        .annotate(action_count=Count("actions", distinct=True))
        .prefetch_related(Prefetch("axes", queryset=Axis.objects.order_by("position", "id")))
    )


def objective_get(*, process, objective_id: int) -> Objective | None:
    return (
        Objective.objects.filter(process=process, pk=objective_id)
        .annotate(action_count=Count("actions"))
        .first()
    )


def axis_list(*, process) -> QuerySet[Axis]:
    return (
        Axis.objects.filter(objective__process=process)
        .select_related("objective")
        .order_by("objective__position", "objective_id", "position", "id")
    )


def axis_get(*, process, axis_id: int) -> Axis | None:
    return (
        Axis.objects.filter(objective__process=process, pk=axis_id)
        .select_related("objective")
        .annotate(action_count=Count("actions"))
        .first()
    )


def action_list(
    *,
    process,
    health: str = "",
    organization_id: int | None = None,
    status: str = "",
    today: date | None = None,
) -> QuerySet[PlanAction]:
    """Return the process's actions, in plan order, with `health` annotated.

    `organization_id` keeps the actions that organization is accountable for
    or a partner of.
    """
    today = today or timezone.localdate()
    actions = PlanAction.objects.filter(process=process)
    conditions = health_conditions(today)
    if health in conditions:
        actions = actions.filter(conditions[health])
    if status in ActionStatus.values:
        actions = actions.filter(status=status)
    if organization_id:
        actions = actions.filter(
            Q(accountable_organization_id=organization_id)
            | Exists(
                ActionPartner.objects.filter(
                    action=OuterRef("pk"), organization_id=organization_id
                )
            )
        )
    return (
        _action_shape(with_health(actions, today))
        .select_related("objective", "axis")
        .order_by("objective__position", "objective_id", "position", "id")
    )


def dashboard_counts(*, process, today: date | None = None) -> dict[str, int]:
    """Return how many actions are in each health bucket, and the total (one query)."""
    today = today or timezone.localdate()
    aggregates = {
        key: Count("pk", filter=condition) for key, condition in health_conditions(today).items()
    }
    counts = PlanAction.objects.filter(process=process).aggregate(total=Count("pk"), **aggregates)
    return {key: counts[key] or 0 for key in ("total", *aggregates)}


def action_get(*, process, action_id: int, today: date | None = None) -> PlanAction | None:
    """Return one action with everything its page shows, or None."""
    from tablee.actions.models import ActionItem

    today = today or timezone.localdate()
    return (
        _action_shape(with_health(PlanAction.objects.filter(process=process), today))
        .select_related("objective", "axis", "process", "table")
        .prefetch_related(
            Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.select_related("author").order_by(
                    "-reported_on", "-id"
                ),
            ),
            Prefetch(
                "meeting_actions",
                queryset=ActionItem.objects.select_related(
                    "accountable_person", "meeting"
                ).order_by(F("due_date").asc(nulls_last=True), "id"),
            ),
        )
        .filter(pk=action_id)
        .first()
    )


def action_for_update(*, action_id: int) -> PlanAction | None:
    """Return a plan action in a live table, with its table and process (signed links)."""
    return (
        PlanAction.objects.select_related("table", "process", "accountable_person", "objective")
        .filter(pk=action_id, table__deleted_at__isnull=True)
        .first()
    )


def progress_list(*, action) -> QuerySet[ProgressUpdate]:
    return (
        ProgressUpdate.objects.filter(action=action)
        .select_related("author")
        .order_by("-reported_on", "-id")
    )


def progress_get(*, action, update_id: int) -> ProgressUpdate | None:
    return ProgressUpdate.objects.filter(action=action, pk=update_id).first()


# ---------------------------------------------------------------- choices


def plan_people(*, table) -> QuerySet[User]:
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


def plan_organizations(*, table):
    """Return the organizations holding a seat at the table."""
    from tablee.organizations.models import Organization

    return (
        Organization.objects.filter(seats__table=table, seats__closed_at__isnull=True)
        .distinct()
        .order_by("name")
    )


def plan_person_get(*, table, user_id: int) -> User | None:
    return plan_people(table=table).filter(pk=user_id).first()


def plan_organization_get(*, table, organization_id: int):
    return plan_organizations(table=table).filter(pk=organization_id).first()


def process_organizations(*, process):
    """Return the organizations accountable for, or partners of, an action of the process."""
    from tablee.organizations.models import Organization

    # Two indexed subqueries rather than an OR across two joins with DISTINCT,
    # which SQLite plans as a scan of every organization's actions.
    accountable = PlanAction.objects.filter(process=process).values("accountable_organization_id")
    partners = ActionPartner.objects.filter(action__process=process).values("organization_id")
    return Organization.objects.filter(Q(pk__in=accountable) | Q(pk__in=partners)).order_by("name")


def open_meeting_actions(*, table):
    """Return the open follow-up actions of the table not yet tied to a plan action."""
    from tablee.actions.models import OPEN_STATUSES, ActionItem

    return (
        ActionItem.objects.for_table(table)
        .filter(status__in=OPEN_STATUSES, plan_action__isnull=True)
        .select_related("meeting", "accountable_person")
        .order_by(F("due_date").asc(nulls_last=True), "id")
    )


def meeting_action_get(*, table, item_id: int):
    from tablee.actions.models import ActionItem

    return ActionItem.objects.for_table(table).filter(pk=item_id).first()


# ---------------------------------------------------------------- timeline


def timeline_actions(*, process) -> list[PlanAction]:
    """Return the actions in plan order with their objective (one query)."""
    return list(
        with_health(PlanAction.objects.filter(process=process), timezone.localdate())
        .select_related("objective")
        .order_by("objective__position", "objective_id", "position", "id")
    )


# ---------------------------------------------------------------- reminders


def actions_due_for_reminder(
    *,
    today: date,
    days_before: int = DEFAULT_REMINDER_DAYS,
    every: int = DEFAULT_REMINDER_EVERY,
) -> list[int]:
    """Return the ids of plan actions whose accountable person should be reminded.

    An action is due (its end within `days_before` days) or late, still to be
    carried out, in a live table and a process not archived, and its person
    was not reminded in the last `every` days.
    """
    conditions = health_conditions(today)
    due_soon = Q(status__in=ACTIVE_STATUSES, ends_on__gte=today) & Q(
        ends_on__lte=today + timedelta(days=days_before)
    )
    return list(
        PlanAction.objects.filter(
            accountable_person__isnull=False,
            accountable_person__is_active=True,
            table__deleted_at__isnull=True,
            process__archived_at__isnull=True,
        )
        .filter(due_soon | conditions[HEALTH_LATE])
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=today - timedelta(days=every)))
        .values_list("pk", flat=True)
        .order_by("pk")
    )


def reminder_is_due(
    *,
    action: PlanAction,
    today: date,
    days_before: int = DEFAULT_REMINDER_DAYS,
    every: int = DEFAULT_REMINDER_EVERY,
) -> bool:
    """Tell, in memory, whether `action` should get a reminder today (same rules)."""
    person = action.accountable_person
    if person is None or not person.is_active or action.process.archived_at is not None:
        return False
    if action.reminded_on is not None and action.reminded_on > today - timedelta(days=every):
        return False
    health = health_of(action, today)
    due_soon = (
        action.status in ACTIVE_STATUSES
        and action.ends_on is not None
        and today <= action.ends_on <= today + timedelta(days=days_before)
    )
    return health == HEALTH_LATE or due_soon


def action_for_reminder(*, action_id: int) -> PlanAction | None:
    """Return the plan action locked for the reminder's update."""
    return (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("table", "process", "accountable_person")
        .filter(pk=action_id, table__deleted_at__isnull=True)
        .first()
    )
