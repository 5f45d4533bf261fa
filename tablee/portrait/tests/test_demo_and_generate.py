"""The demo portrait loads once and tells its story; benchmark data builds and goes."""

import random

import pytest

from tablee.members.tests.factories import SeatFactory
from tablee.portrait import demo, generate
from tablee.portrait.models import Coverage, Need, Strength, TerritoryIndicator, TerritoryValue
from tablee.portrait.tests.factories import PlanActionFactory, ProcessFactory
from tablee.tables.tests.factories import TableFactory

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_links_the_process_and_later_the_actions(table, coordinator):
    process = ProcessFactory(table=table, slug=demo.PROCESS_SLUG)
    SeatFactory(table=table)
    people = {demo.COORDINATOR_EMAIL: coordinator}
    demo.load(people=people)
    demo.load(people=people)
    assert TerritoryIndicator.objects.filter(table=table, process=process).count() == 5
    assert TerritoryValue.objects.filter(value__isnull=True).count() == 1
    assert TerritoryValue.objects.filter(note__startswith="Données partielles").count() == 1
    needs = Need.objects.filter(table=table, process=process)
    assert 6 <= needs.count() <= 8
    assert {n.coverage for n in needs} >= {Coverage.COVERED, Coverage.NOT_COVERED}
    assert Strength.objects.filter(table=table).count() == 4
    assert not Need.actions.through.objects.exists()
    # Once the plan exists (the plans demo runs later), a new load links the actions.
    action = PlanActionFactory(
        process=process, title="Marché solidaire mobile dans les secteurs sans épicerie"
    )
    demo.load(people=people)
    assert action.needs.count() == 1


def test_demo_without_the_main_table_does_nothing(outsider):
    TableFactory(slug="autre")
    demo.load(people={demo.COORDINATOR_EMAIL: outsider})
    assert not TerritoryIndicator.objects.exists()


def test_generate_builds_ten_years_and_delete_removes_it():
    tables = [TableFactory(slug="gen-table-002"), TableFactory(slug="gen-table-001")]
    for table in tables:
        ProcessFactory(table=table)
        for _ in range(3):
            SeatFactory(table=table)

    def batch(model, objs):
        model.objects.bulk_create(objs, batch_size=500)

    counts = generate.generate(
        rng=random.Random(3), scale=0.01, tables=tables, seats={}, batch=batch, progress=print
    )
    assert counts["territory indicators"] == 12
    assert counts["territory values"] == 120
    assert Need.objects.filter(table=tables[1]).count() == 30
    assert Need.indicators.through.objects.count() == 2 * counts["needs"]
    assert TerritoryIndicator.objects.filter(process__isnull=True).count() == 0
    generate.delete(tables=tables)
    assert not TerritoryIndicator.objects.exists()
    assert not Need.objects.exists()
