"""/api/v1/tables/{slug}/actions: members read, coordinators create, the accountable person
or a coordinator changes the status."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.actions.models import ActionItem, ActionStatus
from tablee.actions.tests.factories import ActionItemFactory

pytestmark = pytest.mark.django_db


def _headers(user):
    _token, raw = api_token_create(user=user, name="t")
    return {"Authorization": f"Bearer {raw}"}


def test_members_list_actions(client, table, member):
    ActionItemFactory(table=table, title="A", accountable_person=member)
    ActionItemFactory(table=table, title="B", status=ActionStatus.DONE)
    response = client.get(f"/api/v1/tables/{table.slug}/actions", headers=_headers(member))
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert data["items"][0]["accountable_person_name"] == member.display_name
    only_open = client.get(
        f"/api/v1/tables/{table.slug}/actions?status=open", headers=_headers(member)
    )
    assert [a["title"] for a in only_open.json()["items"]] == ["A"]


def test_coordinators_create_members_cannot(client, table, coordinator, member):
    url = f"/api/v1/tables/{table.slug}/actions"
    payload = {
        "title": "Appeler le CLSC",
        "accountable_person_id": member.pk,
        "due_date": "2030-05-01",
    }
    created = client.post(
        url, payload, content_type="application/json", headers=_headers(coordinator)
    )
    assert created.status_code == 201, created.content
    assert created.json()["due_date"] == "2030-05-01"
    refused = client.post(url, payload, content_type="application/json", headers=_headers(member))
    assert refused.status_code == 403
    outsider_person = client.post(
        url,
        {"title": "x", "accountable_person_id": 999999},
        content_type="application/json",
        headers=_headers(coordinator),
    )
    assert outsider_person.status_code == 409
    assert ActionItem.objects.count() == 1


def test_accountable_person_patches_status(client, table, member, observer):
    action = ActionItemFactory(table=table, accountable_person=member)
    url = f"/api/v1/tables/{table.slug}/actions/{action.pk}"
    refused = client.patch(
        url, {"status": "done"}, content_type="application/json", headers=_headers(observer)
    )
    assert refused.status_code == 403
    response = client.patch(
        url, {"status": "done"}, content_type="application/json", headers=_headers(member)
    )
    assert response.status_code == 200 and response.json()["status"] == "done"
    stale = client.patch(
        url,
        {"status": "open", "revision": 0},
        content_type="application/json",
        headers=_headers(member),
    )
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
