"""Registry and relation lists: search, filters, pagination, HTMX, constant query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.organizations.models import OrganizationKind, RelationLevel, Sector
from tablee.organizations.tests.factories import OrganizationFactory, RelationFactory, seat_for

pytestmark = pytest.mark.django_db


def _grow_relations(table, count):
    sectors = list(Sector.objects.all())
    orgs = [OrganizationFactory(sector=sectors[i % len(sectors)]) for i in range(count + 1)]
    for i in range(count):
        RelationFactory(table=table, first=orgs[i], second=orgs[i + 1])
    for org in orgs[:3]:
        seat_for(table=table, organization=org)
    extra = OrganizationFactory()
    seat_for(table=table, organization=extra)


@pytest.mark.parametrize("organizations", [3, 60])
def test_registry_query_count_does_not_grow(
    client, member, organizations, django_assert_max_num_queries
):
    for _ in range(organizations):
        OrganizationFactory()
    client.force_login(member)
    # session, user, count, roles, two permission lookups of Django's model
    # backend (the refused {% has_perm %} buttons), sectors of the filter, page
    with django_assert_max_num_queries(8):
        response = client.get(reverse("organizations:organization-list"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(organizations, 30)


@pytest.mark.parametrize("relations", [2, 40])
def test_relation_list_query_count_does_not_grow(
    client, member, table, relations, django_assert_max_num_queries
):
    _grow_relations(table, relations)
    client.force_login(member)
    # session, user, table, roles, count, page of relations with both organizations
    with django_assert_max_num_queries(7):
        response = client.get(reverse("relations:relation-list", args=[table.slug]))
    assert response.status_code == 200


@pytest.mark.parametrize("relations", [2, 40])
def test_network_query_count_does_not_grow(
    client, member, table, relations, django_assert_max_num_queries
):
    _grow_relations(table, relations)
    client.force_login(member)
    # session, user, table, roles, relations with organizations and sectors, seats
    with django_assert_max_num_queries(7):
        response = client.get(reverse("relations:relation-network", args=[table.slug]))
    assert response.status_code == 200
    assert len(response.context["network"].relations) == relations


@pytest.mark.parametrize("relations", [2, 40])
def test_relation_api_query_count_does_not_grow(
    client, bearer, member, table, relations, django_assert_max_num_queries
):
    _grow_relations(table, relations)
    headers = bearer(member)
    # token (+ last-used touch), roles, table, count, page
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/tables/{table.slug}/relations", headers=headers)
    assert response.status_code == 200
    assert response.json()["count"] == relations


@pytest.mark.parametrize("organizations", [3, 60])
def test_registry_api_query_count_does_not_grow(
    client, bearer, member, organizations, django_assert_max_num_queries
):
    for _ in range(organizations):
        OrganizationFactory()
    headers = bearer(member)
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/organizations", headers=headers)
    assert response.status_code == 200
    assert response.json()["count"] == organizations


def test_registry_search_ignores_case_and_accents_and_finds_acronyms(client, member):
    OrganizationFactory(name="Centre d'action bénévole Les Mains tendues", acronym="CAB")
    OrganizationFactory(name="Cégep de la Vallée")
    client.force_login(member)
    url = reverse("organizations:organization-list")

    def names(**params):
        return [o.name for o in client.get(url, params).context["page"].object_list]

    assert names(q="BENEVOLE") == ["Centre d'action bénévole Les Mains tendues"]
    assert names(q="cegep") == ["Cégep de la Vallée"]
    assert names(q="cab") == ["Centre d'action bénévole Les Mains tendues"]


def test_registry_filters_by_sector_and_kind(client, member):
    education = Sector.objects.get(code="education")
    OrganizationFactory(name="École", sector=education, kind=OrganizationKind.PUBLIC)
    OrganizationFactory(name="Groupe", kind=OrganizationKind.CITIZEN)
    client.force_login(member)
    url = reverse("organizations:organization-list")
    page = client.get(url, {"sector": education.pk}).context["page"]
    assert [o.name for o in page.object_list] == ["École"]
    page = client.get(url, {"kind": "citizen"}).context["page"]
    assert [o.name for o in page.object_list] == ["Groupe"]


def test_registry_is_paginated_and_keeps_the_filters(client, member):
    for i in range(35):
        OrganizationFactory(name=f"Groupe {i:02d}", kind=OrganizationKind.CITIZEN)
    client.force_login(member)
    response = client.get(reverse("organizations:organization-list"), {"kind": "citizen"})
    assert response.context["page"].paginator.num_pages == 2
    assert "?kind=citizen&amp;page=2" in response.content.decode()


def test_registry_htmx_returns_only_the_results(client, member):
    OrganizationFactory(name="Maison des jeunes")
    client.force_login(member)
    url = reverse("organizations:organization-list")
    full = client.get(url, {"q": "maison"}).content.decode()
    fragment = client.get(url, {"q": "maison"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" in full
    assert "<html" not in fragment and 'id="organization-results"' in fragment
    assert "Maison des jeunes" in fragment


def test_registry_empty_states(client, member):
    client.force_login(member)
    url = reverse("organizations:organization-list")
    assert 'class="empty"' in client.get(url).content.decode()
    assert "No organization matches" in client.get(url, {"q": "zzz"}).content.decode()


def test_registry_fragment_offers_adding_to_those_who_may(client, coordinator):
    client.force_login(coordinator)
    fragment = client.get(
        reverse("organizations:organization-list"), {"q": "zzz"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "If it is not registered yet, add it." in fragment


def test_relation_list_search_level_filter_and_htmx(client, member, table):
    a = OrganizationFactory(name="Épicerie solidaire")
    b = OrganizationFactory(name="Banque alimentaire")
    c = OrganizationFactory(name="Maison de la famille")
    RelationFactory(table=table, first=a, second=b, level=RelationLevel.COLLABORATION)
    RelationFactory(table=table, first=b, second=c, level=RelationLevel.CONCERTATION)
    client.force_login(member)
    url = reverse("relations:relation-list", args=[table.slug])
    found = client.get(url, {"q": "epicerie"}).context["page"].object_list
    assert [(r.first, r.second) for r in found] == [(a, b)]
    found = client.get(url, {"level": "concertation"}).context["page"].object_list
    assert len(found) == 1
    fragment = client.get(url, {"q": "famille"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'id="relation-results"' in fragment
    full = client.get(url).content.decode()
    assert "<html" in full
    # Members read but do not record.
    assert reverse("relations:relation-create", args=[table.slug]) not in full


def test_relation_list_hides_ended_relations_and_history_shows_them(client, coordinator, table):
    relation = RelationFactory(table=table, started_on=timezone.localdate() - timedelta(days=9))
    relation.ended_on = timezone.localdate()
    relation.save()
    client.force_login(coordinator)
    listing = client.get(reverse("relations:relation-list", args=[table.slug]))
    assert list(listing.context["page"].object_list) == []
    assert "No relation is recorded yet" in listing.content.decode()
    history = client.get(reverse("relations:relation-history", args=[table.slug, relation.pk]))
    assert history.status_code == 200
    assert history.context["current"] is None
