"""Creating, editing, deleting and restoring a table."""

import pytest
from django.urls import reverse

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.tables import services
from tablee.tables.models import Invitation, Table

pytestmark = pytest.mark.django_db


def test_platform_admin_creates_a_table_and_invites_its_coordinator(
    client, platform_admin, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(platform_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("tables:table-create"),
            {
                "name": "Table en sécurité alimentaire",
                "slug": "securite-alimentaire",
                "territory": "Saint-Exemple",
                "description": "",
                "language": "fr-ca",
                "coordinator_email": "Coord@Example.org",
            },
        )
    table = Table.objects.get(slug="securite-alimentaire")
    assert response.status_code == 302
    assert response["Location"] == table.get_absolute_url()
    invitation = Invitation.objects.get(table=table)
    assert invitation.email == "coord@example.org"
    assert invitation.role == "coordinator"
    assert [m.to for m in mailoutbox] == [["coord@example.org"]]
    events = list(AuditEntry.objects.filter(table=table).values_list("event", flat=True))
    assert sorted(events) == sorted([AuditEvent.TABLE_CREATED, AuditEvent.INVITATION_SENT])


def test_a_duplicate_slug_is_refused_with_a_clear_message_and_nothing_changes(
    client, platform_admin, table
):
    client.force_login(platform_admin)
    before = Table.objects.count()
    response = client.post(
        reverse("tables:table-create"),
        {"name": "Autre", "slug": table.slug, "language": "fr-ca"},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert Table.objects.count() == before
    assert not AuditEntry.objects.filter(event=AuditEvent.TABLE_CREATED).exists()


def test_updating_settings_records_only_what_changed(coordinator, table):
    services.table_update(
        table=table,
        actor=coordinator,
        name=table.name,
        territory="Quartier Nord",
        description=table.description,
        language=table.language,
    )
    entry = AuditEntry.objects.get(event=AuditEvent.TABLE_UPDATED)
    assert entry.actor == coordinator
    assert entry.changes == {
        "old": {"territory": "Quartier Centre"},
        "new": {"territory": "Quartier Nord"},
    }


def test_a_stale_edit_is_refused_instead_of_overwriting(coordinator, table):
    seen_version = table.updated_at
    services.table_update(
        table=table,
        actor=coordinator,
        name="Nom A",
        territory="",
        description="",
        language="fr-ca",
    )
    with pytest.raises(Conflict):
        services.table_update(
            table=table,
            actor=coordinator,
            name="Nom B",
            territory="",
            description="",
            language="fr-ca",
            read_at_version=seen_version,
        )
    table.refresh_from_db()
    assert table.name == "Nom A"


def test_the_edit_page_reports_a_concurrent_change(client, coordinator, table):
    client.force_login(coordinator)
    page = client.get(reverse("tables:table-edit", args=[table.slug]))
    version = page.context["form"].initial["version"]
    services.table_update(
        table=table,
        actor=coordinator,
        name="Changé ailleurs",
        territory="",
        description="",
        language="fr-ca",
    )
    response = client.post(
        reverse("tables:table-edit", args=[table.slug]),
        {
            "name": "Mon nom",
            "territory": "",
            "description": "",
            "language": "fr-ca",
            "version": version,
        },
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    table.refresh_from_db()
    assert table.name == "Changé ailleurs"


def test_an_empty_name_is_refused(coordinator, table):
    with pytest.raises(InvalidInput):
        services.table_update(
            table=table,
            actor=coordinator,
            name="  ",
            territory="",
            description="",
            language="fr-ca",
        )


def test_deleting_hides_the_table_and_restoring_brings_it_back(
    client, platform_admin, coordinator, table
):
    client.force_login(platform_admin)
    confirm = client.get(reverse("tables:table-delete", args=[table.slug]))
    assert confirm.status_code == 200
    table.refresh_from_db()
    assert table.deleted_at is None, "the confirmation page must not delete anything"
    client.post(reverse("tables:table-delete", args=[table.slug]))
    table.refresh_from_db()
    assert table.deleted_at is not None

    client.force_login(coordinator)
    assert client.get(table.get_absolute_url()).status_code == 404

    client.force_login(platform_admin)
    client.post(reverse("platform:table-restore", args=[table.pk]))
    table.refresh_from_db()
    assert table.deleted_at is None
    client.force_login(coordinator)
    assert client.get(table.get_absolute_url()).status_code == 200
    events = list(AuditEntry.objects.filter(table=table).values_list("event", flat=True))
    assert AuditEvent.TABLE_DELETED in events and AuditEvent.TABLE_RESTORED in events


def test_deleting_twice_is_refused(platform_admin, table):
    services.table_delete(table=table, actor=platform_admin)
    with pytest.raises(InvalidTransition):
        services.table_delete(table=table, actor=platform_admin)
    assert AuditEntry.objects.filter(event=AuditEvent.TABLE_DELETED).count() == 1
