"""Correcting an organization: audited, never silently overwriting another edit."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEvent
from tablee.organizations import services
from tablee.organizations.models import Sector
from tablee.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def _values(organization, **changes):
    values = {
        "name": organization.name,
        "kind": organization.kind,
        "acronym": organization.acronym,
        "sector": organization.sector,
        "territory": organization.territory,
        "website": organization.website,
        "contact_email": organization.contact_email,
        "contact_phone": organization.contact_phone,
    }
    values.update(changes)
    return values


def test_update_changes_the_entry_and_audits_only_what_changed(coordinator, audit_entries):
    organization = OrganizationFactory(name="Maison des jeunes")
    updated = services.organization_update(
        organization=organization,
        actor=coordinator,
        read_at_version=organization.updated_at,
        **_values(organization, name="Maison des jeunes L'Escale", acronym="MDJ"),
    )
    assert updated.name_key == "maison des jeunes l escale"
    assert updated.acronym_key == "mdj"
    [entry] = audit_entries()
    assert entry.event == AuditEvent.ORGANIZATION_UPDATED
    assert entry.changes == {
        "old": {"name": "Maison des jeunes", "acronym": ""},
        "new": {"name": "Maison des jeunes L'Escale", "acronym": "MDJ"},
    }


def test_a_stale_version_is_refused(coordinator, audit_entries):
    organization = OrganizationFactory()
    with pytest.raises(Conflict):
        services.organization_update(
            organization=organization,
            actor=coordinator,
            read_at_version=organization.updated_at - timedelta(seconds=5),
            **_values(organization, territory="Ailleurs"),
        )
    organization.refresh_from_db()
    assert organization.territory == "Saint-Exemple"
    assert audit_entries() == []


def test_renaming_onto_another_entry_is_refused(coordinator):
    OrganizationFactory(name="Cuisine collective La Marmite")
    organization = OrganizationFactory(name="Cuisine")
    with pytest.raises(InvalidInput):
        services.organization_update(
            organization=organization,
            actor=coordinator,
            **_values(organization, name="cuisine collective la marmite"),
        )


def test_a_retired_sector_already_chosen_can_be_kept(coordinator):
    sector = Sector.objects.get(code="recherche")
    organization = OrganizationFactory(sector=sector)
    sector.is_active = False
    sector.save()
    services.organization_update(
        organization=organization, actor=coordinator, **_values(organization, territory="Nord")
    )


def test_edit_page_saves_and_refuses_a_stale_form(client, coordinator):
    organization = OrganizationFactory(name="Centre des femmes")
    client.force_login(coordinator)
    url = reverse("organizations:organization-edit", args=[organization.pk])
    form = client.get(url).context["form"]
    version = form.initial["version"]
    data = {"name": "Centre des femmes L'Éclaircie", "kind": "community", "version": version}
    assert client.post(url, data).status_code == 302
    stale = client.post(url, {**data, "name": "Autre nom"})
    assert stale.status_code == 200
    assert "Someone else changed" in stale.content.decode()
    organization.refresh_from_db()
    assert organization.name == "Centre des femmes L'Éclaircie"


def test_edit_form_does_not_offer_retired_sectors(client, coordinator):
    retired = Sector.objects.get(code="philanthropie")
    retired.is_active = False
    retired.save()
    organization = OrganizationFactory()
    client.force_login(coordinator)
    form = client.get(reverse("organizations:organization-edit", args=[organization.pk])).context[
        "form"
    ]
    assert retired not in form.fields["sector"].queryset
    create_form = client.get(reverse("organizations:organization-create")).context["form"]
    assert retired not in create_form.fields["sector"].queryset


def test_api_patch_changes_only_the_fields_sent(client, bearer, coordinator, audit_entries):
    organization = OrganizationFactory(name="Fondation", territory="Sud")
    response = client.patch(
        f"/api/v1/organizations/{organization.pk}",
        {"acronym": "FCV", "sector": None},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["acronym"] == "FCV" and body["territory"] == "Sud" and body["sector"] is None
    assert [e.event for e in audit_entries()][-1] == AuditEvent.ORGANIZATION_UPDATED


def test_api_patch_with_a_stale_updated_at_answers_409(client, bearer, coordinator):
    organization = OrganizationFactory()
    response = client.patch(
        f"/api/v1/organizations/{organization.pk}",
        {"territory": "Nord", "updated_at": "2001-01-01T00:00:00Z"},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"


def test_api_patch_refuses_members(client, bearer, member):
    organization = OrganizationFactory()
    response = client.patch(
        f"/api/v1/organizations/{organization.pk}",
        {"territory": "Nord"},
        content_type="application/json",
        headers=bearer(member),
    )
    assert response.status_code == 403
