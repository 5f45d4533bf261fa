"""A coordinator of another table reaches none of this table's decisions."""

import pytest
from django.urls import reverse

from tablee.decisions.tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(table, coordinator):
    return DecisionFactory(table=table, number=1, recorded_by=coordinator)


@pytest.mark.parametrize("name", ["decision-detail", "decision-amend", "decision-supersede"])
def test_pages_answer_404(client, other_coordinator, table, decision, name):
    client.force_login(other_coordinator)
    response = client.get(reverse(f"decisions:{name}", args=[table.slug, decision.pk]))
    assert response.status_code == 404


def test_a_decision_is_not_reachable_through_another_table(
    client, other_coordinator, other_table, decision
):
    client.force_login(other_coordinator)
    response = client.get(
        reverse("decisions:decision-detail", args=[other_table.slug, decision.pk])
    )
    assert response.status_code == 404


def test_api_answers_404(client, bearer, other_coordinator, other_table, table, decision):
    headers = bearer(other_coordinator)
    assert client.get(f"/api/v1/tables/{table.slug}/decisions", headers=headers).status_code == 404
    assert (
        client.get(
            f"/api/v1/tables/{other_table.slug}/decisions/{decision.pk}", headers=headers
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/api/v1/tables/{table.slug}/decisions",
            {"wording": "x", "decided_on": "2026-01-01", "modality": "consensus"},
            content_type="application/json",
            headers=headers,
        ).status_code
        == 404
    )
