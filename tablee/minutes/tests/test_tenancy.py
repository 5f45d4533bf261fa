"""A coordinator of another table gets 404 for this table's minutes, pages and API."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.minutes.tests.factories import MinutesFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "suffix",
    [
        "",
        "edit/",
        "generate/",
        "circulate/",
        "comments/",
        "adopt/",
        "errata/new/",
        "export.pdf",
        "export.docx",
    ],
)
def test_pages_of_another_table_are_404(client, table, other_table, other_coordinator, suffix):
    minutes = MinutesFactory(meeting__table=table)
    client.force_login(other_coordinator)
    assert (
        client.get(f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/{suffix}").status_code
        == 404
    )
    # Through their own table's address, the other table's meeting does not exist either.
    assert (
        client.get(
            f"/t/{other_table.slug}/meetings/{minutes.meeting_id}/minutes/{suffix}"
        ).status_code
        == 404
    )


def test_api_of_another_table_is_404(client, table, other_table, other_coordinator):
    minutes = MinutesFactory(meeting__table=table)
    _token, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    for slug in (table.slug, other_table.slug):
        url = f"/api/v1/tables/{slug}/meetings/{minutes.meeting_id}/minutes"
        assert client.get(url, headers=headers).status_code == 404
        response = client.patch(
            url,
            {"body": "x", "base_revision": 1},
            content_type="application/json",
            headers=headers,
        )
        assert response.status_code == 404
