"""The register: search (accents ignored), filters, HTMX fragment, constant queries."""

from datetime import date

import pytest
from django.urls import reverse

from tablee.decisions.models import Modality
from tablee.decisions.tests.factories import DecisionFactory

pytestmark = pytest.mark.django_db


def _url(table):
    return reverse("decisions:decision-list", args=[table.slug])


def _make(table, count, start=1):
    from tablee.meetings.models import AgendaItem, Meeting

    meeting = Meeting.objects.create(table=table, title="Rencontre")
    item = AgendaItem.objects.create(table=table, meeting=meeting, title="Point", kind="decision")
    made = []
    for n in range(start, start + count):
        made.append(
            DecisionFactory(
                table=table,
                number=n,
                meeting=meeting if n % 2 else None,
                agenda_item=item if n % 2 else None,
            )
        )
    return made


def test_search_ignores_accents_and_case(client, table, member):
    DecisionFactory(table=table, number=1, wording="Créer un réseau d'entraide")
    DecisionFactory(table=table, number=2, wording="Adopter le budget")
    client.force_login(member)
    body = client.get(_url(table), {"q": "RESEAU"}).content.decode()
    assert "Créer un réseau" in body and "Adopter le budget" not in body


def test_filters_by_modality_year_and_in_force(client, table, member, coordinator):
    old = DecisionFactory(table=table, number=1, wording="Ancienne", decided_on=date(2025, 1, 5))
    DecisionFactory(
        table=table,
        number=2,
        wording="Vote",
        modality=Modality.MAJORITY,
        decided_on=date(2026, 2, 5),
        votes_for=5,
        votes_against=1,
        abstentions=0,
        threshold_percent=50,
    )
    DecisionFactory(
        table=table,
        number=3,
        wording="Remplace",
        supersedes_id=old.pk,
        decided_on=date(2026, 3, 1),
    )
    client.force_login(member)
    assert "Vote" in client.get(_url(table), {"modality": "majority"}).content.decode()
    by_year = client.get(_url(table), {"year": 2025}).content.decode()
    assert "Ancienne" in by_year and "Remplace" not in by_year
    in_force = client.get(_url(table), {"in_force": "on"}).content.decode()
    assert "Ancienne" not in in_force and "Remplace" in in_force


def test_an_invalid_filter_is_ignored(client, table, member):
    DecisionFactory(table=table, number=1)
    client.force_login(member)
    response = client.get(_url(table), {"year": "abc", "modality": "nope"})
    assert response.status_code == 200


def test_htmx_gets_only_the_results_fragment(client, table, member):
    DecisionFactory(table=table, number=1, wording="Fragment visible")
    client.force_login(member)
    full = client.get(_url(table)).content.decode()
    fragment = client.get(_url(table), headers={"HX-Request": "true"}).content.decode()
    assert "<html" in full and 'id="decision-results"' in full
    assert "<html" not in fragment and "Fragment visible" in fragment
    assert fragment.strip().startswith('<div id="decision-results"')


def test_empty_register_says_what_to_do(client, table, coordinator):
    client.force_login(coordinator)
    assert "Record the table" in client.get(_url(table)).content.decode()


@pytest.mark.parametrize("count", [5, 80])
def test_register_queries_do_not_grow_with_decisions(
    client, table, member, django_assert_max_num_queries, count
):
    _make(table, count)
    client.force_login(member)
    # session, user, roles, table, years, meetings filter, count, page rows (+ savepoints).
    with django_assert_max_num_queries(12):
        response = client.get(_url(table))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 80])
def test_detail_queries_are_constant(client, table, member, django_assert_max_num_queries, count):
    decisions = _make(table, count)
    client.force_login(member)
    target = decisions[0]
    with django_assert_max_num_queries(10):
        response = client.get(reverse("decisions:decision-detail", args=[table.slug, target.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 80])
def test_api_list_queries_are_constant(
    client, bearer, table, member, django_assert_max_num_queries, count
):
    _make(table, count)
    headers = bearer(member)
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/tables/{table.slug}/decisions", headers=headers)
    assert response.status_code == 200
    assert response.json()["count"] == count
    assert response.json()["items"][0]["status"] == "in_force"


def test_api_search(client, bearer, table, member):
    DecisionFactory(table=table, number=1, wording="Élargir la table aux aînés")
    DecisionFactory(table=table, number=2, wording="Autre chose")
    body = client.get(
        f"/api/v1/tables/{table.slug}/decisions", {"q": "elargir"}, headers=bearer(member)
    ).json()
    assert [item["number"] for item in body["items"]] == [1]
