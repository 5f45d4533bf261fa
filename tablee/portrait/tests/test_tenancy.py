"""A coordinator of another table gets 404 for this table's portrait, pages and API."""

import pytest

from tablee.portrait.tests.factories import (
    NeedFactory,
    StrengthFactory,
    TerritoryIndicatorFactory,
    TerritoryValueFactory,
)

pytestmark = pytest.mark.django_db


def test_pages_of_another_table_are_404(client, table, other_table, other_coordinator):
    indicator = TerritoryIndicatorFactory(table=table)
    TerritoryValueFactory(indicator=indicator, year=2020)
    need = NeedFactory(table=table)
    strength = StrengthFactory(table=table)
    client.force_login(other_coordinator)
    paths = [
        "portrait/",
        "portrait/needs/",
        "portrait/strengths/",
        "portrait/indicators/import/",
        f"portrait/indicators/{indicator.pk}/",
        f"portrait/indicators/{indicator.pk}/edit/",
        f"portrait/indicators/{indicator.pk}/values/",
        f"portrait/indicators/{indicator.pk}/values/2020/delete/",
        f"portrait/needs/{need.pk}/",
        f"portrait/needs/{need.pk}/actions/",
        f"portrait/strengths/{strength.pk}/edit/",
    ]
    for path in paths:
        assert client.get(f"/t/{table.slug}/{path}").status_code == 404, path
    # Through their own table's address, another table's rows do not exist.
    for path in paths[4:]:
        assert client.get(f"/t/{other_table.slug}/{path}").status_code == 404, path
        if not path.endswith(f"{indicator.pk}/") and not path.endswith(f"{need.pk}/"):
            assert client.post(f"/t/{other_table.slug}/{path}").status_code == 404, path


def test_api_of_another_table_is_404(client, table, other_coordinator, bearer):
    TerritoryIndicatorFactory(table=table)
    headers = bearer(other_coordinator)
    for what in ("indicators", "needs"):
        url = f"/api/v1/tables/{table.slug}/portrait/{what}"
        assert client.get(url, headers=headers).status_code == 404
