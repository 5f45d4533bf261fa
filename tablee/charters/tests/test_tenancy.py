"""A coordinator of another table never reaches this table's charter."""

import pytest
from django.urls import reverse

from tablee.charters.models import CharterComment, CharterVersion
from tablee.charters.tests.factories import CharterVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def versions(table):
    return (
        CharterVersionFactory(table=table, number=1, adopted=True),
        CharterVersionFactory(table=table, number=2),
    )


def test_pages_answer_404(client, table, other_coordinator, versions):
    client.force_login(other_coordinator)
    slug = table.slug
    for url in [
        reverse("charters:charter-home", args=[slug]),
        reverse("charters:version-detail", args=[slug, 1]),
        reverse("charters:draft-step", args=[slug, "why"]),
        reverse("charters:draft-choices", args=[slug]),
        reverse("charters:draft-review", args=[slug]),
        reverse("charters:draft-adopt", args=[slug]),
        reverse("charters:draft-start", args=[slug]),
        reverse("charters:answer-propose", args=[slug, "why_added_value"]),
        reverse("charters:comment-add", args=[slug, "why_added_value"]),
        reverse("charters:charter-compare", args=[slug]) + "?from=1&to=2",
        reverse("charters:export-pdf", args=[slug, 1]),
        reverse("charters:export-docx", args=[slug, 2]),
    ]:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("charters:comment-add", args=[slug, "why_added_value"]), {"body": "x"}
        ).status_code
        == 404
    )
    assert client.post(reverse("charters:draft-adopt", args=[slug])).status_code == 404
    assert not CharterComment.objects.exists()
    assert CharterVersion.objects.get(number=2).status == "draft"


def test_own_table_in_the_url_shows_only_own_versions(
    client, table, other_table, other_coordinator, versions
):
    client.force_login(other_coordinator)
    assert (
        client.get(reverse("charters:version-detail", args=[other_table.slug, 1])).status_code
        == 404
    )
    response = client.get(reverse("charters:charter-home", args=[other_table.slug]))
    assert response.status_code == 200
    assert response.context["adopted"] is None and response.context["draft"] is None


def test_api_answers_404(client, bearer, table, other_coordinator, versions):
    headers = bearer(other_coordinator)
    for url in [
        f"/api/v1/tables/{table.slug}/charter",
        f"/api/v1/tables/{table.slug}/charter/versions/1",
    ]:
        response = client.get(url, headers=headers)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"
