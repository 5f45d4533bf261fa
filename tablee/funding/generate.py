"""Benchmark data of resources and funding (see tablee/core/generate.py).

For each generated table's process `plan-action` and its plan actions
(written by the plans generator, which runs first): resources committed by
the table's seated organizations on about 80 % of the actions, two funders
with one program each (two for the first, largest table), a few reporting
dates and budget lines within each program's amount. Bulk-created.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from tablee.funding.models import (
    BudgetLine,
    Funder,
    FundingProgram,
    ReportingDate,
    ReportingReminder,
    ResourceCommitment,
    ResourceKind,
)

PROCESS_SLUG = "plan-action"
FUNDER_NAMES = [
    ("Direction régionale de santé publique", "Programme de soutien aux milieux"),
    ("Fondation communautaire générée", "Fonds d'action concertée"),
]
REPORTING_WHAT = [
    "Rapport d'étape annuel",
    "État des dépenses",
    "Bilan final",
]
NOTES = ["", "Temps d'intervention", "Prêt de local", "Contribution au fonds", "Matériel"]


def _resource(rng, *, table_id: int, action_id: int, organization_id: int) -> ResourceCommitment:
    kind = rng.choice(
        [
            ResourceKind.STAFF_HOURS,
            ResourceKind.STAFF_HOURS,
            ResourceKind.MONEY,
            ResourceKind.MATERIAL,
            ResourceKind.IN_KIND,
        ]
    )
    quantity = unit = amount = None
    if kind == ResourceKind.STAFF_HOURS:
        quantity, unit = Decimal(rng.randrange(10, 400)), "h"
        amount = quantity * 35 if rng.random() < 0.5 else None
    elif kind == ResourceKind.MATERIAL:
        quantity, unit = Decimal(rng.randrange(1, 200)), "unités"
        amount = Decimal(rng.randrange(100, 5000))
    else:
        amount = Decimal(rng.randrange(500, 20000))
    return ResourceCommitment(
        table_id=table_id,
        action_id=action_id,
        organization_id=organization_id,
        kind=kind,
        quantity=quantity,
        unit=unit or "",
        amount=amount,
        note=rng.choice(NOTES),
    )


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    from tablee.members.models import Seat
    from tablee.plans.models import PlanAction
    from tablee.processes.models import Process

    table_ids = [t.pk for t in tables]
    first_table_id = min(tables, key=lambda t: t.slug).pk if tables else None
    processes = {
        p.table_id: p
        for p in Process.objects.filter(table_id__in=table_ids, slug=PROCESS_SLUG).only(
            "id", "table_id", "starts_on", "ends_on"
        )
    }
    actions: dict[int, list[int]] = defaultdict(list)
    for action_id, table_id in (
        PlanAction.objects.filter(table_id__in=table_ids, process__slug=PROCESS_SLUG)
        .order_by("id")
        .values_list("id", "table_id")
    ):
        actions[table_id].append(action_id)
    organizations: dict[int, list[int]] = defaultdict(list)
    for table_id, organization_id in (
        Seat.objects.filter(
            table_id__in=table_ids, closed_at__isnull=True, organization__isnull=False
        )
        .order_by("id")
        .values_list("table_id", "organization_id")
    ):
        organizations[table_id].append(organization_id)

    today = timezone.localdate()
    commitments: list[ResourceCommitment] = []
    funders: list[Funder] = []
    for table_id in table_ids:
        process = processes.get(table_id)
        if process is None or not actions[table_id]:
            continue
        orgs = organizations[table_id]
        if orgs:
            for action_id in actions[table_id]:
                if rng.random() < 0.2:
                    continue
                for organization_id in rng.sample(orgs, min(len(orgs), rng.randint(1, 3))):
                    commitments.append(
                        _resource(
                            rng,
                            table_id=table_id,
                            action_id=action_id,
                            organization_id=organization_id,
                        )
                    )
        for name, _program in FUNDER_NAMES:
            funders.append(Funder(table_id=table_id, name=name, contact_name="Personne-ressource"))
    batch(ResourceCommitment, commitments)
    batch(Funder, funders)

    programs: list[FundingProgram] = []
    saved_funders = Funder.objects.filter(table_id__in=table_ids).order_by("table_id", "name")
    program_names = dict(FUNDER_NAMES)
    for funder in saved_funders:
        process = processes[funder.table_id]
        start = process.starts_on or date(today.year - 1, 4, 1)
        end = process.ends_on or start + timedelta(days=3 * 365 - 1)
        count = 2 if funder.table_id == first_table_id else 1
        for number in range(count):
            programs.append(
                FundingProgram(
                    table_id=funder.table_id,
                    funder_id=funder.pk,
                    name=program_names.get(funder.name, "Programme")
                    + (f" — volet {number + 1}" if count > 1 else ""),
                    amount=Decimal(rng.randrange(40, 400) * 1000),
                    starts_on=start,
                    ends_on=end,
                    conditions="Rapport annuel et bilan final.",
                    process_id=process.pk,
                )
            )
    batch(FundingProgram, programs)

    dates: list[ReportingDate] = []
    lines: list[BudgetLine] = []
    for program in FundingProgram.objects.filter(table_id__in=table_ids).order_by("id"):
        for index, what in enumerate(REPORTING_WHAT):
            due = program.starts_on + timedelta(days=365 * (index + 1) - 30)
            if index == len(REPORTING_WHAT) - 1:
                due = program.ends_on
            dates.append(
                ReportingDate(
                    table_id=program.table_id,
                    program_id=program.pk,
                    due_on=due,
                    what=what,
                    is_done=due < today,
                )
            )
        # Half the actions funded, never beyond the program's amount.
        left = program.amount
        for action_id in actions[program.table_id]:
            if rng.random() < 0.5:
                continue
            amount = Decimal(rng.randrange(1, 20) * 500)
            if amount > left:
                break
            left -= amount
            lines.append(
                BudgetLine(
                    table_id=program.table_id,
                    program_id=program.pk,
                    action_id=action_id,
                    amount=amount,
                )
            )
    batch(ReportingDate, dates)
    batch(BudgetLine, lines)
    return {
        "resource commitments": len(commitments),
        "funders": len(funders),
        "funding programs": len(programs),
        "reporting dates": len(dates),
        "budget lines": len(lines),
    }


def delete(*, tables) -> None:
    for model in (
        ReportingReminder,
        BudgetLine,
        ReportingDate,
        FundingProgram,
        Funder,
        ResourceCommitment,
    ):
        model.objects.filter(table__in=tables).delete()
