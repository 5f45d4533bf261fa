"""The registry and relations through the API."""

import pytest

from tablee.organizations.models import RelationLevel
from tablee.organizations.tests.factories import OrganizationFactory, RelationFactory

pytestmark = pytest.mark.django_db


def test_registry_lists_searches_and_paginates(client, bearer, observer):
    for i in range(5):
        OrganizationFactory(name=f"Groupe {i}")
    OrganizationFactory(name="Cégep de la Vallée", acronym="CVE")
    headers = bearer(observer)
    body = client.get("/api/v1/organizations", {"limit": 2}, headers=headers).json()
    assert body["count"] == 6 and len(body["items"]) == 2
    body = client.get("/api/v1/organizations", {"q": "CEGEP"}, headers=headers).json()
    assert [item["name"] for item in body["items"]] == ["Cégep de la Vallée"]
    assert body["items"][0]["sector"]["code"]


def test_registry_detail_and_404(client, bearer, observer):
    organization = OrganizationFactory(name="Banque alimentaire")
    headers = bearer(observer)
    response = client.get(f"/api/v1/organizations/{organization.pk}", headers=headers)
    assert response.status_code == 200
    assert response.json()["name"] == "Banque alimentaire"
    assert client.get("/api/v1/organizations/999999", headers=headers).status_code == 404


def test_relations_of_a_table(client, bearer, observer, table):
    relation = RelationFactory(
        table=table, level=RelationLevel.PARTNERSHIP, agreement_title="Entente"
    )
    RelationFactory(table=table, level=RelationLevel.COLLABORATION)
    headers = bearer(observer)
    body = client.get(f"/api/v1/tables/{table.slug}/relations", headers=headers).json()
    assert body["count"] == 2
    body = client.get(
        f"/api/v1/tables/{table.slug}/relations", {"level": "partnership"}, headers=headers
    ).json()
    [item] = body["items"]
    assert item["id"] == relation.pk
    assert item["first"]["id"] == relation.first_id
    assert item["agreement_title"] == "Entente"
    assert item["has_agreement_document"] is False


def test_relations_of_an_unknown_table_are_404(client, bearer, observer):
    response = client.get("/api/v1/tables/nowhere/relations", headers=bearer(observer))
    assert response.status_code == 404
