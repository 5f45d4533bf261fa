"""Reads of plan indicators, shaped for their pages, the API and the reports."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from tablee.results.models import IndicatorMeasure, PlanIndicator


def process_get(*, table, process_slug: str):
    """Return the process of `table` with this slug, or None."""
    from tablee.processes.models import Process

    return Process.objects.for_table(table).filter(slug=process_slug).first()


def _latest(field: str):
    return Subquery(
        IndicatorMeasure.objects.filter(indicator=OuterRef("pk"))
        .order_by("-measured_on")
        .values(field)[:1]
    )


def with_latest(indicators: QuerySet[PlanIndicator]) -> QuerySet[PlanIndicator]:
    """Annotate `latest_value`, `latest_on` and `measure_count`."""
    return indicators.annotate(
        latest_value=_latest("value"),
        latest_on=_latest("measured_on"),
        measure_count=Count("measures", distinct=True),
    )


def indicator_list(*, process, kind: str = "") -> QuerySet[PlanIndicator]:
    """Return the indicators of a process in plan order, with their latest value."""
    indicators = PlanIndicator.objects.for_table(process.table_id).filter(process=process)
    if kind:
        indicators = indicators.filter(kind=kind)
    return with_latest(indicators.select_related("action", "action__objective")).order_by(
        "action__objective__position",
        "action__objective_id",
        "action__position",
        "action_id",
        "kind",
        "id",
    )


def indicator_get(*, process, indicator_id: int) -> PlanIndicator | None:
    """Return one indicator of the process with its action (and accountable person)."""
    return (
        PlanIndicator.objects.for_table(process.table_id)
        .filter(process=process, pk=indicator_id)
        .select_related("action", "action__objective", "action__accountable_person", "process")
        .first()
    )


def indicator_measures(*, indicator: PlanIndicator) -> list[IndicatorMeasure]:
    """Return every value of the indicator, oldest first."""
    return list(
        IndicatorMeasure.objects.filter(indicator=indicator)
        .select_related("recorded_by")
        .order_by("measured_on")
    )


def measure_get(*, indicator: PlanIndicator, measure_id: int) -> IndicatorMeasure | None:
    return IndicatorMeasure.objects.filter(indicator=indicator, pk=measure_id).first()


def action_choices(*, process) -> list:
    """Return the actions of the process, in plan order, for the indicator form."""
    from tablee.plans.models import PlanAction

    return list(
        PlanAction.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("objective")
        .order_by("objective__position", "objective_id", "position", "id")
        .only("id", "title", "process_id", "table_id", "objective__title", "objective__position")
    )


def action_get(*, process, action_id: int):
    from tablee.plans.models import PlanAction

    return (
        PlanAction.objects.for_table(process.table_id)
        .filter(process=process, pk=action_id)
        .first()
    )


def indicators_with_values(
    process, start: date | None = None, end: date | None = None
) -> list[PlanIndicator]:
    """Return the indicators of a process with their values in a period, for reports.

    Each indicator carries `values`: its measures between `start` and `end`
    (inclusive, either may be None), oldest first, and `latest`: the last of
    them or None. Indicators come in plan order with `action` and
    `action.objective` loaded. Three queries whatever the size.
    """
    measures = IndicatorMeasure.objects.order_by("measured_on")
    if start is not None:
        measures = measures.filter(measured_on__gte=start)
    if end is not None:
        measures = measures.filter(measured_on__lte=end)
    indicators = list(
        PlanIndicator.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("action", "action__objective")
        .prefetch_related(Prefetch("measures", queryset=measures, to_attr="values"))
        .order_by(
            "action__objective__position",
            "action__objective_id",
            "action__position",
            "action_id",
            "kind",
            "id",
        )
    )
    for indicator in indicators:
        indicator.latest = indicator.values[-1] if indicator.values else None
    return indicators
