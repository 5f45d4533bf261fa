"""The charter home costs the same number of queries however many versions and comments."""

import pytest
from django.urls import reverse

from tablee.charters.tests.factories import CharterCommentFactory, CharterVersionFactory

pytestmark = pytest.mark.django_db


def _grow(table, versions: int):
    for number in range(1, versions + 1):
        CharterVersionFactory(table=table, number=number, adopted=True)
    draft = CharterVersionFactory(table=table, number=versions + 1)
    for _ in range(versions):
        CharterCommentFactory(version=draft)


@pytest.mark.parametrize("versions", [2, 30])
def test_charter_home_query_count_does_not_grow(
    client, coordinator, table, versions, django_assert_max_num_queries
):
    _grow(table, versions)
    client.force_login(coordinator)
    # session, user, table, roles, latest adopted, draft, versions count,
    # page of versions, comment counts of the draft, sectors of the adopted version
    with django_assert_max_num_queries(10):
        response = client.get(reverse("charters:charter-home", args=[table.slug]))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(versions + 1, 20)


@pytest.mark.parametrize("comments", [1, 25])
def test_draft_step_query_count_does_not_grow(
    client, member, table, comments, django_assert_max_num_queries
):
    draft = CharterVersionFactory(table=table, number=1)
    for _ in range(comments):
        CharterCommentFactory(version=draft)
    client.force_login(member)
    # session, user, table, roles, draft, comments with authors
    with django_assert_max_num_queries(6):
        response = client.get(reverse("charters:draft-step", args=[table.slug, "why"]))
    assert response.status_code == 200
    assert response.content.decode().count("Je suis d") == comments


def test_home_without_charter_says_what_to_do(client, table, coordinator, member):
    client.force_login(coordinator)
    body = client.get(reverse("charters:charter-home", args=[table.slug])).content.decode()
    assert "Start the draft" in body
    client.force_login(member)
    body = client.get(reverse("charters:charter-home", args=[table.slug])).content.decode()
    assert "The coordination will start a draft" in body
