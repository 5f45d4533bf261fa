"""Through the API, nobody reaches a table where they hold no role."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_coordinator_of_another_table_gets_404_for_this_table(
    client, bearer, other_coordinator, table
):
    response = client.get(f"/api/v1/tables/{table.pk}", headers=bearer(other_coordinator))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_coordinator_of_another_table_does_not_see_it_listed(
    client, bearer, coordinator, other_coordinator, table, other_table
):
    body = client.get("/api/v1/tables", headers=bearer(other_coordinator)).json()
    assert [item["id"] for item in body["items"]] == [other_table.pk]
    me = client.get("/api/v1/me", headers=bearer(other_coordinator)).json()
    assert [t["id"] for t in me["tables"]] == [other_table.pk]


def test_the_page_and_the_api_agree_on_404(client, bearer, other_coordinator, table):
    client.force_login(other_coordinator)
    assert client.get(table.get_absolute_url()).status_code == 404
    assert (
        client.get(f"/api/v1/tables/{table.pk}", headers=bearer(other_coordinator)).status_code
        == 404
    )
