"""Benchmark data of plan indicators (see tablee/core/generate.py).

For each plan action of the generated processes (slug `plan-action`,
written by the plans generator, which runs first): about five indicators
across the three questions, each with a baseline, a target and values over
the last three years — yearly for most, twice a year or quarterly for some,
so the total stays reasonable. The first action of `gen-table-001` gets the
benchmark indicator: 60 monthly values (five years), named BENCH_NAME.
Bulk-created, no audit entries.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import timezone

from tablee.results.models import IndicatorMeasure, PlanIndicator

PROCESS_SLUG = "plan-action"
BENCH_TABLE_SLUG = "gen-table-001"
BENCH_NAME = "Repas servis (suivi mensuel)"

# (name, kind, unit, baseline range, growth toward target)
SPECS = [
    ("Personnes rejointes", "how_much", "personnes", (50, 400), 1.6),
    ("Activités tenues", "how_much", "activités", (5, 40), 1.5),
    ("Participantes et participants satisfaits", "how_well", "%", (50, 80), 1.2),
    ("Partenaires engagés dans l'action", "how_well", "organismes", (2, 8), 1.5),
    ("Ménages qui disent aller mieux", "better_off", "%", (10, 40), 1.5),
]


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _value(rng, *, baseline: float, target: float, share: float, percent: bool) -> Decimal:
    value = baseline + (target - baseline) * share * rng.uniform(0.6, 1.05)
    if percent:
        value = max(0.0, min(100.0, value))
    return Decimal(str(round(value, 1)))


def _every(rng) -> int:
    draw = rng.random()
    return 3 if draw < 0.03 else 6 if draw < 0.15 else 12


def benchmark_indicator():
    """Return the 60-value indicator of gen-table-001 (for the bench), or None."""
    return (
        PlanIndicator.objects.filter(table__slug=BENCH_TABLE_SLUG, name=BENCH_NAME)
        .select_related("table", "process")
        .first()
    )


def benchmark_indicator_path() -> str:
    """Return the address of the benchmark indicator page, or ""."""
    indicator = benchmark_indicator()
    if indicator is None:
        return ""
    return (
        f"/t/{indicator.table.slug}/processes/{indicator.process.slug}/indicators/{indicator.pk}/"
    )


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    from tablee.plans.models import PlanAction

    table_ids = [t.pk for t in tables]
    bench_table = next((t for t in tables if t.slug == BENCH_TABLE_SLUG), None)
    actions = list(
        PlanAction.objects.filter(table_id__in=table_ids, process__slug=PROCESS_SLUG)
        .order_by("table_id", "objective__position", "position", "id")
        .values_list("id", "table_id", "process_id")
    )
    today = timezone.localdate()
    baseline_on = _months_back(today, 36)
    target_on = date(today.year + 1, 12, 31)
    span = (target_on - baseline_on).days
    bench_action_id = next(
        (a for a, t, _p in actions if bench_table is not None and t == bench_table.pk), None
    )

    indicators = []
    plans = {}  # (action id, name) → (baseline, target, percent, every months)
    for action_id, table_id, process_id in actions:
        for name, kind, unit, (low, high), growth in SPECS:
            baseline = float(rng.randint(low, high))
            target = min(100.0, baseline * growth) if unit == "%" else round(baseline * growth)
            indicators.append(
                PlanIndicator(
                    table_id=table_id,
                    action_id=action_id,
                    process_id=process_id,
                    name=name,
                    kind=kind,
                    unit=unit,
                    baseline_value=Decimal(str(baseline)),
                    baseline_on=baseline_on,
                    target_value=Decimal(str(target)),
                    target_on=target_on,
                    source="Données générées",
                )
            )
            plans[(action_id, name)] = (baseline, target, unit == "%", _every(rng))
        if action_id == bench_action_id:
            indicators.append(
                PlanIndicator(
                    table_id=table_id,
                    action_id=action_id,
                    process_id=process_id,
                    name=BENCH_NAME,
                    kind="how_much",
                    unit="repas",
                    baseline_value=Decimal("800"),
                    baseline_on=_months_back(today, 60),
                    target_value=Decimal("1500"),
                    target_on=target_on,
                    source="Fiches de production générées",
                )
            )
            plans[(action_id, BENCH_NAME)] = (800.0, 1500.0, False, 1)
    batch(PlanIndicator, indicators)
    progress(f"{len(indicators)} plan indicators")

    created = list(
        PlanIndicator.objects.filter(table_id__in=table_ids).values_list(
            "id", "table_id", "action_id", "name"
        )
    )
    measures = []
    total = 0
    for indicator_id, table_id, action_id, name in created:
        baseline, target, percent, every = plans[(action_id, name)]
        months = 60 if every == 1 else 36
        start = _months_back(today, months - 1)
        for offset in range(0, months, every):
            when = _months_back(today, months - 1 - offset)
            share = (when - start).days / span
            measures.append(
                IndicatorMeasure(
                    table_id=table_id,
                    indicator_id=indicator_id,
                    measured_on=when,
                    value=_value(
                        rng, baseline=baseline, target=target, share=share, percent=percent
                    ),
                )
            )
        if len(measures) >= 20000:
            batch(IndicatorMeasure, measures)
            total += len(measures)
            measures = []
    batch(IndicatorMeasure, measures)
    total += len(measures)
    return {"plan_indicators": len(indicators), "indicator_values": total}


def delete(*, tables) -> None:
    IndicatorMeasure.objects.filter(table__in=tables).delete()
    PlanIndicator.objects.filter(table__in=tables).delete()
