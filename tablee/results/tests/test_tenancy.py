"""A coordinator of another table gets 404 for this table's indicators, pages and API."""

import pytest

from tablee.results.models import IndicatorMeasure
from tablee.results.tests.factories import (
    IndicatorMeasureFactory,
    PlanIndicatorFactory,
    ResultsPlanActionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/", "values/new/"])
def test_pages_of_another_table_are_404(client, process, action, other_coordinator, suffix):
    indicator = PlanIndicatorFactory(action=action)
    client.force_login(other_coordinator)
    url = f"/t/{process.table.slug}/processes/{process.slug}/indicators/{indicator.pk}/{suffix}"
    assert client.get(url).status_code == 404


def test_an_indicator_under_another_tables_address_is_404(
    client, action, other_table, other_coordinator
):
    """The other table's own process of the same slug does not reveal this indicator."""
    indicator = PlanIndicatorFactory(action=action)
    ResultsPlanActionFactory(
        table=other_table,
        objective__process__table=other_table,
        objective__process__slug="securite-alimentaire",
    )
    client.force_login(other_coordinator)
    base = f"/t/{other_table.slug}/processes/securite-alimentaire/indicators/{indicator.pk}/"
    assert client.get(base).status_code == 404
    response = client.post(f"{base}values/new/", {"measured_on": "2024-01-01", "value": "3"})
    assert response.status_code == 404
    assert not IndicatorMeasure.objects.exists()


def test_an_indicator_of_another_process_of_the_table_is_404(client, table, action, coordinator):
    indicator = PlanIndicatorFactory(action=action)
    other = ResultsPlanActionFactory(table=table, objective__process__table=table)
    client.force_login(coordinator)
    url = f"/t/{table.slug}/processes/{other.process.slug}/indicators/{indicator.pk}/"
    assert client.get(url).status_code == 404


def test_api_value_for_an_indicator_of_another_table_is_404(
    client, action, other_table, other_coordinator, bearer
):
    indicator = PlanIndicatorFactory(action=action)
    IndicatorMeasureFactory(indicator=indicator)
    ResultsPlanActionFactory(
        table=other_table,
        objective__process__table=other_table,
        objective__process__slug="securite-alimentaire",
    )
    headers = bearer(other_coordinator)
    for slug in (action.table.slug, other_table.slug):
        url = f"/api/v1/tables/{slug}/processes/securite-alimentaire/indicators/{indicator.pk}"
        assert client.get(url, headers=headers).status_code == 404
        assert client.get(f"{url}/values", headers=headers).status_code == 404
        response = client.post(
            f"{url}/values",
            {"measured_on": "2024-02-01", "value": 1},
            content_type="application/json",
            headers=headers,
        )
        assert response.status_code == 404
    assert IndicatorMeasure.objects.count() == 1
