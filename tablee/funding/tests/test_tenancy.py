"""A coordinator of another table gets 404 for this table's funding, pages and API."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.funding.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingProgramFactory,
    ReportingDateFactory,
    ResourceCommitmentFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(table, process, actions):
    program = FundingProgramFactory(funder=FunderFactory(table=table), process=process)
    return {
        "commitment": ResourceCommitmentFactory(action=actions[0]),
        "funder": program.funder,
        "program": program,
        "reporting": ReportingDateFactory(program=program),
        "line": BudgetLineFactory(program=program, action=actions[0]),
    }


def _paths(process, rows):
    r = f"processes/{process.slug}/resources/"
    c = rows["commitment"].pk
    f, p = rows["funder"].pk, rows["program"].pk
    d, b = rows["reporting"].pk, rows["line"].pk
    return [
        r,
        f"{r}new/",
        f"{r}{c}/edit/",
        f"{r}{c}/delete/",
        "funding/",
        f"funding/funders/{f}/",
        f"funding/funders/{f}/edit/",
        f"funding/funders/{f}/delete/",
        f"funding/funders/{f}/programs/new/",
        f"funding/programs/{p}/",
        f"funding/programs/{p}/edit/",
        f"funding/programs/{p}/delete/",
        f"funding/programs/{p}/reporting/new/",
        f"funding/programs/{p}/budget/new/",
        f"funding/reporting/{d}/edit/",
        f"funding/reporting/{d}/done/",
        f"funding/reporting/{d}/delete/",
        f"funding/budget/{b}/edit/",
        f"funding/budget/{b}/delete/",
    ]


def test_pages_of_another_table_are_404(
    client, table, other_table, other_coordinator, process, rows
):
    client.force_login(other_coordinator)
    for path in _paths(process, rows):
        assert client.get(f"/t/{table.slug}/{path}").status_code == 404, path
        assert client.post(f"/t/{table.slug}/{path}").status_code == 404, path


def test_rows_cannot_be_reached_through_ones_own_table(
    client, table, other_table, other_coordinator, process, rows
):
    """The ids of this table's rows mean nothing under the other table's address."""
    client.force_login(other_coordinator)
    for path in _paths(process, rows):
        if path == "funding/":
            continue
        assert client.get(f"/t/{other_table.slug}/{path}").status_code == 404, path


def test_api_of_another_table_is_404(client, table, other_table, other_coordinator, process, rows):
    _token, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    for path in ("funding/funders", f"processes/{process.slug}/resources"):
        assert (
            client.get(f"/api/v1/tables/{table.slug}/{path}", headers=headers).status_code == 404
        )
    url = f"/api/v1/tables/{other_table.slug}/processes/{process.slug}/resources"
    assert client.get(url, headers=headers).status_code == 404


def test_a_budget_line_cannot_fund_another_tables_action(
    client, table, other_table, coordinator, rows
):
    from tablee.funding.tests.factories import PlanActionFactory

    foreign = PlanActionFactory(table=other_table, objective__process__table=other_table)
    client.force_login(coordinator)
    program = rows["program"]
    program.process = None
    program.save()
    response = client.post(
        f"/t/{table.slug}/funding/programs/{program.pk}/budget/new/",
        {"action": foreign.pk, "amount": "10"},
    )
    assert response.status_code == 200
    assert program.budget_lines.count() == 1
