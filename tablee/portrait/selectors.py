"""Reads of the portrait and diagnostic, shaped for their screens."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from tablee.portrait.models import (
    Coverage,
    EvidenceDocument,
    Need,
    Strength,
    TerritoryIndicator,
    TerritoryValue,
)

# -- indicators ------------------------------------------------------------


def _with_values(indicators: QuerySet[TerritoryIndicator]) -> QuerySet[TerritoryIndicator]:
    return indicators.select_related("process").prefetch_related(
        Prefetch("values", queryset=TerritoryValue.objects.order_by("year"))
    )


def indicator_list(*, table, process_id: int | None = None) -> QuerySet[TerritoryIndicator]:
    """Return the table's indicators with their values (by year), by name."""
    indicators = TerritoryIndicator.objects.for_table(table)
    if process_id:
        indicators = indicators.filter(process_id=process_id)
    return _with_values(indicators).order_by("name", "geography", "id")


def indicator_get(*, table, indicator_id: int) -> TerritoryIndicator | None:
    return (
        _with_values(TerritoryIndicator.objects.for_table(table))
        .select_related("table")
        .filter(pk=indicator_id)
        .first()
    )


def indicator_choices(*, table) -> QuerySet[TerritoryIndicator]:
    """Return the table's indicators for a choice of evidence (no values)."""
    return TerritoryIndicator.objects.for_table(table).order_by("name", "geography", "id")


def indicator_series(*, indicator: TerritoryIndicator) -> list[tuple[int, TerritoryValue | None]]:
    """Return (year, value row or None) for every year from the first to the last.

    A year inside the range with no row is missing data too: it is listed
    with None, so the chart shows a gap and the table says « missing ».
    Reads the prefetched values (no query).
    """
    rows = {value.year: value for value in indicator.values.all()}
    if not rows:
        return []
    return [(year, rows.get(year)) for year in range(min(rows), max(rows) + 1)]


def latest_value(indicator: TerritoryIndicator) -> TerritoryValue | None:
    """Return the most recent known (non-missing) value, from the prefetch."""
    known = [value for value in indicator.values.all() if value.value is not None]
    return known[-1] if known else None


def indicators_for_import(*, table) -> QuerySet[TerritoryIndicator]:
    return TerritoryIndicator.objects.for_table(table)


def values_by_indicator_year(*, table) -> dict[tuple[int, int], Decimal | None]:
    """Return {(indicator id, year): value} for every value of the table."""
    return {
        (indicator_id, year): value
        for indicator_id, year, value in TerritoryValue.objects.for_table(table).values_list(
            "indicator_id", "year", "value"
        )
    }


def value_get(*, indicator: TerritoryIndicator, year: int) -> TerritoryValue | None:
    return TerritoryValue.objects.filter(
        table_id=indicator.table_id, indicator=indicator, year=year
    ).first()


# -- needs and strengths ---------------------------------------------------


def _shaped_findings(findings: QuerySet) -> QuerySet:
    from tablee.organizations.models import Organization

    return findings.select_related("process").prefetch_related(
        Prefetch("organizations", queryset=Organization.objects.order_by("name")),
        "sectors",
        Prefetch("indicators", queryset=TerritoryIndicator.objects.order_by("name")),
    )


def need_list(*, table, coverage: str = "", process_id: int | None = None) -> QuerySet[Need]:
    """Return the table's needs, filtered by coverage and process, by statement."""
    needs = Need.objects.for_table(table)
    if coverage:
        needs = needs.filter(coverage=coverage)
    if process_id:
        needs = needs.filter(process_id=process_id)
    return (
        _shaped_findings(needs)
        .annotate(action_count=Count("actions", distinct=True))
        .order_by("statement", "id")
    )


def need_get(*, table, need_id: int) -> Need | None:
    from tablee.plans.models import PlanAction

    return (
        _shaped_findings(Need.objects.for_table(table))
        .select_related("table")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=PlanAction.objects.select_related(
                    "process", "objective", "accountable_organization"
                ).order_by("process_id", "objective__position", "position", "id"),
            ),
            Prefetch("documents", queryset=EvidenceDocument.objects.order_by("original_name")),
        )
        .filter(pk=need_id)
        .first()
    )


def coverage_counts(*, table) -> dict[str, int]:
    """Return how many needs of the table have each coverage (one query)."""
    counts = dict.fromkeys(Coverage.values, 0)
    for row in Need.objects.for_table(table).values("coverage").annotate(n=Count("id")):
        counts[row["coverage"]] = row["n"]
    return counts


def strength_list(*, table, process_id: int | None = None) -> QuerySet[Strength]:
    strengths = Strength.objects.for_table(table)
    if process_id:
        strengths = strengths.filter(process_id=process_id)
    return _shaped_findings(strengths).order_by("statement", "id")


def strength_get(*, table, strength_id: int) -> Strength | None:
    return (
        _shaped_findings(Strength.objects.for_table(table))
        .select_related("table")
        .prefetch_related(
            Prefetch("documents", queryset=EvidenceDocument.objects.order_by("original_name"))
        )
        .filter(pk=strength_id)
        .first()
    )


def document_get(*, table, document_id: int) -> EvidenceDocument | None:
    return (
        EvidenceDocument.objects.for_table(table)
        .select_related("need", "strength", "table")
        .filter(pk=document_id)
        .first()
    )


# -- choices for the forms -------------------------------------------------


def portrait_organizations(*, table):
    """Return the organizations seated at the table, or already cited by its findings."""
    from tablee.organizations.models import Organization

    return (
        Organization.objects.alive()
        .filter(
            Q(seats__table=table, seats__closed_at__isnull=True)
            | Q(
                pk__in=Need.organizations.through.objects.filter(need__table=table).values(
                    "organization_id"
                )
            )
            | Q(
                pk__in=Strength.organizations.through.objects.filter(strength__table=table).values(
                    "organization_id"
                )
            )
        )
        .distinct()
        .order_by("name")
    )


def portrait_sectors():
    from tablee.organizations.models import Sector

    return Sector.objects.filter(is_active=True).order_by("position", "code")


def portrait_processes(*, table):
    from tablee.processes.models import Process

    return Process.objects.for_table(table).filter(archived_at__isnull=True).order_by("title")


def process_get(*, table, slug: str):
    from tablee.processes.models import Process

    return Process.objects.for_table(table).filter(slug=slug).first()


def plan_action_choices(*, table):
    """Return the table's plan actions, grouped by process and objective."""
    from tablee.plans.models import PlanAction

    return (
        PlanAction.objects.for_table(table)
        .select_related("process", "objective")
        .order_by("process__title", "process_id", "objective__position", "position", "id")
    )
