"""Writes of the reports app: importing a plan workbook, all or nothing.

The import touches five levels of three apps (plans, results, funding) in
one go. Calling their services row by row would write one audit entry per
row and could leave half a plan behind on a late error, so a single durable
transaction re-checks the whole file against the current plan, writes it,
and records one audit entry that sums it up.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.funding.models import ResourceCommitment
from tablee.plans.models import ActionPartner, Axis, Objective, PlanAction
from tablee.processes.models import Process
from tablee.reports.audit_events import Event
from tablee.reports.importing import CREATE, UPDATE, ImportPlan, build_plan, title_key
from tablee.reports.models import AnnualReportText
from tablee.results.models import IndicatorMeasure, PlanIndicator


def _next_position(queryset) -> int:
    top = queryset.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


@transaction.atomic(durable=True)
def plan_import(*, process: Process, actor, sheets: dict[str, list[dict]]) -> dict[str, int]:
    """Create and update the plan's rows from a checked workbook; return the counts.

    The rows are checked again inside the transaction, with the process
    locked, so a change made since the preview is taken into account; any
    row error refuses the whole import (InvalidInput whose `extra["rows"]`
    lists `(sheet, row, message)`) and nothing is written. Rows of the plan
    absent from the file are left as they are.
    """
    locked = Process.objects.select_for_update().select_related("table").get(pk=process.pk)
    plan = build_plan(process=locked, sheets=sheets)
    if plan.has_errors:
        raise InvalidInput(
            _("Some rows have errors; nothing was imported."), extra={"rows": plan.errors}
        )
    counts = plan.counts
    if plan.changes:
        _write(plan, process=locked, actor=actor)
    audit.record(
        event=Event.REPORTS_PLAN_IMPORTED,
        actor=actor,
        table=locked.table,
        target=locked,
        new=counts,
    )
    return counts


def _write(plan: ImportPlan, *, process: Process, actor) -> None:
    table_id = process.table_id
    user = actor if actor is not None and actor.is_authenticated else None

    # Objectives, by their title's key.
    objectives: dict[str, Objective] = {}
    for objective in Objective.objects.for_table(table_id).filter(process=process):
        objectives.setdefault(title_key(objective.title), objective)
    position = _next_position(Objective.objects.for_table(table_id).filter(process=process))
    for line in plan.sheet("objectives").rows:
        key = title_key(line.data["title"])
        if line.outcome == CREATE:
            objectives[key] = Objective.objects.create(
                table_id=table_id, process=process, position=position, **line.data
            )
            position += 1
        elif line.outcome == UPDATE:
            objective = line.target
            objective.title = line.data["title"]
            objective.description = line.data["description"]
            objective.revision += 1
            objective.save()
            objectives[key] = objective

    # Strategies named in the Actions sheet that do not exist yet.
    axes: dict[tuple[str, str], Axis] = {}
    for axis in (
        Axis.objects.for_table(table_id)
        .filter(objective__process=process)
        .select_related("objective")
    ):
        key = (title_key(axis.objective.title), title_key(axis.title))
        axes.setdefault(key, axis)
    for (objective_key, axis_key), title in plan.new_axes.items():
        objective = objectives[objective_key]
        axes[(objective_key, axis_key)] = Axis.objects.create(
            table_id=table_id,
            objective=objective,
            title=title,
            position=_next_position(Axis.objects.filter(objective=objective)),
        )

    # Actions and their partners.
    actions: dict[str, PlanAction] = {}
    for action in PlanAction.objects.for_table(table_id).filter(process=process):
        actions.setdefault(title_key(action.title), action)
    for line in plan.sheet("actions").rows:
        data = line.data
        objective = objectives[data["objective"]]
        axis = axes[data["axis"]] if data["axis"] else None
        if line.outcome == CREATE:
            action = PlanAction(table_id=table_id, process=process)
        elif line.outcome == UPDATE:
            action = line.target
            action.revision += 1
        else:
            continue
        moved = (action.objective_id, action.axis_id) != (objective.pk, getattr(axis, "pk", None))
        action.objective = objective
        action.axis = axis
        action.title = data["title"]
        action.description = data["description"]
        action.starts_on = data["starts_on"]
        action.ends_on = data["ends_on"]
        action.status = data["status"]
        action.origin = data["origin"]
        action.accountable_organization = data["organization"]
        action.accountable_person = data["person"]
        if moved:
            action.position = _next_position(
                PlanAction.objects.filter(objective=objective, axis=axis)
            )
        action.save()
        ActionPartner.objects.filter(action=action).delete()
        ActionPartner.objects.bulk_create(
            [
                ActionPartner(
                    table_id=table_id,
                    action=action,
                    organization=organization,
                    role=role,
                    role_detail=detail,
                )
                for organization, role, detail in data["partners"]
            ]
        )
        actions[title_key(data["title"])] = action

    # Indicators, by action and name.
    indicators: dict[tuple[str, str], PlanIndicator] = {}
    for indicator in (
        PlanIndicator.objects.for_table(table_id).filter(process=process).select_related("action")
    ):
        key = (title_key(indicator.action.title), title_key(indicator.name))
        indicators.setdefault(key, indicator)
    fields = (
        "name",
        "kind",
        "unit",
        "baseline_value",
        "baseline_on",
        "target_value",
        "target_on",
        "source",
    )
    for line in plan.sheet("indicators").rows:
        data = line.data
        if line.outcome == CREATE:
            indicator = PlanIndicator(
                table_id=table_id,
                process=process,
                action=actions[data["action"]],
                created_by=user,
            )
        elif line.outcome == UPDATE:
            indicator = line.target
            indicator.revision += 1
        else:
            continue
        for name in fields:
            setattr(indicator, name, data[name])
        indicator.save()
        indicators[(data["action"], title_key(data["name"]))] = indicator

    # Measured values, by indicator and date.
    new_measures = []
    for line in plan.sheet("values").rows:
        data = line.data
        if line.outcome == CREATE:
            new_measures.append(
                IndicatorMeasure(
                    table_id=table_id,
                    indicator=indicators[data["indicator"]],
                    measured_on=data["measured_on"],
                    value=data["value"],
                    source=data["source"],
                    note=data["note"],
                    recorded_by=user,
                )
            )
        elif line.outcome == UPDATE:
            measure = line.target
            measure.value = data["value"]
            measure.source = data["source"]
            measure.note = data["note"]
            measure.save()
    IndicatorMeasure.objects.bulk_create(new_measures)

    # Resources, by action, organization and kind.
    new_commitments = []
    for line in plan.sheet("resources").rows:
        data = line.data
        values = {
            "kind": data["kind"],
            "quantity": data["quantity"],
            "unit": data["unit"],
            "amount": data["amount"],
            "note": data["note"],
        }
        if line.outcome == CREATE:
            new_commitments.append(
                ResourceCommitment(
                    table_id=table_id,
                    action=actions[data["action"]],
                    organization=data["organization"],
                    created_by=user,
                    **values,
                )
            )
        elif line.outcome == UPDATE:
            commitment = line.target
            for name, value in values.items():
                setattr(commitment, name, value)
            commitment.revision += 1
            commitment.save()
    ResourceCommitment.objects.bulk_create(new_commitments)


MAX_TEXT = 20000


@transaction.atomic
def annual_text_save(
    *, table, actor, year: int, introduction: str, outlook: str, revision: int
) -> AnnualReportText:
    """Save the coordination's introduction and outlook for `year`.

    `revision` is the one the writer started from (0 for a year with no text
    yet): a save made meanwhile by someone else is refused, not overwritten.
    """
    from tablee.reports.annual import check_year

    year = check_year(year)
    introduction, outlook = introduction.strip(), outlook.strip()
    if len(introduction) > MAX_TEXT or len(outlook) > MAX_TEXT:
        raise InvalidInput(_("Each section has %(max)s characters at most.") % {"max": MAX_TEXT})
    text = (
        AnnualReportText.objects.select_for_update(of=("self",))
        .filter(table=table, year=year)
        .first()
    )
    current = text.revision if text else 0
    if current != revision:
        raise Conflict(
            _("Someone saved these sections in the meantime. Review their text and save again."),
            extra={"revision": current},
        )
    old = {"introduction": text.introduction, "outlook": text.outlook} if text else None
    if text is None:
        text = AnnualReportText(table=table, year=year)
    else:
        text.revision += 1
    text.introduction, text.outlook, text.updated_by = introduction, outlook, actor
    text.save()
    audit.record(
        table=table,
        actor=actor,
        event=Event.REPORTS_ANNUAL_TEXT_SAVED,
        target=text,
        old=old,
        new={"year": year, "introduction": introduction, "outlook": outlook},
    )
    return text
