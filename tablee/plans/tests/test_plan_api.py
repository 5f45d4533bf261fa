"""The plan's API: members read, coordinators write, the accountable person reports."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.core.models import AuditEntry
from tablee.plans.models import PlanAction, ProgressUpdate
from tablee.plans.tests.factories import AxisFactory, ObjectiveFactory, PlanActionFactory

pytestmark = pytest.mark.django_db


def _headers(user):
    _token, raw = api_token_create(user=user, name="t")
    return {"Authorization": f"Bearer {raw}"}


def _base(table, process):
    return f"/api/v1/tables/{table.slug}/processes/{process.slug}"


def test_member_reads_objectives_and_actions(client, table, member, process, objective):
    AxisFactory(objective=objective, title="Axe A")
    PlanActionFactory(objective=objective, title="Action A")
    headers = _headers(member)
    objectives = client.get(f"{_base(table, process)}/objectives", headers=headers).json()
    assert objectives[0]["axes"][0]["title"] == "Axe A"
    actions = client.get(f"{_base(table, process)}/actions", headers=headers).json()
    assert actions["items"][0]["title"] == "Action A"
    assert actions["items"][0]["health"] == "on_track"


def test_member_cannot_create_an_action(client, table, member, process, objective):
    response = client.post(
        f"{_base(table, process)}/actions",
        {"title": "X", "objective_id": objective.pk},
        content_type="application/json",
        headers=_headers(member),
    )
    assert response.status_code == 403
    assert not PlanAction.objects.exists()


def test_coordinator_creates_and_patches_an_action(
    client, table, coordinator, process, objective, organization
):
    headers = _headers(coordinator)
    response = client.post(
        f"{_base(table, process)}/actions",
        {
            "title": "Frigo communautaire",
            "objective_id": objective.pk,
            "accountable_organization_id": organization.pk,
            "starts_on": "2026-02-01",
            "ends_on": "2026-08-01",
            "partners": [{"organization_id": organization.pk, "role": "supports"}],
        },
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["partners"][0]["role"] == "supports"
    url = f"{_base(table, process)}/actions/{body['id']}"
    response = client.patch(
        url,
        {"revision": 0, "status": "under_way"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200
    assert response.json()["status"] == "under_way"
    assert response.json()["partners"][0]["role"] == "supports"
    stale = client.patch(
        url, {"revision": 0, "title": "Autre"}, content_type="application/json", headers=headers
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"


def test_api_refuses_an_axis_of_another_objective(client, table, coordinator, process, objective):
    other = AxisFactory(objective=ObjectiveFactory(process=process))
    response = client.post(
        f"{_base(table, process)}/actions",
        {"title": "X", "objective_id": objective.pk, "axis_id": other.pk},
        content_type="application/json",
        headers=_headers(coordinator),
    )
    assert response.status_code == 409
    assert "axis" in response.json()["extra"]["fields"]
    assert not PlanAction.objects.exists()


def test_api_refuses_dates_backwards(client, table, coordinator, process, objective):
    response = client.post(
        f"{_base(table, process)}/actions",
        {
            "title": "X",
            "objective_id": objective.pk,
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
        },
        content_type="application/json",
        headers=_headers(coordinator),
    )
    assert response.status_code == 409
    assert not PlanAction.objects.exists()


def test_accountable_person_reports_progress_through_the_api(
    client, table, member, process, objective
):
    action = PlanActionFactory(objective=objective, accountable_person=member)
    url = f"{_base(table, process)}/actions/{action.pk}/progress"
    response = client.post(
        url,
        {"reported_on": "2026-01-15", "status": "late", "note": "Retard du fournisseur."},
        content_type="application/json",
        headers=_headers(member),
    )
    assert response.status_code == 201, response.json()
    action.refresh_from_db()
    assert action.status == "late"
    listed = client.get(url, headers=_headers(member)).json()
    assert listed[0]["note"] == "Retard du fournisseur."
    assert AuditEntry.objects.filter(event="plan_progress_recorded").count() == 1


def test_observer_cannot_report_progress(client, table, observer, process, objective):
    action = PlanActionFactory(objective=objective)
    response = client.post(
        f"{_base(table, process)}/actions/{action.pk}/progress",
        {"reported_on": "2026-01-15", "status": "done"},
        content_type="application/json",
        headers=_headers(observer),
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_coordinator_deletes_an_action(client, table, coordinator, process, objective):
    action = PlanActionFactory(objective=objective)
    response = client.delete(
        f"{_base(table, process)}/actions/{action.pk}", headers=_headers(coordinator)
    )
    assert response.status_code == 204
    assert not PlanAction.objects.exists()
