"""The API of plan indicators and their values."""

from datetime import date

import pytest

from tablee.results.models import IndicatorMeasure
from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory

pytestmark = pytest.mark.django_db


def _base(process) -> str:
    return f"/api/v1/tables/{process.table.slug}/processes/{process.slug}/indicators"


def test_members_read_indicators_and_values(client, process, action, observer, bearer):
    indicator = PlanIndicatorFactory(action=action)
    IndicatorMeasureFactory(indicator=indicator, measured_on=date(2024, 1, 1), value=30)
    IndicatorMeasureFactory(indicator=indicator, measured_on=date(2025, 1, 1), value=45)
    headers = bearer(observer)
    listing = client.get(_base(process), headers=headers).json()
    assert listing["count"] == 1
    item = listing["items"][0]
    assert item["latest_value"] == 45 and item["latest_on"] == "2025-01-01"
    assert item["objective_id"] == action.objective_id
    values = client.get(f"{_base(process)}/{indicator.pk}/values", headers=headers).json()
    assert [v["value"] for v in values] == [30, 45]


def test_the_accountable_person_posts_a_value(client, process, action, member, bearer):
    indicator = PlanIndicatorFactory(action=action, unit="%")
    url = f"{_base(process)}/{indicator.pk}/values"
    response = client.post(
        url,
        {"measured_on": "2024-03-01", "value": 140},
        content_type="application/json",
        headers=bearer(member),
    )
    assert response.status_code == 409
    assert response.json()["message"] == (
        "This indicator is a percentage: enter a value from 0 to 100."
    )
    response = client.post(
        url,
        {"measured_on": "2024-03-01", "value": "64.5", "source": "Sondage"},
        content_type="application/json",
        headers=bearer(member),
    )
    assert response.status_code == 201
    assert response.json()["value"] == 64.5
    assert IndicatorMeasure.objects.count() == 1


def test_a_coordinator_creates_an_indicator(client, process, action, coordinator, bearer):
    response = client.post(
        _base(process),
        {"action_id": action.pk, "name": "Bénévoles", "kind": "how_much", "unit": "personnes"},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 201
    assert response.json()["action_id"] == action.pk


def test_an_action_of_another_process_is_refused(client, process, coordinator, bearer, table):
    from tablee.results.tests.factories import ResultsPlanActionFactory

    elsewhere = ResultsPlanActionFactory(table=table, objective__process__table=table)
    response = client.post(
        _base(process),
        {"action_id": elsewhere.pk, "name": "X", "kind": "how_much"},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 409
    assert "action_id" in response.json()["extra"]["fields"]
