"""A coordinator of another table gets 404 for this table's plan, pages and API."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.plans.tests.factories import PlanActionFactory, ProcessFactory

pytestmark = pytest.mark.django_db

SUFFIXES = [
    "plan/",
    "dashboard/",
    "timeline/",
    "plan/objectives/new/",
    "plan/actions/new/",
    "plan/actions/{id}/",
    "plan/actions/{id}/edit/",
    "plan/actions/{id}/delete/",
    "plan/actions/{id}/progress/",
    "plan/actions/{id}/meeting-actions/",
]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_pages_of_another_table_are_404(
    client, table, other_table, other_coordinator, objective, suffix
):
    action = PlanActionFactory(objective=objective)
    process = objective.process
    client.force_login(other_coordinator)
    path = suffix.format(id=action.pk)
    assert client.get(f"/t/{table.slug}/processes/{process.slug}/{path}").status_code == 404
    if "{id}" in suffix:
        # Same process slug and action id under the other table's address: still 404.
        ProcessFactory(table=other_table, slug=process.slug)
        assert (
            client.get(f"/t/{other_table.slug}/processes/{process.slug}/{path}").status_code == 404
        )


def test_api_of_another_table_is_404(client, table, other_table, other_coordinator, objective):
    action = PlanActionFactory(objective=objective)
    process = objective.process
    ProcessFactory(table=other_table, slug=process.slug)
    _token, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    base = f"/api/v1/tables/{table.slug}/processes/{process.slug}"
    for path in ("objectives", "actions", f"actions/{action.pk}", f"actions/{action.pk}/progress"):
        assert client.get(f"{base}/{path}", headers=headers).status_code == 404
    other = f"/api/v1/tables/{other_table.slug}/processes/{process.slug}"
    assert client.get(f"{other}/actions/{action.pk}", headers=headers).status_code == 404
    response = client.patch(
        f"{other}/actions/{action.pk}",
        {"revision": 0, "title": "x"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 404
    response = client.post(
        f"{other}/actions/{action.pk}/progress",
        {"reported_on": "2026-01-01", "status": "done"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 404


def test_meeting_action_of_another_table_cannot_be_attached(
    client, table, other_table, coordinator, objective
):
    from tablee.actions.tests.factories import ActionItemFactory

    action = PlanActionFactory(objective=objective)
    foreign = ActionItemFactory(table=other_table)
    client.force_login(coordinator)
    url = (
        f"/t/{table.slug}/processes/{objective.process.slug}/plan/actions/{action.pk}/"
        "meeting-actions/"
    )
    response = client.post(url, {"item": foreign.pk})
    assert response.status_code == 200
    foreign.refresh_from_db()
    assert foreign.plan_action is None
