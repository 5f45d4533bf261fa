"""Soft delete and restore of an organization, by platform admins, with confirmation."""

import pytest
from django.urls import reverse

from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEvent
from tablee.organizations import services
from tablee.organizations.tests.factories import OrganizationFactory, seat_for

pytestmark = pytest.mark.django_db


def test_delete_hides_the_organization_and_restore_brings_it_back(platform_admin, audit_entries):
    organization = OrganizationFactory()
    services.organization_delete(organization=organization, actor=platform_admin)
    organization.refresh_from_db()
    assert organization.deleted_at is not None
    assert [e.event for e in audit_entries()] == [AuditEvent.ORGANIZATION_DELETED]
    services.organization_restore(organization=organization, actor=platform_admin)
    organization.refresh_from_db()
    assert organization.deleted_at is None
    assert [e.event for e in audit_entries()][-1] == AuditEvent.ORGANIZATION_RESTORED
    assert len(audit_entries()) == 2


def test_delete_is_refused_while_a_seat_is_open(platform_admin, table, audit_entries):
    organization = OrganizationFactory()
    seat_for(table=table, organization=organization)
    with pytest.raises(InvalidTransition, match="seat"):
        services.organization_delete(organization=organization, actor=platform_admin)
    organization.refresh_from_db()
    assert organization.deleted_at is None
    assert audit_entries() == []


def test_deleting_twice_or_restoring_a_live_entry_is_refused(platform_admin):
    organization = OrganizationFactory()
    with pytest.raises(InvalidTransition):
        services.organization_restore(organization=organization, actor=platform_admin)
    services.organization_delete(organization=organization, actor=platform_admin)
    with pytest.raises(InvalidTransition):
        services.organization_delete(organization=organization, actor=platform_admin)


def test_delete_page_confirms_then_deletes(client, platform_admin):
    organization = OrganizationFactory(name="Organisme à retirer")
    client.force_login(platform_admin)
    url = reverse("organizations:organization-delete", args=[organization.pk])
    page = client.get(url)
    assert page.status_code == 200 and "button--danger" in page.content.decode()
    organization.refresh_from_db()
    assert organization.deleted_at is None
    assert client.post(url).status_code == 302
    organization.refresh_from_db()
    assert organization.deleted_at is not None
    listing = client.get(reverse("organizations:organization-list"))
    assert organization not in listing.context["page"].object_list
    deleted = client.get(reverse("organizations:organization-deleted-list")).content.decode()
    assert "Organisme à retirer" in deleted


def test_delete_page_explains_the_open_seat(client, platform_admin, table):
    organization = OrganizationFactory()
    seat_for(table=table, organization=organization)
    client.force_login(platform_admin)
    response = client.post(reverse("organizations:organization-delete", args=[organization.pk]))
    assert response.status_code == 200
    assert "seat" in response.content.decode()


def test_a_deleted_organization_is_gone_for_others_but_visible_to_admins(
    client, coordinator, platform_admin
):
    from django.utils import timezone

    organization = OrganizationFactory(deleted_at=timezone.now())
    url = reverse("organizations:organization-detail", args=[organization.pk])
    client.force_login(coordinator)
    assert client.get(url).status_code == 404
    client.force_login(platform_admin)
    assert client.get(url).status_code == 200


def test_restore_page_restores(client, platform_admin):
    from django.utils import timezone

    organization = OrganizationFactory(deleted_at=timezone.now())
    client.force_login(platform_admin)
    url = reverse("organizations:organization-restore", args=[organization.pk])
    assert client.post(url).status_code == 302
    organization.refresh_from_db()
    assert organization.deleted_at is None
