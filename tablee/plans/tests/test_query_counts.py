"""The plan, its dashboard and timeline cost the same queries with 5 or 50 actions."""

from datetime import date, timedelta

import pytest

from tablee.accounts.services import api_token_create
from tablee.members.tests.factories import SeatFactory
from tablee.plans.models import ActionStatus
from tablee.plans.tests.conftest import plan_url
from tablee.plans.tests.factories import (
    ActionPartnerFactory,
    AxisFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


def _plan(table, process, person, count):
    organizations = [SeatFactory(table=table).organization for _ in range(3)]
    objectives = [ObjectiveFactory(process=process) for _ in range(4)]
    axes = [AxisFactory(objective=o) for o in objectives]
    statuses = list(ActionStatus.values)
    start = date(2025, 9, 1)
    for index in range(count):
        objective = objectives[index % 4]
        action = PlanActionFactory(
            objective=objective,
            axis=axes[index % 4] if index % 3 else None,
            accountable_organization=organizations[index % 3],
            accountable_person=person,
            starts_on=start + timedelta(days=index * 7),
            ends_on=start + timedelta(days=index * 7 + 120),
            status=statuses[index % len(statuses)],
        )
        ActionPartnerFactory(action=action, organization=organizations[(index + 1) % 3])
        ActionPartnerFactory(action=action, organization=organizations[(index + 2) % 3])
        ProgressUpdateFactory(action=action, author=person)


@pytest.mark.parametrize("count", [5, 50])
def test_plan_page_queries_do_not_grow(
    client, table, coordinator, process, count, django_assert_max_num_queries
):
    _plan(table, process, coordinator, count)
    client.force_login(coordinator)
    # session, user, table, roles, process, objectives, axes, actions,
    # partners, counts (+ the process tabs)
    with django_assert_max_num_queries(12):
        response = client.get(plan_url(table, process, "plan/"))
    assert response.status_code == 200
    assert response.content.decode().count('id="action-') == count


@pytest.mark.parametrize("count", [5, 50])
def test_dashboard_queries_do_not_grow(
    client, table, member, process, count, django_assert_max_num_queries
):
    _plan(table, process, member, count)
    client.force_login(member)
    organization = SeatFactory(table=table).organization
    # session, user, table, roles, process, filter organizations, counts,
    # page count, page rows, partners (+ the process tabs)
    with django_assert_max_num_queries(12):
        response = client.get(plan_url(table, process, "dashboard/"))
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        response = client.get(
            plan_url(table, process, "dashboard/"),
            {"health": "late", "organization": organization.pk},
        )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_timeline_queries_do_not_grow(
    client, table, member, process, count, django_assert_max_num_queries
):
    _plan(table, process, member, count)
    client.force_login(member)
    # session, user, table, roles, process, actions (+ the process tabs)
    with django_assert_max_num_queries(8):
        response = client.get(plan_url(table, process, "timeline/"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_action_page_queries_do_not_grow(
    client, table, coordinator, process, count, django_assert_max_num_queries
):
    _plan(table, process, coordinator, count)
    action = process.plan_actions.first()
    client.force_login(coordinator)
    # session, user, table, roles, process, action, partners, updates,
    # meeting actions, open meeting actions (+ the process tabs)
    with django_assert_max_num_queries(12):
        response = client.get(plan_url(table, process, f"plan/actions/{action.pk}/"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_api_action_list_queries_do_not_grow(
    client, table, member, process, count, django_assert_max_num_queries
):
    _plan(table, process, member, count)
    _token, raw = api_token_create(user=member, name="t")
    # token, roles, table, process, count, rows, partners
    with django_assert_max_num_queries(9):
        response = client.get(
            f"/api/v1/tables/{table.slug}/processes/{process.slug}/actions",
            headers={"Authorization": f"Bearer {raw}"},
        )
    assert response.status_code == 200
    assert len(response.json()["items"]) == count
