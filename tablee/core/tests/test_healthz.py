"""/healthz tells a load balancer whether the database answers and is migrated."""

from unittest import mock

import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_healthy_when_database_answers_and_migrations_are_applied(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "migrations_applied": True}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_unhealthy_with_503_when_a_migration_is_pending(client):
    with mock.patch(
        "tablee.core.views.MigrationExecutor.migration_plan", return_value=[("a migration", False)]
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["migrations_applied"] is False


def test_unhealthy_with_503_when_the_database_does_not_answer(client):
    with mock.patch("tablee.core.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] is False
