"""Benchmark data: a plan per generated process, the first table has 50 actions."""

import random

import pytest

from tablee.members.tests.factories import SeatFactory
from tablee.plans import generate
from tablee.plans.models import Objective, PlanAction, ProgressUpdate
from tablee.plans.tests.factories import ProcessFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def test_generate_builds_plans_and_delete_removes_them():
    tables = [TableFactory(slug="gen-table-002"), TableFactory(slug="gen-table-001")]
    seats = {}
    for table in tables:
        ProcessFactory(table=table, slug=generate.PROCESS_SLUG)
        for _ in range(4):
            SeatFactory(table=table)
        member = MembershipFactory(table=table, role=Role.MEMBER).user
        seats[table.pk] = {member.pk: Role.MEMBER}

    def batch(model, objs):
        model.objects.bulk_create(objs, batch_size=500)

    counts = generate.generate(
        rng=random.Random(7), scale=0.01, tables=tables, seats=seats, batch=batch, progress=print
    )
    assert counts["plan objectives"] == 8
    biggest = PlanAction.objects.filter(table=tables[1])
    assert biggest.count() == generate.BIG_PLAN_ACTIONS
    assert all(a.axis is None or a.axis.objective_id == a.objective_id for a in biggest)
    assert ProgressUpdate.objects.exists()
    generate.delete(tables=tables)
    assert not PlanAction.objects.exists()
    assert not Objective.objects.exists()


def test_generate_without_processes_does_nothing():
    table = TableFactory(slug="gen-table-001")
    assert (
        generate.generate(
            rng=random.Random(1), scale=0.01, tables=[table], seats={}, batch=None, progress=print
        )
        == {}
    )
