"""A coordinator of another table reaches none of this table's processes."""

import pytest
from django.urls import reverse

from tablee.decisions.tests.factories import DecisionFactory
from tablee.meetings.tests.factories import MeetingFactory
from tablee.processes.models import Stage
from tablee.processes.tests.factories import process_with_stages

pytestmark = pytest.mark.django_db


@pytest.fixture
def process(table, coordinator):
    return process_with_stages(table, actor=coordinator, slug="plan")


@pytest.mark.parametrize(
    "name,args",
    [
        ("process-detail", ["plan"]),
        ("process-edit", ["plan"]),
        ("process-archive", ["plan"]),
        ("mobilisation", ["plan"]),
        ("stage-detail", ["plan", "portrait"]),
        ("stage-edit", ["plan", "portrait"]),
        ("stage-mobilisation", ["plan", "portrait"]),
    ],
)
def test_pages_answer_404(client, other_coordinator, table, process, name, args):
    client.force_login(other_coordinator)
    response = client.get(reverse(f"processes:{name}", args=[table.slug, *args]))
    assert response.status_code == 404


def test_a_process_is_not_reachable_through_another_table(
    client, other_coordinator, other_table, process
):
    client.force_login(other_coordinator)
    url = reverse("processes:process-detail", args=[other_table.slug, process.slug])
    assert client.get(url).status_code == 404


def test_items_of_another_table_cannot_be_linked(client, coordinator, other_table, table, process):
    """Posting the id of another table's decision or meeting links nothing."""
    client.force_login(coordinator)
    foreign = DecisionFactory(table=other_table)
    meeting = MeetingFactory(table=other_table)
    url = reverse("processes:stage-links", args=[table.slug, "plan", "vision"])
    client.post(url, {"kind": "decision", "decision-item": str(foreign.pk)})
    client.post(url, {"kind": "meeting", "meeting-item": str(meeting.pk)})
    stage = Stage.objects.get(process=process, kind="vision")
    assert not stage.decisions.exists() and not stage.meetings.exists()
    unlink = reverse(
        "processes:stage-unlink", args=[table.slug, "plan", "vision", "decision", foreign.pk]
    )
    assert client.get(unlink).status_code == 404


def test_api_answers_404(client, bearer, other_coordinator, other_table, table, process):
    headers = bearer(other_coordinator)
    base = f"/api/v1/tables/{table.slug}/processes"
    assert client.get(base, headers=headers).status_code == 404
    assert client.get(f"{base}/plan", headers=headers).status_code == 404
    assert client.get(f"{base}/plan/stages/portrait", headers=headers).status_code == 404
    other = f"/api/v1/tables/{other_table.slug}/processes/plan"
    assert client.get(other, headers=headers).status_code == 404
    response = client.patch(
        f"{base}/plan/stages/portrait",
        {"revision": 0, "status": "done"},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 404
