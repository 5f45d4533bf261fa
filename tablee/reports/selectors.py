"""Reads of a process's plan shaped for the report, the spreadsheet and the import.

The other apps' selectors give the indicators (`results`) and the resources
and funding (`funding`); what they do not offer (actions with the progress
notes of a period, every row of the plan for the spreadsheet, the lookups of
the import) is read here, always through the process, hence one table.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from tablee.plans.models import ActionPartner, Axis, Objective, PlanAction, ProgressUpdate
from tablee.processes.models import Process

PLAN_ORDER = ("objective__position", "objective_id", "position", "id")


def process_get(*, table, process_slug: str) -> Process | None:
    """Return the table's process named by `process_slug`, or None."""
    return (
        Process.objects.for_table(table).filter(slug=process_slug).select_related("table").first()
    )


def objective_list(*, process) -> list[Objective]:
    return list(
        Objective.objects.for_table(process.table_id)
        .filter(process=process)
        .order_by("position", "id")
    )


def _period_updates(start: date | None, end: date | None) -> QuerySet[ProgressUpdate]:
    updates = ProgressUpdate.objects.order_by("reported_on", "id")
    if start is not None:
        updates = updates.filter(reported_on__gte=start)
    if end is not None:
        updates = updates.filter(reported_on__lte=end)
    return updates


def _partners() -> Prefetch:
    return Prefetch(
        "partners",
        queryset=ActionPartner.objects.select_related("organization").order_by(
            "organization__name", "id"
        ),
    )


def report_actions(*, process, start: date | None, end: date | None) -> list[PlanAction]:
    """Return the actions that belong in a report of the period, in plan order.

    An action belongs when its dates meet the period (undated bounds are
    open) or when it has a progress note within it. Each carries
    `period_updates`, oldest first, and its partners. Three queries.
    """
    updates = _period_updates(start, end)
    dated = Q()
    if end is not None:
        dated &= Q(starts_on__isnull=True) | Q(starts_on__lte=end)
    if start is not None:
        dated &= Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    actions = PlanAction.objects.for_table(process.table_id).filter(process=process)
    if start is not None or end is not None:
        actions = actions.filter(dated | Exists(updates.filter(action=OuterRef("pk"))))
    return list(
        actions.select_related(
            "objective", "axis", "accountable_organization", "accountable_person"
        )
        .prefetch_related(
            _partners(),
            Prefetch("progress_updates", queryset=updates, to_attr="period_updates"),
        )
        .order_by(*PLAN_ORDER)
    )


def action_count(*, process) -> int:
    return PlanAction.objects.for_table(process.table_id).filter(process=process).count()


# ---------------------------------------------------------------- spreadsheet


def export_actions(*, process) -> list[PlanAction]:
    """Every action of the process in plan order, with what its sheet row shows."""
    return list(
        PlanAction.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("objective", "axis", "accountable_organization", "accountable_person")
        .prefetch_related(_partners())
        .order_by(*PLAN_ORDER)
    )


def export_indicators(*, process) -> list:
    """Every indicator of the process in plan order, with all its values."""
    from tablee.results.models import IndicatorMeasure, PlanIndicator

    return list(
        PlanIndicator.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("action")
        .prefetch_related(
            Prefetch("measures", queryset=IndicatorMeasure.objects.order_by("measured_on", "id"))
        )
        .order_by(
            "action__objective__position",
            "action__objective_id",
            "action__position",
            "action_id",
            "id",
        )
    )


def export_resources(*, process) -> list:
    """Every resource committed to an action of the process, in plan order."""
    from tablee.funding.models import ResourceCommitment

    return list(
        ResourceCommitment.objects.for_table(process.table_id)
        .filter(action__process=process)
        .select_related("action", "organization")
        .order_by(
            "action__objective__position",
            "action__objective_id",
            "action__position",
            "action_id",
            "id",
        )
    )


# ---------------------------------------------------------------- import lookups


def import_axes(*, process) -> list[Axis]:
    return list(
        Axis.objects.for_table(process.table_id)
        .filter(objective__process=process)
        .order_by("objective_id", "position", "id")
    )


def registry_organizations() -> list:
    """The live organizations of the registry (matched by name or acronym)."""
    from tablee.organizations.models import Organization

    return list(Organization.objects.alive().only("id", "name", "name_key", "acronym_key"))


def seated_organization_ids(*, table) -> set[int]:
    """Organizations holding an open seat at the table (may be accountable or partner)."""
    from tablee.members.models import Seat

    return set(
        Seat.objects.for_table(table)
        .filter(organization__isnull=False, closed_at__isnull=True)
        .values_list("organization_id", flat=True)
    )


def table_people(*, table) -> list:
    """People with a current role at the table (may be accountable for an action)."""
    from tablee.plans.selectors import plan_people

    return list(plan_people(table=table))


def process_summary(*, process) -> dict[str, int]:
    """Counts of the plan's rows, for the import page (one query)."""
    counts = (
        Process.objects.filter(pk=process.pk)
        .annotate(
            objectives=Count("objectives", distinct=True),
            actions=Count("plan_actions", distinct=True),
        )
        .values("objectives", "actions")
        .first()
    )
    return counts or {"objectives": 0, "actions": 0}


def annual_text_get(*, table, year: int):
    """The coordination's saved sections for `year`, or None."""
    from tablee.reports.models import AnnualReportText

    return AnnualReportText.objects.for_table(table).filter(year=year).first()


def annual_text_list(*, table) -> list:
    """Saved sections of every year, newest first (years are few)."""
    from tablee.reports.models import AnnualReportText

    return list(
        AnnualReportText.objects.for_table(table).select_related("updated_by").order_by("-year")
    )
