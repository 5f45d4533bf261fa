"""Registering an organization: duplicates refused or confirmed, one audit entry."""

import pytest
from django.urls import reverse

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEvent
from tablee.organizations import services
from tablee.organizations.models import Organization, OrganizationKind, Sector
from tablee.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_creating_an_organization_stores_its_keys_and_audits_once(coordinator, audit_entries):
    sector = Sector.objects.get(code="communautaire")
    organization = services.organization_create(
        actor=coordinator,
        name="  Centre d'Action  Bénévole du Nord ",
        acronym="CAB-N",
        sector=sector,
        kind=OrganizationKind.COMMUNITY,
    )
    assert organization.name == "Centre d'Action Bénévole du Nord"
    assert organization.name_key == "centre d action benevole du nord"
    assert organization.acronym_key == "cab n"
    assert organization.created_by == coordinator
    [entry] = audit_entries()
    assert entry.event == AuditEvent.ORGANIZATION_CREATED
    assert entry.table is None
    assert entry.changes["new"]["name"] == organization.name


def test_same_name_with_other_case_and_accents_is_refused_with_the_existing_entry(
    coordinator, audit_entries
):
    existing = OrganizationFactory(name="Maison des Jeunes L'Escale")
    with pytest.raises(InvalidInput) as caught:
        services.organization_create(
            actor=coordinator, name="MAISON DES JEUNES L ESCALE", kind=OrganizationKind.COMMUNITY
        )
    assert caught.value.extra["existing_id"] == existing.pk
    assert "name" in caught.value.extra["fields"]
    assert Organization.objects.count() == 1
    assert audit_entries() == []


def test_same_name_as_a_deleted_organization_asks_for_a_restore(coordinator):
    from django.utils import timezone

    OrganizationFactory(name="Ancien organisme", deleted_at=timezone.now())
    with pytest.raises(InvalidInput, match="restore"):
        services.organization_create(
            actor=coordinator, name="ancien organisme", kind=OrganizationKind.COMMUNITY
        )


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Office municipal d'habitation", "OMH"),  # same acronym, other name
        ("Maison de la famille du Vieux Moulins", ""),  # one letter apart
    ],
)
def test_shared_acronym_or_very_similar_name_needs_a_confirmation(coordinator, name, acronym):
    first = OrganizationFactory(
        name="Office municipal d'habitation de Saint-Exemple", acronym="OMH"
    )
    second = OrganizationFactory(name="Maison de la famille du Vieux-Moulin")
    with pytest.raises(services.PossibleDuplicate) as caught:
        services.organization_create(
            actor=coordinator, name=name, acronym=acronym, kind=OrganizationKind.COMMUNITY
        )
    ids = [item["id"] for item in caught.value.extra["similar"]]
    assert ids and set(ids) <= {first.pk, second.pk}
    created = services.organization_create(
        actor=coordinator,
        name=name,
        acronym=acronym,
        kind=OrganizationKind.COMMUNITY,
        confirm_similar=True,
    )
    assert created.pk


def test_a_retired_sector_is_refused(coordinator):
    sector = Sector.objects.get(code="transport")
    sector.is_active = False
    sector.save()
    with pytest.raises(InvalidInput):
        services.organization_create(
            actor=coordinator, name="Taxi collectif", sector=sector, kind=OrganizationKind.PRIVATE
        )


def test_an_invalid_website_is_refused_and_nothing_is_saved(coordinator):
    with pytest.raises(InvalidInput) as caught:
        services.organization_create(
            actor=coordinator, name="Organisme", website="pas une adresse", kind="community"
        )
    assert "website" in caught.value.extra["fields"]
    assert not Organization.objects.exists()


def test_the_form_adds_an_organization_and_shows_it(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("organizations:organization-create"),
        {"name": "Cuisine collective Le Chaudron", "kind": "community", "acronym": ""},
    )
    organization = Organization.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organizations:organization-detail", args=[organization.pk]
    )


def test_the_form_links_to_the_existing_organization(client, coordinator):
    existing = OrganizationFactory(name="Banque alimentaire de la Vallée")
    client.force_login(coordinator)
    response = client.post(
        reverse("organizations:organization-create"),
        {"name": "banque alimentaire de la vallee", "kind": "community"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("organizations:organization-detail", args=[existing.pk]) in page
    assert Organization.objects.count() == 1


def test_the_form_asks_to_confirm_a_look_alike_then_adds_it(client, coordinator):
    OrganizationFactory(name="Carrefour jeunesse-emploi de Saint-Exemple", acronym="CJE")
    client.force_login(coordinator)
    data = {"name": "Carrefour jeunesse emploi Est", "acronym": "CJE", "kind": "community"}
    response = client.post(reverse("organizations:organization-create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="checkbox" name="confirm_similar"' in page
    assert "Carrefour jeunesse-emploi de Saint-Exemple" in page
    assert Organization.objects.count() == 1
    response = client.post(
        reverse("organizations:organization-create"), {**data, "confirm_similar": "on"}
    )
    assert response.status_code == 302
    assert Organization.objects.count() == 2


def test_members_and_observers_cannot_add(client, member):
    client.force_login(member)
    response = client.post(
        reverse("organizations:organization-create"), {"name": "X", "kind": "community"}
    )
    assert response.status_code == 403
    assert not Organization.objects.exists()


def test_api_creates_an_organization(client, bearer, coordinator):
    sector = Sector.objects.get(code="emploi")
    response = client.post(
        "/api/v1/organizations",
        {"name": "Club de recherche d'emploi", "kind": "community", "sector": sector.pk},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Club de recherche d'emploi"
    assert body["sector"]["code"] == "emploi"


def test_api_refuses_a_duplicate_with_409_and_the_existing_id(client, bearer, coordinator):
    existing = OrganizationFactory(name="Cégep de la Vallée")
    response = client.post(
        "/api/v1/organizations",
        {"name": "CEGEP DE LA VALLEE", "kind": "public"},
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "invalid_input"
    assert body["extra"]["existing_id"] == existing.pk


def test_api_reports_look_alikes_until_confirmed(client, bearer, platform_admin):
    OrganizationFactory(name="Société de transport de la Vallée", acronym="STV")
    payload = {"name": "Service de transport vallée", "acronym": "stv", "kind": "public"}
    response = client.post(
        "/api/v1/organizations",
        payload,
        content_type="application/json",
        headers=bearer(platform_admin),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "possible_duplicate"
    response = client.post(
        "/api/v1/organizations",
        {**payload, "confirm_similar": True},
        content_type="application/json",
        headers=bearer(platform_admin),
    )
    assert response.status_code == 201


def test_api_refuses_observers(client, bearer, observer):
    response = client.post(
        "/api/v1/organizations",
        {"name": "Organisme", "kind": "community"},
        content_type="application/json",
        headers=bearer(observer),
    )
    assert response.status_code == 403


def test_import_helper_returns_existing_or_creates(coordinator, audit_entries):
    existing = OrganizationFactory(name="Comité logement du Vieux-Moulin")
    found, created = services.organization_get_or_create_for_import(
        actor=coordinator, name="comite logement du vieux moulin"
    )
    assert (found, created) == (existing, False)
    assert audit_entries() == []
    new, created = services.organization_get_or_create_for_import(
        actor=coordinator, name="Nouveau groupe", kind="citizen"
    )
    assert created and new.kind == "citizen"
    assert [e.event for e in audit_entries()] == [AuditEvent.ORGANIZATION_CREATED]
    _silent, created = services.organization_get_or_create_for_import(
        actor=coordinator, name="Autre groupe", record_audit=False
    )
    assert created and len(audit_entries()) == 1
