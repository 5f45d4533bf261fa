"""The plain data handed to the report generator."""

from datetime import date
from decimal import Decimal

import pytest

from tablee.funding import selectors
from tablee.funding.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingProgramFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ProcessFactory,
    ReportingDateFactory,
)

pytestmark = pytest.mark.django_db


def test_funding_summary_of_a_process(table, process, actions):
    tied = FundingProgramFactory(
        funder=FunderFactory(table=table, name="A"), process=process, amount=Decimal("10000")
    )
    shared = FundingProgramFactory(
        funder=FunderFactory(table=table, name="B"),
        amount=Decimal("8000"),
        starts_on=date(2031, 1, 1),
        ends_on=date(2031, 12, 31),
    )
    elsewhere = PlanActionFactory(objective=ObjectiveFactory(process=ProcessFactory(table=table)))
    unrelated = FundingProgramFactory(funder=FunderFactory(table=table, name="C"))
    BudgetLineFactory(program=tied, action=actions[0], amount=Decimal("3000"))
    BudgetLineFactory(program=shared, action=actions[1], amount=Decimal("2000"))
    BudgetLineFactory(program=shared, action=elsewhere, amount=Decimal("5000"))
    BudgetLineFactory(program=unrelated, action=elsewhere, amount=Decimal("1"))
    ReportingDateFactory(program=tied, due_on=date(2030, 6, 30), what="Étape")
    ReportingDateFactory(program=shared, due_on=date(2031, 6, 30), what="Bilan")

    summary = selectors.funding_summary(process)
    assert [p["funder"] for p in summary["programs"]] == ["A", "B"]
    b = summary["programs"][1]
    assert (b["used"], b["used_for_process"], b["remaining"], b["over"]) == (
        Decimal("7000"),
        Decimal("2000"),
        Decimal("1000"),
        False,
    )
    assert [line["action"] for line in b["budget_lines"]] == ["Épicerie mobile"]
    assert summary["total_amount"] == Decimal("18000")
    assert summary["total_used"] == Decimal("5000")
    assert [d["what"] for d in summary["reporting_dates"]] == ["Étape", "Bilan"]

    in_2031 = selectors.funding_summary(process, start=date(2031, 1, 1), end=date(2031, 3, 31))
    assert [p["funder"] for p in in_2031["programs"]] == ["A", "B"]  # A runs 2030–2032
    assert in_2031["reporting_dates"] == []
    in_2033 = selectors.funding_summary(process, start=date(2033, 1, 1))
    assert in_2033["programs"] == [] and in_2033["total_amount"] == 0
