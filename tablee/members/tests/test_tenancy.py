"""A coordinator of another table gets 404 for this table's seats and committees."""

import pytest

from tablee.members.tests.factories import CommitteeFactory, SeatFactory

pytestmark = pytest.mark.django_db


def test_pages_answer_404(client, table, other_coordinator):
    seat = SeatFactory(table=table)
    committee = CommitteeFactory(table=table)
    client.force_login(other_coordinator)
    for url in (
        f"/t/{table.slug}/seats/",
        f"/t/{table.slug}/seats/{seat.pk}/",
        f"/t/{table.slug}/seats/{seat.pk}/edit/",
        f"/t/{table.slug}/committees/{committee.pk}/",
        f"/t/{table.slug}/directory/",
        f"/t/{table.slug}/coverage/",
        f"/t/{table.slug}/turnover/",
    ):
        assert client.get(url).status_code == 404, url


def test_objects_of_one_table_are_not_reachable_through_another(
    client, table, other_table, other_coordinator
):
    seat = SeatFactory(table=table)
    client.force_login(other_coordinator)
    assert client.get(f"/t/{other_table.slug}/seats/{seat.pk}/").status_code == 404


def test_api_answers_404(client, table, other_table, other_coordinator, bearer):
    seat = SeatFactory(table=table)
    headers = bearer(other_coordinator)
    assert client.get(f"/api/v1/tables/{table.slug}/seats", headers=headers).status_code == 404
    assert (
        client.get(
            f"/api/v1/tables/{other_table.slug}/seats/{seat.pk}", headers=headers
        ).status_code
        == 404
    )
    assert (
        client.patch(
            f"/api/v1/tables/{table.slug}/seats/{seat.pk}",
            {"actor_type": "strategic"},
            content_type="application/json",
            headers=headers,
        ).status_code
        == 404
    )
    assert client.get(f"/api/v1/tables/{table.slug}/directory", headers=headers).status_code == 404
