"""Benchmark data of the registers: a few frameworks and conditions per table."""

import random

import pytest

from tablee.frameworks import generate
from tablee.frameworks.models import Condition, Framework
from tablee.processes.models import Stage
from tablee.results.tests.factories import ResultsObjectiveFactory, ResultsPlanActionFactory
from tablee.tables.tests.factories import TableFactory

pytestmark = pytest.mark.django_db


def test_generate_and_delete():
    tables = [TableFactory(slug="gen-table-001"), TableFactory(slug="gen-table-002")]
    objective = ResultsObjectiveFactory(
        table=tables[0], process__table=tables[0], process__slug="plan-action"
    )
    for _index in range(5):
        ResultsPlanActionFactory(table=tables[0], objective=objective, process=objective.process)
    Stage.objects.create(table=tables[0], process=objective.process, kind="implementation")

    def batch(model, objs):
        model.objects.bulk_create(objs, batch_size=500)

    counts = generate.generate(
        rng=random.Random(3), scale=0.01, tables=tables, seats={}, batch=batch, progress=print
    )
    assert counts["frameworks"] == Framework.objects.count() >= 4
    assert counts["conditions"] == Condition.objects.count() >= 6
    first = Framework.objects.filter(table=tables[0])
    assert all(f.actions.exists() and f.objectives.exists() for f in first)
    assert all(c.stages.exists() for c in Condition.objects.filter(table=tables[0]))
    generate.delete(tables=tables)
    assert not Framework.objects.exists() and not Condition.objects.exists()
