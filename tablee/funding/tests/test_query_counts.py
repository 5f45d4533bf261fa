"""Pages and API lists cost the same number of queries with little or much data."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tablee.accounts.services import api_token_create
from tablee.funding.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingProgramFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ReportingDateFactory,
    ResourceCommitmentFactory,
)
from tablee.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _fill(table, process, count):
    organizations = [OrganizationFactory() for _ in range(max(2, count // 3))]
    objectives = [ObjectiveFactory(process=process) for _ in range(max(1, count // 5))]
    today = timezone.localdate()
    for index in range(count):
        action = PlanActionFactory(objective=objectives[index % len(objectives)])
        for offset in range(2):
            ResourceCommitmentFactory(
                action=action,
                organization=organizations[(index + offset) % len(organizations)],
                amount=Decimal("100"),
            )
    programs = []
    for index in range(max(1, count // 4)):
        program = FundingProgramFactory(
            funder=FunderFactory(table=table), process=process, amount=Decimal("1000000")
        )
        programs.append(program)
        ReportingDateFactory(program=program, due_on=today + timedelta(days=index))
        ReportingDateFactory(program=program, due_on=today + timedelta(days=index + 200))
    for index, action in enumerate(process.plan_actions.all()):
        BudgetLineFactory(program=programs[index % len(programs)], action=action)
    return programs


@pytest.mark.parametrize("count", [4, 40])
def test_resources_page_queries_do_not_grow(
    client, table, process, member, count, django_assert_max_num_queries
):
    _fill(table, process, count)
    client.force_login(member)
    # session, user, table, roles, process, totals by organization, objectives,
    # totals by objective, grand totals, count, page of commitments
    with django_assert_max_num_queries(12):
        response = client.get(f"/t/{table.slug}/processes/{process.slug}/resources/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [4, 40])
def test_funder_list_queries_do_not_grow(
    client, table, process, coordinator, count, django_assert_max_num_queries
):
    _fill(table, process, count)
    client.force_login(coordinator)
    # session, user, table, roles, count, page of funders, upcoming reports
    with django_assert_max_num_queries(8):
        response = client.get(f"/t/{table.slug}/funding/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [4, 40])
def test_program_and_funder_pages_queries_do_not_grow(
    client, table, process, coordinator, count, django_assert_max_num_queries
):
    program = _fill(table, process, count)[0]
    client.force_login(coordinator)
    # session, user, table, roles, program with used, reporting dates, budget lines
    with django_assert_max_num_queries(8):
        response = client.get(f"/t/{table.slug}/funding/programs/{program.pk}/")
    assert response.status_code == 200
    # session, user, table, roles, funder, programs with used
    with django_assert_max_num_queries(7):
        response = client.get(f"/t/{table.slug}/funding/funders/{program.funder_id}/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [4, 40])
def test_api_queries_do_not_grow(
    client, table, process, member, count, django_assert_max_num_queries
):
    _fill(table, process, count)
    _token, raw = api_token_create(user=member, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    # token, user, table, roles, count, funders, programs, reporting dates
    with django_assert_max_num_queries(10):
        response = client.get(f"/api/v1/tables/{table.slug}/funding/funders", headers=headers)
    assert response.status_code == 200
    # token, user, table, roles, process, by organization, objectives,
    # by objective, commitments
    with django_assert_max_num_queries(11):
        response = client.get(
            f"/api/v1/tables/{table.slug}/processes/{process.slug}/resources", headers=headers
        )
    assert response.status_code == 200
