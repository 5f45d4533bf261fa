"""The REST API: bearer tokens, the calling person, tables, errors and docs."""

import pytest
from django.utils import timezone

from tablee.accounts.models import ApiToken
from tablee.accounts.services import api_token_create, api_token_revoke, user_delete
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def test_me_describes_the_token_holder_and_their_roles(client, bearer, coordinator, table):
    response = client.get("/api/v1/me", headers=bearer(coordinator))
    assert response.status_code == 200
    assert response.json() == {
        "id": coordinator.pk,
        "email": coordinator.email,
        "full_name": coordinator.full_name,
        "language": coordinator.language,
        "is_platform_admin": False,
        "tables": [
            {"id": table.pk, "slug": table.slug, "name": table.name, "role": "coordinator"}
        ],
    }


def test_using_a_token_notes_when_it_was_last_used(client, member):
    token, raw = api_token_create(user=member, name="Tests")
    assert token.last_used_at is None
    client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("authorization", [None, "Bearer nope", "Basic YTpi", "Bearer "], ids=str)
def test_calls_without_a_valid_token_get_401(client, authorization):
    headers = {}
    if authorization:
        headers["Authorization"] = authorization
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_revoked_token_gets_401(client, member):
    token, raw = api_token_create(user=member, name="Tests")
    api_token_revoke(token=token, actor=member)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_a_deleted_persons_token_gets_401(client, member, platform_admin):
    _token, raw = api_token_create(user=member, name="Tests")
    user_delete(user=member, actor=platform_admin)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401
    assert ApiToken.objects.get().is_active  # restoring the person revives it


def test_tables_lists_only_the_callers_tables(client, bearer, member, table, other_table):
    response = client.get("/api/v1/tables", headers=bearer(member))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["items"] == [
        {
            "id": table.pk,
            "slug": table.slug,
            "name": table.name,
            "territory": table.territory,
            "language": table.language,
            "people_count": 1,
        }
    ]


def test_a_platform_admin_lists_every_live_table(client, bearer, platform_admin):
    TableFactory.create_batch(3)
    TableFactory(deleted_at=timezone.now())
    response = client.get("/api/v1/tables", headers=bearer(platform_admin))
    assert response.json()["count"] == 3


def test_tables_are_paginated_by_limit_and_offset(client, bearer, platform_admin):
    TableFactory.create_batch(60)
    headers = bearer(platform_admin)
    first = client.get("/api/v1/tables", headers=headers).json()
    assert first["count"] == 60
    assert len(first["items"]) == 50
    rest = client.get("/api/v1/tables", {"limit": 20, "offset": 50}, headers=headers).json()
    assert len(rest["items"]) == 10
    too_many = client.get("/api/v1/tables", {"limit": 201}, headers=headers)
    assert too_many.status_code == 422
    assert too_many.json()["code"] == "invalid_request"
    assert too_many.json()["extra"]["errors"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize("tables", [3, 30])
def test_the_table_list_query_count_does_not_grow_with_tables(
    client, bearer, django_assert_max_num_queries, member, tables
):
    for _ in range(tables):
        MembershipFactory(user=member, role=Role.MEMBER)
    headers = bearer(member)
    client.get("/api/v1/me", headers=headers)  # last_used_at is now fresh: no write below
    # token + person, the caller's roles, the count, the page of tables,
    # the people counts of that page
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/tables", headers=headers)
    assert response.json()["count"] == tables + 1  # and the `table` fixture's


def test_table_detail_counts_people_by_role(client, bearer, coordinator, member, observer, table):
    response = client.get(f"/api/v1/tables/{table.pk}", headers=bearer(observer))
    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == table.slug
    assert body["my_role"] == "observer"
    assert body["member_counts"] == {"coordinators": 1, "members": 1, "observers": 1}


def test_an_unknown_or_deleted_table_is_404_json_in_the_callers_language(
    client, bearer, platform_admin
):
    platform_admin.language = "en"
    platform_admin.save()
    gone = TableFactory(deleted_at=timezone.now())
    headers = bearer(platform_admin)
    for url in ("/api/v1/tables/999999", f"/api/v1/tables/{gone.pk}"):
        response = client.get(url, headers=headers)
        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "message": "Nothing was found at this address.",
            "extra": {},
        }


def test_a_malformed_id_is_a_clear_422(client, bearer, member):
    response = client.get("/api/v1/tables/abc", headers=bearer(member))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert response.json()["message"]


def test_openapi_schema_describes_the_bearer_scheme_and_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/me", "/api/v1/tables", "/api/v1/tables/{table_id}"} <= set(schema["paths"])
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_docs_load_swagger_from_our_static_files_without_inline_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    content = response.content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in content
    assert "/static/api/docs.js" in content
    assert "cdn" not in content.lower()
    assert "<script>" not in content
    assert "<script type" not in content
    assert " style=" not in content
    assert "script-src 'self'" in response["Content-Security-Policy"]
