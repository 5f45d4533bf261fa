"""The read API: funders with their programs, resources of a process."""

from datetime import date
from decimal import Decimal

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
def headers(observer):
    _token, raw = api_token_create(user=observer, name="t")
    return {"Authorization": f"Bearer {raw}"}


def test_funders_with_programs_used_and_reporting_dates(client, table, process, actions, headers):
    program = FundingProgramFactory(
        funder=FunderFactory(table=table, name="DRSP"), process=process, amount=Decimal("5000")
    )
    BudgetLineFactory(program=program, action=actions[0], amount=Decimal("1200"))
    ReportingDateFactory(program=program, due_on=date(2030, 9, 30), what="Bilan")
    response = client.get(f"/api/v1/tables/{table.slug}/funding/funders", headers=headers)
    assert response.status_code == 200
    [funder] = response.json()["items"]
    assert funder["name"] == "DRSP"
    [item] = funder["programs"]
    assert Decimal(item["used"]) == Decimal("1200")
    assert item["process_slug"] == process.slug
    assert item["reporting_dates"][0]["what"] == "Bilan"


def test_resources_of_a_process(client, table, process, actions, organizations, headers):
    ResourceCommitmentFactory(
        action=actions[0],
        organization=organizations[0],
        quantity=Decimal("30"),
        amount=Decimal("900"),
    )
    url = f"/api/v1/tables/{table.slug}/processes/{process.slug}/resources"
    data = client.get(url, headers=headers).json()
    assert data["process_slug"] == process.slug
    [row] = data["by_organization"]
    assert row["organization"] == "Cuisine Amitié"
    assert Decimal(row["hours"]) == Decimal("30") and Decimal(row["total_value"]) == 900
    assert [o["objective"] for o in data["by_objective"]] == [
        "Accès aux aliments",
        "Cuisiner ensemble",
    ]
    assert data["commitments"][0]["action_title"] == "Marché solidaire"
    missing = f"/api/v1/tables/{table.slug}/processes/nope/resources"
    assert client.get(missing, headers=headers).status_code == 404
