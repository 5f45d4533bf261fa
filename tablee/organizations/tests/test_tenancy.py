"""A table's relations never reach people of another table, by page or by API."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tablee.organizations.tests.factories import OrganizationFactory, RelationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def relation(table):
    relation = RelationFactory(table=table, agreement_title="Entente")
    relation.agreement_document.save("e.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return relation


@pytest.mark.parametrize(
    "name",
    [
        "relations:relation-history",
        "relations:relation-change",
        "relations:relation-end",
        "relations:relation-document",
    ],
)
def test_a_coordinator_of_another_table_gets_404_for_this_tables_relations(
    client, other_coordinator, table, relation, name
):
    client.force_login(other_coordinator)
    assert client.get(reverse(name, args=[table.slug, relation.pk])).status_code == 404


def test_a_relation_is_not_reachable_through_another_tables_address(
    client, other_coordinator, other_table, relation
):
    """Even the other table's coordinator, on their own table, cannot name our relation."""
    client.force_login(other_coordinator)
    for name in ("relations:relation-history", "relations:relation-document"):
        url = reverse(name, args=[other_table.slug, relation.pk])
        assert client.get(url).status_code == 404


def test_lists_and_network_are_404_for_another_tables_coordinator(
    client, other_coordinator, table, relation
):
    client.force_login(other_coordinator)
    for name in ("relations:relation-list", "relations:relation-network"):
        assert client.get(reverse(name, args=[table.slug])).status_code == 404


def test_the_api_agrees(client, bearer, other_coordinator, table, other_table, relation):
    headers = bearer(other_coordinator)
    response = client.get(f"/api/v1/tables/{table.slug}/relations", headers=headers)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    mine = client.get(f"/api/v1/tables/{other_table.slug}/relations", headers=headers).json()
    assert mine["count"] == 0


def test_the_registry_detail_lists_only_tables_the_viewer_can_open(
    client, member, other_coordinator, table, other_table
):
    from tablee.organizations.tests.factories import seat_for

    organization = OrganizationFactory()
    seat_for(table=table, organization=organization)
    seat_for(table=other_table, organization=organization)
    url = reverse("organizations:organization-detail", args=[organization.pk])
    client.force_login(member)
    assert client.get(url).context["tables"] == [table]
    client.force_login(other_coordinator)
    assert client.get(url).context["tables"] == [other_table]
