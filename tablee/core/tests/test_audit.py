"""The audit log: written inside services, read by coordinators and admins."""

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import path

from tablee.core import audit
from tablee.core.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_recording_outside_a_transaction_is_a_programming_error(table, coordinator):
    with pytest.raises(AssertionError):
        audit.record(event=AuditEvent.TABLE_UPDATED, actor=coordinator, table=table, target=table)


def test_an_entry_keeps_who_what_where_and_the_change(table, coordinator):
    with transaction.atomic():
        audit.record(
            event=AuditEvent.TABLE_UPDATED,
            actor=coordinator,
            table=table,
            target=table,
            old={"name": "Avant"},
            new={"name": "Après"},
        )
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.table, entry.event) == (
        coordinator,
        table,
        AuditEvent.TABLE_UPDATED,
    )
    assert entry.target_type == "tables.table" and entry.target_id == str(table.pk)
    assert entry.changes == {"old": {"name": "Avant"}, "new": {"name": "Après"}}


def test_a_failed_service_leaves_no_audit_entry(table, coordinator):
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record(event=AuditEvent.TABLE_UPDATED, actor=coordinator, table=table, target=table)
        raise RuntimeError("the rest of the service failed")
    assert not AuditEntry.objects.exists()


def test_coordinator_sees_the_tables_log_and_admin_sees_all(
    client, coordinator, platform_admin, table, other_table
):
    from tablee.tables import services

    services.table_update(
        table=table,
        actor=coordinator,
        name="Nouveau nom",
        territory="",
        description="",
        language="fr-ca",
    )
    services.table_update(
        table=other_table,
        actor=platform_admin,
        name="Autre nom",
        territory="",
        description="",
        language="fr-ca",
    )
    client.force_login(coordinator)
    page = client.get(f"/t/{table.slug}/audit/").content.decode()
    assert "Nouveau nom" in page and "Autre nom" not in page
    client.force_login(platform_admin)
    page = client.get("/platform/audit/").content.decode()
    assert "Nouveau nom" in page and "Autre nom" in page


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_shows_a_calm_translated_page():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Un problème est survenu" in body and "Rien n’a été modifié" in body


def test_not_found_and_forbidden_pages_are_translated(client, member, table):
    client.cookies["django_language"] = "fr-ca"
    client.force_login(member)
    assert "Page introuvable" in client.get("/t/inconnue/").content.decode()
    forbidden = client.get(f"/t/{table.slug}/audit/")
    assert forbidden.status_code == 403
    assert "Accès refusé" in forbidden.content.decode()
