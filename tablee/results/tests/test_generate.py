"""Benchmark data: about five indicators per action, the 60-value indicator on table 001."""

import random

import pytest

from tablee.results import generate
from tablee.results.models import IndicatorMeasure, PlanIndicator
from tablee.results.tests.factories import ResultsObjectiveFactory, ResultsPlanActionFactory
from tablee.tables.tests.factories import TableFactory

pytestmark = pytest.mark.django_db


def _plan(table, actions):
    objective = ResultsObjectiveFactory(
        table=table, process__table=table, process__slug="plan-action"
    )
    for _index in range(actions):
        ResultsPlanActionFactory(table=table, objective=objective, process=objective.process)


def test_generate_and_delete():
    first = TableFactory(slug="gen-table-001")
    second = TableFactory(slug="gen-table-002")
    _plan(first, 3)
    _plan(second, 2)

    def batch(model, objs):
        model.objects.bulk_create(objs, batch_size=500)

    counts = generate.generate(
        rng=random.Random(1),
        scale=0.01,
        tables=[first, second],
        seats={},
        batch=batch,
        progress=lambda _m: None,
    )
    assert counts["plan_indicators"] == 5 * 5 + 1
    assert counts["indicator_values"] == IndicatorMeasure.objects.count()
    bench = generate.benchmark_indicator()
    assert bench.table == first
    assert bench.measures.count() == 60
    assert generate.benchmark_indicator_path() == (
        f"/t/gen-table-001/processes/plan-action/indicators/{bench.pk}/"
    )
    assert not IndicatorMeasure.objects.filter(indicator__unit="%", value__gt=100).exists()
    other = PlanIndicator.objects.exclude(pk=bench.pk)
    assert all(3 <= i.measures.count() <= 12 for i in other)
    generate.delete(tables=[first, second])
    assert not PlanIndicator.objects.exists()
