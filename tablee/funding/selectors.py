"""Reads about resources and funding, shaped for their screens and reports.

`resources_by_organization` and `funding_summary` return plain data (lists
and dicts of str, int, Decimal and date) for the report generator.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from tablee.funding.models import (
    BudgetLine,
    Funder,
    FundingProgram,
    ReportingDate,
    ReportingReminder,
    ResourceCommitment,
    ResourceKind,
)

ZERO = Decimal("0")
DEFAULT_LEAD_TIMES = (14, 3)
# Open reporting dates shown on the funding page: late ones and the coming ones.
UPCOMING_DAYS = 120


def _money_sum(field: str, *, filter: Q | None = None):
    return Coalesce(
        Sum(field, filter=filter),
        Value(ZERO),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )


def _overlaps(prefix: str, start: date | None, end: date | None) -> Q:
    """Rows whose [starts_on, ends_on] meets [start, end]; undated bounds are open."""
    q = Q()
    if end is not None:
        q &= Q(**{f"{prefix}starts_on__isnull": True}) | Q(**{f"{prefix}starts_on__lte": end})
    if start is not None:
        q &= Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": start})
    return q


# Processes, actions and organizations (choices of the forms)


def process_get(*, table, slug: str):
    from tablee.processes.models import Process

    return Process.objects.for_table(table).filter(slug=slug).first()


def process_list(*, table):
    from tablee.processes.models import Process

    return Process.objects.for_table(table).order_by("title", "id")


def plan_actions(*, process):
    from tablee.plans.models import PlanAction

    return (
        PlanAction.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("objective")
    )


def plan_action_get(*, process, action_id: int):
    return plan_actions(process=process).filter(pk=action_id).first()


def table_plan_actions(*, table, process=None):
    """Actions a budget line may fund: the program's process, else any of the table."""
    from tablee.plans.models import PlanAction

    actions = PlanAction.objects.for_table(table).select_related("process", "objective")
    if process is not None:
        actions = actions.filter(process=process)
    return actions.order_by("process__title", "objective__position", "position", "id")


def table_plan_action_get(*, table, action_id: int, process=None):
    return table_plan_actions(table=table, process=process).filter(pk=action_id).first()


def committing_organizations(*, table):
    """Organizations that may commit resources: those with a seat, partners, or
    already committing or accountable in this table's plans."""
    from tablee.organizations.models import Organization
    from tablee.plans.models import ActionPartner, PlanAction

    return (
        Organization.objects.filter(deleted_at__isnull=True)
        .filter(
            Q(seats__table=table, seats__closed_at__isnull=True)
            | Q(pk__in=ResourceCommitment.objects.for_table(table).values("organization_id"))
            | Q(pk__in=ActionPartner.objects.for_table(table).values("organization_id"))
            | Q(pk__in=PlanAction.objects.for_table(table).values("accountable_organization_id"))
        )
        .distinct()
        .order_by("name")
    )


def committing_organization_get(*, table, organization_id: int):
    return committing_organizations(table=table).filter(pk=organization_id).first()


def registry_organizations():
    from tablee.organizations.models import Organization

    return Organization.objects.filter(deleted_at__isnull=True).order_by("name")


def registry_organization_get(*, organization_id: int):
    return registry_organizations().filter(pk=organization_id).first()


# Resources


def resource_list(*, process) -> QuerySet[ResourceCommitment]:
    return (
        ResourceCommitment.objects.for_table(process.table_id)
        .filter(action__process=process)
        .select_related("action", "action__objective", "organization")
        .order_by(
            "action__objective__position",
            "action__objective_id",
            "action__position",
            "action_id",
            "organization__name",
            "id",
        )
    )


def resource_get(*, process, commitment_id: int) -> ResourceCommitment | None:
    return resource_list(process=process).filter(pk=commitment_id).first()


def _commitments_in(process, start: date | None, end: date | None):
    return ResourceCommitment.objects.for_table(process.table_id).filter(
        Q(action__process=process) & _overlaps("action__", start, end)
    )


def _totals():
    return {
        "hours": _money_sum("quantity", filter=Q(kind=ResourceKind.STAFF_HOURS)),
        "hours_value": _money_sum("amount", filter=Q(kind=ResourceKind.STAFF_HOURS)),
        "money": _money_sum("amount", filter=Q(kind=ResourceKind.MONEY)),
        "material_value": _money_sum("amount", filter=Q(kind=ResourceKind.MATERIAL)),
        "in_kind_value": _money_sum("amount", filter=Q(kind=ResourceKind.IN_KIND)),
        "total_value": _money_sum("amount"),
        "commitments": Count("id"),
    }


_EMPTY = {
    "hours": ZERO,
    "hours_value": ZERO,
    "money": ZERO,
    "material_value": ZERO,
    "in_kind_value": ZERO,
    "total_value": ZERO,
    "commitments": 0,
}
TOTAL_KEYS = (
    "hours",
    "hours_value",
    "money",
    "material_value",
    "in_kind_value",
    "total_value",
    "commitments",
)


def resources_by_organization(
    process, start: date | None = None, end: date | None = None
) -> list[dict]:
    """Return what each organization commits to the process, largest value first.

    Each row: organization_id, organization (name), hours (staff hours),
    hours_value, money, material_value, in_kind_value, total_value (every
    amount in $, Decimal), commitments and actions (counts). With `start` /
    `end`, only actions whose dates meet that period count (undated actions
    always count).
    """
    rows = (
        _commitments_in(process, start, end)
        .values("organization_id", "organization__name", "organization__acronym")
        .annotate(**_totals(), actions=Count("action_id", distinct=True))
        .order_by()
    )
    result = []
    for row in rows:
        name = row["organization__name"]
        if row["organization__acronym"]:
            name = f"{name} ({row['organization__acronym']})"
        result.append(
            {
                "organization_id": row["organization_id"],
                "organization": name,
                **{key: row[key] for key in TOTAL_KEYS},
                "actions": row["actions"],
            }
        )
    result.sort(key=lambda r: (-r["total_value"], -r["hours"], r["organization"].lower()))
    return result


def resources_by_objective(
    process, start: date | None = None, end: date | None = None
) -> list[dict]:
    """Return the totals per objective of the process, in the plan's order.

    Objectives with nothing committed are listed with zeros.
    """
    from tablee.plans.models import Objective

    rows = {
        row["action__objective_id"]: row
        for row in _commitments_in(process, start, end)
        .values("action__objective_id")
        .annotate(**_totals(), organizations=Count("organization_id", distinct=True))
        .order_by()
    }
    result = []
    for objective in Objective.objects.for_table(process.table_id).filter(process=process):
        row = rows.get(objective.pk)
        result.append(
            {
                "objective_id": objective.pk,
                "objective": objective.title,
                **{
                    key: (row[key] if row else (0 if key == "commitments" else ZERO))
                    for key in TOTAL_KEYS
                },
                "organizations": row["organizations"] if row else 0,
            }
        )
    return result


def resource_totals(process, start: date | None = None, end: date | None = None) -> dict:
    """Return the process's grand totals (same keys as a row by organization)."""
    totals = _commitments_in(process, start, end).aggregate(
        **_totals(), organizations=Count("organization_id", distinct=True)
    )
    return totals


# Funders and programs


def _program_used():
    return _money_sum("budget_lines__amount")


def funder_list(*, table) -> QuerySet[Funder]:
    """Return the funders with their number of programs and total granted."""
    return (
        Funder.objects.for_table(table)
        .select_related("organization")
        .annotate(
            program_count=Count("programs", distinct=True),
            granted=_money_sum("programs__amount"),
        )
        .order_by("name", "id")
    )


def funder_get(*, table, funder_id: int) -> Funder | None:
    return (
        Funder.objects.for_table(table)
        .select_related("table", "organization")
        .filter(pk=funder_id)
        .first()
    )


def program_list(*, funder) -> QuerySet[FundingProgram]:
    return (
        FundingProgram.objects.for_table(funder.table_id)
        .filter(funder=funder)
        .select_related("process")
        .annotate(used=_program_used())
        .order_by("-starts_on", "name", "id")
    )


def program_get(*, table, program_id: int) -> FundingProgram | None:
    return (
        FundingProgram.objects.for_table(table)
        .select_related("table", "funder", "process")
        .annotate(used=_program_used())
        .filter(pk=program_id)
        .first()
    )


def program_used(*, program) -> Decimal:
    """Return the sum of the program's budget lines."""
    return (
        BudgetLine.objects.for_table(program.table_id)
        .filter(program=program)
        .aggregate(used=_money_sum("amount"))["used"]
    )


def program_budget_lines(*, program) -> QuerySet[BudgetLine]:
    return (
        BudgetLine.objects.for_table(program.table_id)
        .filter(program=program)
        .select_related("action", "action__process", "action__objective")
        .order_by(
            "action__process__title", "action__objective__position", "action__position", "id"
        )
    )


def program_reporting_dates(*, program) -> QuerySet[ReportingDate]:
    return ReportingDate.objects.for_table(program.table_id).filter(program=program)


def program_counts(*, program) -> dict[str, int]:
    """Return what deleting the program would remove with it."""
    return {
        "budget_lines": BudgetLine.objects.for_table(program.table_id)
        .filter(program=program)
        .count(),
        "reporting_dates": ReportingDate.objects.for_table(program.table_id)
        .filter(program=program)
        .count(),
    }


def funder_counts(*, funder) -> dict[str, int]:
    return {
        "programs": FundingProgram.objects.for_table(funder.table_id)
        .filter(funder=funder)
        .count(),
        "budget_lines": BudgetLine.objects.for_table(funder.table_id)
        .filter(program__funder=funder)
        .count(),
        "reporting_dates": ReportingDate.objects.for_table(funder.table_id)
        .filter(program__funder=funder)
        .count(),
    }


def reporting_date_get(*, table, reporting_id: int) -> ReportingDate | None:
    return (
        ReportingDate.objects.for_table(table)
        .select_related("table", "program", "program__funder")
        .filter(pk=reporting_id)
        .first()
    )


def budget_line_get(*, table, line_id: int) -> BudgetLine | None:
    return (
        BudgetLine.objects.for_table(table)
        .select_related("table", "program", "program__funder", "program__process", "action")
        .filter(pk=line_id)
        .first()
    )


def upcoming_reporting_dates(
    *, table, today: date, days: int = UPCOMING_DAYS, limit: int = 20
) -> list[ReportingDate]:
    """Return the open reporting dates: late ones first, then the coming `days`.

    Each carries `days_left` (negative when late).
    """
    dates = list(
        ReportingDate.objects.for_table(table)
        .filter(is_done=False, due_on__lte=today + timedelta(days=days))
        .select_related("program", "program__funder")
        .order_by("due_on", "id")[:limit]
    )
    for item in dates:
        item.days_left = (item.due_on - today).days
    return dates


def funders_for_api(*, table) -> QuerySet[Funder]:
    """Funders with their programs (each with `used`) and reporting dates prefetched."""
    programs = (
        FundingProgram.objects.for_table(table)
        .select_related("process")
        .annotate(used=_program_used())
        .prefetch_related(
            Prefetch("reporting_dates", queryset=ReportingDate.objects.order_by("due_on", "id"))
        )
        .order_by("-starts_on", "name", "id")
    )
    return (
        Funder.objects.for_table(table)
        .select_related("organization")
        .prefetch_related(Prefetch("programs", queryset=programs))
        .order_by("name", "id")
    )


def funding_summary(process, start: date | None = None, end: date | None = None) -> dict:
    """Return the funding of a process as plain data, for reports.

    A program counts when it is tied to the process or funds one of its
    actions; with `start` / `end`, only programs whose period meets it, and
    only the reporting dates due within it. Keys: programs (list of dicts),
    total_amount, total_used (budget lines on this process's actions),
    reporting_dates (all of them, soonest first).
    """
    table_id = process.table_id
    funds_process = Exists(
        BudgetLine.objects.filter(program=OuterRef("pk"), action__process=process)
    )
    lines = (
        BudgetLine.objects.filter(action__process=process)
        .select_related("action")
        .order_by("action__objective__position", "action__position", "action_id", "id")
    )
    reporting = ReportingDate.objects.order_by("due_on", "id")
    if start is not None:
        reporting = reporting.filter(due_on__gte=start)
    if end is not None:
        reporting = reporting.filter(due_on__lte=end)
    programs = (
        FundingProgram.objects.for_table(table_id)
        .filter(Q(process=process) | Q(funds_process))
        .filter(_overlaps("", start, end))
        .select_related("funder")
        .annotate(used=_program_used())
        .prefetch_related(
            Prefetch("budget_lines", queryset=lines, to_attr="process_lines"),
            Prefetch("reporting_dates", queryset=reporting, to_attr="due_dates"),
        )
        .order_by("funder__name", "starts_on", "name", "id")
    )
    result = []
    all_dates = []
    for program in programs:
        used_here = sum((line.amount for line in program.process_lines), ZERO)
        dates = [
            {"due_on": d.due_on, "what": d.what, "is_done": d.is_done} for d in program.due_dates
        ]
        all_dates.extend(
            {**d, "funder": program.funder.name, "program": program.name} for d in dates
        )
        result.append(
            {
                "program_id": program.pk,
                "funder": program.funder.name,
                "program": program.name,
                "amount": program.amount,
                "starts_on": program.starts_on,
                "ends_on": program.ends_on,
                "conditions": program.conditions,
                "used": program.used,
                "used_for_process": used_here,
                "remaining": program.amount - program.used,
                "over": program.used > program.amount,
                "budget_lines": [
                    {
                        "action_id": line.action_id,
                        "action": line.action.title,
                        "amount": line.amount,
                        "note": line.note,
                    }
                    for line in program.process_lines
                ],
                "reporting_dates": dates,
            }
        )
    all_dates.sort(key=lambda d: d["due_on"])
    return {
        "programs": result,
        "total_amount": sum((p["amount"] for p in result), ZERO),
        "total_used": sum((p["used_for_process"] for p in result), ZERO),
        "reporting_dates": all_dates,
    }


# Reminders


def table_coordinators(*, table):
    from tablee.accounts.models import User

    return (
        User.objects.filter(
            memberships__table=table,
            memberships__ended_at__isnull=True,
            memberships__role="coordinator",
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )


def _due_lead_times(days_left: int, lead_times, sent: set[int]) -> list[int]:
    return sorted(lead for lead in lead_times if days_left <= lead and lead not in sent)


def reminder_lead_times_due(*, reporting_date, today: date, lead_times) -> list[int]:
    """Return the lead times whose reminder is due today and not yet sent.

    A lead time L is due once the date is L days away or closer (and not
    past). When several are due at once (the command did not run for a
    while), one e-mail covers them all.
    """
    if reporting_date.is_done:
        return []
    days_left = (reporting_date.due_on - today).days
    if days_left < 0:
        return []
    sent = set(
        ReportingReminder.objects.filter(
            reporting_date=reporting_date, due_on=reporting_date.due_on
        ).values_list("days_before", flat=True)
    )
    return _due_lead_times(days_left, lead_times, sent)


def reporting_dates_due_for_reminder(*, today: date, lead_times=DEFAULT_LEAD_TIMES) -> list[int]:
    """Return the ids of open reporting dates, in every live table, owing a reminder."""
    horizon = today + timedelta(days=max(lead_times))
    candidates = (
        ReportingDate.objects.filter(
            is_done=False,
            due_on__gte=today,
            due_on__lte=horizon,
            table__deleted_at__isnull=True,
        )
        .prefetch_related("reminders")
        .order_by("due_on", "id")
    )
    due = []
    for item in candidates:
        sent = {r.days_before for r in item.reminders.all() if r.due_on == item.due_on}
        if _due_lead_times((item.due_on - today).days, lead_times, sent):
            due.append(item.pk)
    return due


def reporting_date_for_reminder(*, reporting_id: int) -> ReportingDate | None:
    """Return the reporting date locked for recording its reminder."""
    return (
        ReportingDate.objects.select_for_update(of=("self",))
        .select_related("table", "program", "program__funder")
        .filter(pk=reporting_id, table__deleted_at__isnull=True)
        .first()
    )
