"""Reads of the frameworks and conditions registers, shaped for their pages."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from tablee.frameworks.models import Condition, Framework


def framework_list(*, table, kind: str = "") -> QuerySet[Framework]:
    """Return the table's frameworks by kind and title, with what they frame counted."""
    frameworks = Framework.objects.for_table(table)
    if kind:
        frameworks = frameworks.filter(kind=kind)
    return frameworks.annotate(
        objective_count=Count("objectives", distinct=True),
        action_count=Count("actions", distinct=True),
    ).order_by("kind", "title", "id")


def framework_get(*, table, framework_id: int) -> Framework | None:
    """Return one framework with the objectives and actions it frames."""
    from tablee.plans.models import Objective, PlanAction

    return (
        Framework.objects.for_table(table)
        .filter(pk=framework_id)
        .prefetch_related(
            Prefetch(
                "objectives",
                queryset=Objective.objects.select_related("process").order_by(
                    "process__title", "position", "id"
                ),
            ),
            Prefetch(
                "actions",
                queryset=PlanAction.objects.select_related("process").order_by(
                    "process__title", "objective__position", "position", "id"
                ),
            ),
        )
        .first()
    )


def objective_choices(*, table) -> list:
    """Return the objectives of the table's processes, for the framework form."""
    from tablee.plans.models import Objective

    return list(
        Objective.objects.for_table(table)
        .select_related("process")
        .order_by("process__title", "process_id", "position", "id")
    )


def action_choices(*, table) -> list:
    """Return the plan actions of the table's processes, for the forms."""
    from tablee.plans.models import PlanAction

    return list(
        PlanAction.objects.for_table(table)
        .select_related("process")
        .order_by("process__title", "process_id", "objective__position", "position", "id")
        .only("id", "title", "table_id", "process__title", "process__id")
    )


def stage_choices(*, table) -> list:
    """Return the stages of the table's processes, for the condition form."""
    from tablee.processes.models import Stage

    return list(
        Stage.objects.for_table(table)
        .select_related("process")
        .order_by("process__title", "process_id", "position", "id")
    )


def decision_choices(*, table, limit: int = 200) -> list:
    """Return the table's most recent decisions, for the condition form."""
    from tablee.decisions.models import Decision

    return list(
        Decision.objects.for_table(table)
        .order_by("-number")
        .only("id", "number", "wording", "table_id")[:limit]
    )


def objectives_by_ids(*, table, ids) -> list:
    from tablee.plans.models import Objective

    return list(Objective.objects.for_table(table).filter(pk__in=list(ids or [])))


def actions_by_ids(*, table, ids) -> list:
    from tablee.plans.models import PlanAction

    return list(PlanAction.objects.for_table(table).filter(pk__in=list(ids or [])))


def stages_by_ids(*, table, ids) -> list:
    from tablee.processes.models import Stage

    return list(Stage.objects.for_table(table).filter(pk__in=list(ids or [])))


def decision_get(*, table, decision_id: int | None):
    from tablee.decisions.models import Decision

    if decision_id is None:
        return None
    return Decision.objects.for_table(table).filter(pk=decision_id).first()


def condition_list(
    *, table, kind: str = "", category: str = "", status: str = ""
) -> QuerySet[Condition]:
    """Return the table's obstacles and favourable conditions, newest first.

    The page's rows carry their actions and stages (two prefetch queries).
    """
    from tablee.plans.models import PlanAction
    from tablee.processes.models import Stage

    conditions = Condition.objects.for_table(table).select_related("decision")
    if kind:
        conditions = conditions.filter(kind=kind)
    if category:
        conditions = conditions.filter(category=category)
    if status:
        conditions = conditions.filter(status=status)
    return conditions.prefetch_related(
        Prefetch("actions", queryset=PlanAction.objects.only("id", "title").order_by("id")),
        Prefetch("stages", queryset=Stage.objects.select_related("process").order_by("id")),
    ).order_by("-noticed_on", "-id")


def condition_get(*, table, condition_id: int) -> Condition | None:
    from tablee.plans.models import PlanAction
    from tablee.processes.models import Stage

    return (
        Condition.objects.for_table(table)
        .filter(pk=condition_id)
        .select_related("decision", "created_by")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=PlanAction.objects.select_related("process").order_by("id"),
            ),
            Prefetch("stages", queryset=Stage.objects.select_related("process").order_by("id")),
        )
        .first()
    )
