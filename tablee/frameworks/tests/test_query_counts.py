"""The register pages cost the same number of queries with 3 or 40 rows."""

import pytest

from tablee.frameworks.tests.factories import ConditionFactory, FrameworkFactory
from tablee.processes.models import Stage
from tablee.results.tests.factories import ResultsPlanActionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [3, 40])
def test_framework_list_queries_do_not_grow(
    client, table, coordinator, count, django_assert_max_num_queries
):
    action = ResultsPlanActionFactory(table=table, objective__process__table=table)
    for _index in range(count):
        framework = FrameworkFactory(table=table)
        framework.actions.set([action])
        framework.objectives.set([action.objective])
    client.force_login(coordinator)
    # session, user, table, roles, count, page (with counts)
    with django_assert_max_num_queries(7):
        response = client.get(f"/t/{table.slug}/frameworks/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 40])
def test_condition_list_queries_do_not_grow(
    client, table, coordinator, count, django_assert_max_num_queries
):
    action = ResultsPlanActionFactory(table=table, objective__process__table=table)
    stage = Stage.objects.create(table=table, process=action.process, kind="portrait")
    for _index in range(count):
        condition = ConditionFactory(table=table)
        condition.actions.set([action])
        condition.stages.set([stage])
    client.force_login(coordinator)
    # session, user, table, roles, count, page, actions, stages
    with django_assert_max_num_queries(9):
        response = client.get(f"/t/{table.slug}/obstacles/")
    assert response.status_code == 200


def test_framework_detail_and_form_queries_are_bounded(
    client, table, coordinator, django_assert_max_num_queries
):
    framework = FrameworkFactory(table=table)
    actions = [
        ResultsPlanActionFactory(table=table, objective__process__table=table) for _i in range(5)
    ]
    framework.actions.set(actions)
    client.force_login(coordinator)
    with django_assert_max_num_queries(8):
        assert client.get(f"/t/{table.slug}/frameworks/{framework.pk}/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"/t/{table.slug}/frameworks/{framework.pk}/edit/").status_code == 200
