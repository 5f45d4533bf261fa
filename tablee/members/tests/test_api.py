"""Members API: seats, committees; coordinators write, others read."""

import pytest

from tablee.members.models import Seat
from tablee.members.tests.factories import (
    CommitteeFactory,
    OrganizationFactory,
    SeatHoldingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [3, 30])
def test_seat_list(client, table, member, bearer, django_assert_max_num_queries, count):
    for _i in range(count):
        SeatHoldingFactory(seat__table=table)
    headers = bearer(member)
    with django_assert_max_num_queries(8):
        data = client.get(f"/api/v1/tables/{table.slug}/seats", headers=headers).json()
    assert data["count"] == count and data["items"][0]["holders"]


def test_create_and_patch_seat(client, table, coordinator, member, bearer):
    organization = OrganizationFactory()
    url = f"/api/v1/tables/{table.slug}/seats"
    payload = {
        "organization_id": organization.pk,
        "actor_type": "strategic",
        "powers": ["decision"],
    }
    refused = client.post(url, payload, content_type="application/json", headers=bearer(member))
    assert refused.status_code == 403
    created = client.post(
        url, payload, content_type="application/json", headers=bearer(coordinator)
    )
    assert created.status_code == 201, created.content
    seat_id = created.json()["id"]
    patched = client.patch(
        f"{url}/{seat_id}",
        {"actor_type": "tactical", "version": created.json()["updated_at"]},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert patched.status_code == 200, patched.content
    assert Seat.objects.get(pk=seat_id).actor_type == "tactical"
    stale = client.patch(
        f"{url}/{seat_id}",
        {"actor_type": "strategic", "version": "2000-01-01T00:00:00Z"},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    bad = client.post(
        url,
        {"label": "X", "actor_type": "tactical", "powers": ["nope"]},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert bad.status_code == 409 and bad.json()["code"] == "invalid_input"


def test_committees(client, table, coordinator, observer, bearer):
    CommitteeFactory(table=table, name="Comité A")
    url = f"/api/v1/tables/{table.slug}/committees"
    assert client.get(url, headers=bearer(observer)).json()["count"] == 1
    body = {"name": "Groupe B", "kind": "working_group"}
    assert (
        client.post(
            url, body, content_type="application/json", headers=bearer(observer)
        ).status_code
        == 403
    )
    created = client.post(url, body, content_type="application/json", headers=bearer(coordinator))
    assert created.status_code == 201 and created.json()["kind"] == "working_group"
