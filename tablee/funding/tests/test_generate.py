"""Benchmark data: resources, funders, programs and budget lines in bulk."""

import random
from decimal import Decimal

import pytest

from tablee.funding import generate
from tablee.funding.models import BudgetLine, Funder, FundingProgram, ResourceCommitment
from tablee.funding.tests.factories import ObjectiveFactory, PlanActionFactory, ProcessFactory
from tablee.organizations.tests.factories import OrganizationFactory, seat_for
from tablee.tables.tests.factories import TableFactory

pytestmark = pytest.mark.django_db


def test_generate_and_delete():
    tables = [TableFactory(slug="gen-table-001"), TableFactory(slug="gen-table-002")]
    for table in tables:
        for _ in range(4):
            seat_for(table=table, organization=OrganizationFactory())
        objective = ObjectiveFactory(process=ProcessFactory(table=table, slug="plan-action"))
        for _ in range(50):
            PlanActionFactory(objective=objective)

    def batch(model, objs):
        model.objects.bulk_create(objs)

    counts = generate.generate(
        rng=random.Random(1),
        scale=0.01,
        tables=tables,
        seats={},
        batch=batch,
        progress=lambda _m: None,
    )
    assert (
        counts["funders"] == 4 and counts["funding programs"] == 6
    )  # two each on the first table
    assert counts["resource commitments"] == ResourceCommitment.objects.count() > 60
    assert BudgetLine.objects.count() == counts["budget lines"] > 0
    for program in FundingProgram.objects.all():
        used = sum((line.amount for line in program.budget_lines.all()), Decimal(0))
        assert used <= program.amount
    generate.delete(tables=tables)
    assert not Funder.objects.exists() and not ResourceCommitment.objects.exists()
