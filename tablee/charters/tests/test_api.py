import pytest

from tablee.charters.tests.factories import CharterVersionFactory

pytestmark = pytest.mark.django_db


def test_charter_gives_the_adopted_version_and_the_draft_summary(client, bearer, table, observer):
    CharterVersionFactory(table=table, number=1, adopted=True, table_roles=["networking"])
    CharterVersionFactory(table=table, number=2)
    body = client.get(f"/api/v1/tables/{table.slug}/charter", headers=bearer(observer)).json()
    assert body["adopted"]["number"] == 1
    assert body["adopted"]["table_roles"] == ["networking"]
    assert body["adopted"]["answers"][0]["key"] == "why_added_value"
    assert body["draft"]["number"] == 2
    assert body["draft"]["progress"][0]["family"] == "why"
    assert body["versions"] == [2, 1]


def test_charter_without_versions_is_empty(client, bearer, table, member):
    body = client.get(f"/api/v1/tables/{table.slug}/charter", headers=bearer(member)).json()
    assert body == {"adopted": None, "draft": None, "versions": []}


def test_one_version(client, bearer, table, member):
    CharterVersionFactory(table=table, number=1, accountabilities=[{"what": "A", "who": "B"}])
    url = f"/api/v1/tables/{table.slug}/charter/versions/1"
    response = client.get(url, headers=bearer(member))
    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response.json()["accountabilities"] == [{"what": "A", "who": "B"}]


def test_missing_version_is_404(client, bearer, table, member):
    url = f"/api/v1/tables/{table.slug}/charter/versions/5"
    response = client.get(url, headers=bearer(member))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_without_token_is_401(client, table):
    assert client.get(f"/api/v1/tables/{table.slug}/charter").status_code == 401
