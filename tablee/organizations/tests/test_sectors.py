"""The sector taxonomy: platform admins add, rename, retire and reactivate."""

import pytest
from django.urls import reverse

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.organizations import services
from tablee.organizations.models import Sector

pytestmark = pytest.mark.django_db


def test_create_adds_a_sector_at_the_end(platform_admin, audit_entries):
    sector = services.sector_create(
        actor=platform_admin, name_fr="Culture et loisirs", name_en="Culture and leisure"
    )
    assert sector.code == "culture-and-leisure"
    assert sector.position > Sector.objects.exclude(pk=sector.pk).latest("position").position
    [entry] = audit_entries()
    assert entry.event == AuditEvent.SECTOR_CREATED


def test_a_twin_name_is_refused(platform_admin):
    with pytest.raises(InvalidInput):
        services.sector_create(actor=platform_admin, name_fr="EDUCATION", name_en="Schools")


def test_rename_keeps_the_code(platform_admin, audit_entries):
    sector = Sector.objects.get(code="citoyens")
    services.sector_update(
        sector=sector, actor=platform_admin, name_fr="Citoyennes et citoyens", name_en="Residents"
    )
    sector.refresh_from_db()
    assert (sector.code, sector.name_en) == ("citoyens", "Residents")
    [entry] = audit_entries()
    assert entry.event == AuditEvent.SECTOR_UPDATED


def test_retire_then_reactivate(platform_admin, audit_entries):
    sector = Sector.objects.get(code="transport")
    services.sector_set_active(sector=sector, actor=platform_admin, is_active=False)
    sector.refresh_from_db()
    assert not sector.is_active
    with pytest.raises(InvalidTransition):
        services.sector_set_active(sector=sector, actor=platform_admin, is_active=False)
    services.sector_set_active(sector=sector, actor=platform_admin, is_active=True)
    assert [e.event for e in audit_entries()] == [AuditEvent.SECTOR_UPDATED] * 2


def test_pages_add_rename_and_retire(client, platform_admin):
    client.force_login(platform_admin)
    response = client.post(
        reverse("organizations:sector-create"), {"name_fr": "Aînés", "name_en": "Seniors"}
    )
    assert response.status_code == 302
    sector = Sector.objects.get(name_en="Seniors")
    response = client.post(
        reverse("organizations:sector-edit", args=[sector.pk]),
        {
            "name_fr": "Personnes aînées",
            "name_en": "Seniors",
            "seen_name_fr": "Aînés",
            "seen_name_en": "Seniors",
        },
    )
    assert response.status_code == 302
    toggle = reverse("organizations:sector-toggle", args=[sector.pk])
    assert "Retire" in client.get(toggle).content.decode()
    assert client.post(toggle).status_code == 302
    sector.refresh_from_db()
    assert sector.name_fr == "Personnes aînées" and not sector.is_active
    listing = client.get(reverse("organizations:sector-list")).content.decode()
    assert "Retired" in listing


def test_empty_names_are_refused_on_the_form(client, platform_admin):
    client.force_login(platform_admin)
    response = client.post(reverse("organizations:sector-create"), {"name_fr": "", "name_en": ""})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_a_rename_made_meanwhile_is_not_overwritten(client, platform_admin, audit_entries):
    sector = Sector.objects.get(code="municipal")
    with pytest.raises(Conflict):
        services.sector_update(
            sector=sector,
            actor=platform_admin,
            name_fr="Ville",
            name_en="City",
            read_names=("Municipalité", "Municipal"),
        )
    client.force_login(platform_admin)
    response = client.post(
        reverse("organizations:sector-edit", args=[sector.pk]),
        {"name_fr": "Ville", "name_en": "City", "seen_name_fr": "Autre", "seen_name_en": "x"},
    )
    assert response.status_code == 200
    assert "Someone else renamed" in response.content.decode()
    sector.refresh_from_db()
    assert sector.name_en == "Municipal"
    assert audit_entries() == []
