"""The read API: indicators with their values (missing is null), needs by coverage."""

from decimal import Decimal

import pytest

from tablee.portrait.models import Coverage
from tablee.portrait.tests.factories import (
    NeedFactory,
    TerritoryIndicatorFactory,
    TerritoryValueFactory,
)

pytestmark = pytest.mark.django_db


def test_indicators_with_values_keep_missing_as_null(client, table, observer, bearer):
    indicator = TerritoryIndicatorFactory(table=table, name="Chômage", unit="%")
    TerritoryValueFactory(indicator=indicator, year=2021, value=Decimal("7.5"))
    TerritoryValueFactory(indicator=indicator, year=2022, value=None, note="données partielles")
    response = client.get(
        f"/api/v1/tables/{table.slug}/portrait/indicators", headers=bearer(observer)
    )
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["name"] == "Chômage"
    assert item["values"][0]["year"] == 2021
    assert Decimal(item["values"][0]["value"]) == Decimal("7.5")
    assert item["values"][1] == {
        "year": 2022,
        "value": None,
        "missing": True,
        "note": "données partielles",
    }


def test_needs_filter_by_coverage(client, table, member, bearer):
    indicator = TerritoryIndicatorFactory(table=table)
    need = NeedFactory(table=table, coverage=Coverage.COVERED, statement="Couvert")
    need.indicators.add(indicator)
    NeedFactory(table=table, coverage=Coverage.NOT_COVERED, statement="Pas couvert")
    url = f"/api/v1/tables/{table.slug}/portrait/needs"
    response = client.get(url, {"coverage": "covered"}, headers=bearer(member))
    items = response.json()["items"]
    assert [i["statement"] for i in items] == ["Couvert"]
    assert items[0]["indicator_ids"] == [indicator.pk]
    assert response.json()["count"] == 1
