"""The indicator pages cost the same number of queries whatever the data size."""

from datetime import date

import pytest

from tablee.results.models import IndicatorMeasure
from tablee.results.tests.factories import PlanIndicatorFactory, ResultsPlanActionFactory

pytestmark = pytest.mark.django_db


def _monthly(indicator, months):
    IndicatorMeasure.objects.bulk_create(
        IndicatorMeasure(
            table_id=indicator.table_id,
            indicator=indicator,
            measured_on=date(2021 + m // 12, m % 12 + 1, 1),
            value=m * 1.5,
        )
        for m in range(months)
    )


@pytest.mark.parametrize("actions", [1, 12])
def test_indicator_list_queries_do_not_grow(
    client, table, process, action, coordinator, actions, django_assert_max_num_queries
):
    for index in range(actions):
        extra = ResultsPlanActionFactory(
            table=table, process=process, objective__process=process, objective__table=table
        )
        for kind in ("how_much", "how_well", "better_off"):
            _monthly(PlanIndicatorFactory(action=extra, kind=kind), 3 + index)
    client.force_login(coordinator)
    # session, user, table, roles, process, count, page (with latest values)
    with django_assert_max_num_queries(8):
        response = client.get(f"/t/{table.slug}/processes/{process.slug}/indicators/")
    assert response.status_code == 200


@pytest.mark.parametrize("months", [3, 60])
def test_indicator_detail_queries_do_not_grow(
    client, table, process, action, coordinator, months, django_assert_max_num_queries
):
    indicator = PlanIndicatorFactory(action=action, unit="%", baseline_value=10, target_value=60)
    _monthly(indicator, months)
    client.force_login(coordinator)
    # session, user, table, roles, process, indicator (+action, person), values
    with django_assert_max_num_queries(8):
        response = client.get(
            f"/t/{table.slug}/processes/{process.slug}/indicators/{indicator.pk}/"
        )
    assert response.status_code == 200
    assert response.content.decode().count("<tr>") >= months


@pytest.mark.parametrize("count", [2, 30])
def test_api_list_queries_do_not_grow(
    client, process, action, observer, bearer, count, django_assert_max_num_queries
):
    for _index in range(count):
        _monthly(PlanIndicatorFactory(action=action), 4)
    headers = bearer(observer)
    # token, table, roles, process, count, page
    with django_assert_max_num_queries(8):
        response = client.get(
            f"/api/v1/tables/{process.table.slug}/processes/{process.slug}/indicators",
            headers=headers,
        )
    assert response.json()["count"] == count
