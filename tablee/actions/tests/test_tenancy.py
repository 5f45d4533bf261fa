"""A coordinator of another table gets 404 for this table's actions, pages and API."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.actions.tests.factories import ActionItemFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("suffix", ["", "edit/", "status/"])
def test_pages_of_another_table_are_404(client, table, other_table, other_coordinator, suffix):
    action = ActionItemFactory(table=table)
    client.force_login(other_coordinator)
    assert client.get(f"/t/{table.slug}/actions/{action.pk}/{suffix}").status_code == 404
    assert client.get(f"/t/{other_table.slug}/actions/{action.pk}/{suffix}").status_code == 404
    assert client.get(f"/t/{table.slug}/actions/").status_code == 404


def test_api_of_another_table_is_404(client, table, other_table, other_coordinator):
    action = ActionItemFactory(table=table)
    _token, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get(f"/api/v1/tables/{table.slug}/actions", headers=headers).status_code == 404
    for slug in (table.slug, other_table.slug):
        url = f"/api/v1/tables/{slug}/actions/{action.pk}"
        assert client.get(url, headers=headers).status_code == 404
        response = client.patch(
            url, {"status": "done"}, content_type="application/json", headers=headers
        )
        assert response.status_code == 404
