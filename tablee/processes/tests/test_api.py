"""The processes API: same services and rules as the pages."""

import pytest

from tablee.core.models import AuditEntry
from tablee.processes.models import Process, Stage
from tablee.processes.tests.factories import process_with_stages

pytestmark = pytest.mark.django_db


def test_members_read_processes_and_stages(client, bearer, member, coordinator, table):
    process_with_stages(table, actor=coordinator, slug="plan")
    headers = bearer(member)
    listing = client.get(f"/api/v1/tables/{table.slug}/processes", headers=headers).json()
    assert [p["slug"] for p in listing["items"]] == ["plan"]
    detail = client.get(f"/api/v1/tables/{table.slug}/processes/plan", headers=headers).json()
    assert [s["kind"] for s in detail["stages"]][:2] == ["portrait", "diagnostic"]
    stages = client.get(f"/api/v1/tables/{table.slug}/processes/plan/stages", headers=headers)
    assert len(stages.json()) == 8
    response = client.patch(
        f"/api/v1/tables/{table.slug}/processes/plan/stages/portrait",
        {"revision": 0, "status": "done"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 403


def test_coordinators_create_and_update(client, bearer, coordinator, table):
    headers = bearer(coordinator)
    base = f"/api/v1/tables/{table.slug}/processes"
    response = client.post(
        base,
        {"title": "Plan jeunesse", "starts_on": "2025-01-01", "ends_on": "2027-12-31"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201, response.content
    assert response.json()["slug"] == "plan-jeunesse"
    assert len(response.json()["stages"]) == 8
    response = client.patch(
        f"{base}/plan-jeunesse",
        {"revision": 0, "title": "Plan jeunesse 2025"},
        content_type="application/json",
        headers=headers,
    )
    assert response.json()["title"] == "Plan jeunesse 2025"
    response = client.patch(
        f"{base}/plan-jeunesse/stages/vision",
        {"revision": 0, "starts_on": "2025-06-01", "ends_on": "2025-01-01"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_input"
    response = client.patch(
        f"{base}/plan-jeunesse/stages/vision",
        {"revision": 0, "status": "under_way", "starts_on": "2025-06-01"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["status"] == "under_way"
    stale = client.patch(
        f"{base}/plan-jeunesse/stages/vision",
        {"revision": 0, "status": "done"},
        content_type="application/json",
        headers=headers,
    )
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    stage = Stage.objects.get(process__slug="plan-jeunesse", kind="vision")
    assert stage.status == "under_way"
    assert Process.objects.count() == 1
    assert AuditEntry.objects.filter(event="PROCESS_STAGE_UPDATED").count() == 1


def test_api_list_query_count_does_not_grow(
    client, bearer, member, coordinator, table, django_assert_max_num_queries
):
    headers = bearer(member)
    process_with_stages(table, actor=coordinator, slug="a")
    with django_assert_max_num_queries(8):
        client.get(f"/api/v1/tables/{table.slug}/processes", headers=headers)
    for n in range(6):
        process_with_stages(table, actor=coordinator, slug=f"p{n}")
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/tables/{table.slug}/processes", headers=headers)
    assert response.json()["count"] == 7
