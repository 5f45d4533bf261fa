"""List pages: search, filters, pagination, HTMX fragments, constant query counts."""

import pytest
from django.urls import reverse

from tablee.core import audit
from tablee.core.models import AuditEvent
from tablee.tables.models import Role
from tablee.tables.tests.factories import InvitationFactory, MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def _grow_table(table, people: int):
    for _ in range(people):
        MembershipFactory(table=table, role=Role.MEMBER)
        InvitationFactory(table=table)


def _grow_audit(table, actor, entries: int):
    from django.db import transaction

    with transaction.atomic():
        for i in range(entries):
            audit.record(
                event=AuditEvent.TABLE_UPDATED,
                actor=actor,
                table=table,
                target=table,
                new={"n": i},
            )


@pytest.mark.parametrize("people", [2, 40])
def test_people_list_query_count_does_not_grow_with_people(
    client, coordinator, table, people, django_assert_max_num_queries
):
    _grow_table(table, people)
    client.force_login(coordinator)
    # session, user, table, roles, memberships count + page, invitations
    with django_assert_max_num_queries(8):
        response = client.get(reverse("tables:people-list", args=[table.slug]))
    assert response.status_code == 200


@pytest.mark.parametrize("tables", [2, 30])
def test_tables_list_query_count_does_not_grow_with_tables(
    client, platform_admin, tables, django_assert_max_num_queries
):
    for _ in range(tables):
        MembershipFactory(table=TableFactory(), role=Role.COORDINATOR)
    client.force_login(platform_admin)
    # session, user, count, page of tables with people counts
    with django_assert_max_num_queries(5):
        response = client.get(reverse("tables:table-list"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(tables, 30)


@pytest.mark.parametrize("entries", [3, 80])
def test_audit_log_query_count_does_not_grow_with_entries(
    client, coordinator, table, entries, django_assert_max_num_queries
):
    _grow_audit(table, coordinator, entries)
    client.force_login(coordinator)
    # session, user, table, roles, count, page of entries with actors
    with django_assert_max_num_queries(7):
        response = client.get(reverse("tables:audit-log", args=[table.slug]))
    assert response.status_code == 200


@pytest.mark.parametrize("entries", [3, 60])
def test_table_home_query_count_does_not_grow(
    client, coordinator, table, entries, django_assert_max_num_queries
):
    _grow_table(table, entries // 3)
    _grow_audit(table, coordinator, entries)
    client.force_login(coordinator)
    # session, user, table, roles, 2 summary counts, recent activity,
    # next meetings, overdue actions (+ savepoints of the test transaction)
    with django_assert_max_num_queries(10):
        response = client.get(table.get_absolute_url())
    assert response.status_code == 200


def test_people_search_filters_by_name_and_role(client, coordinator, table):
    MembershipFactory(table=table, user__full_name="Gilles Bouchard", role=Role.OBSERVER)
    MembershipFactory(table=table, user__full_name="Sophie Lavoie", role=Role.MEMBER)
    client.force_login(coordinator)
    page = client.get(
        reverse("tables:people-list", args=[table.slug]), {"q": "bouch"}
    ).content.decode()
    assert "Gilles Bouchard" in page and "Sophie Lavoie" not in page
    page = client.get(
        reverse("tables:people-list", args=[table.slug]), {"role": "member"}
    ).content.decode()
    assert "Sophie Lavoie" in page and "Gilles Bouchard" not in page


def test_htmx_search_returns_only_the_results_fragment(client, coordinator, table):
    client.force_login(coordinator)
    full = client.get(reverse("tables:people-list", args=[table.slug]))
    fragment = client.get(
        reverse("tables:people-list", args=[table.slug]), headers={"HX-Request": "true"}
    )
    assert "<html" in full.content.decode()
    body = fragment.content.decode()
    assert "<html" not in body and 'id="people-results"' in body


def test_tables_list_is_paginated_and_searchable(client, platform_admin):
    for i in range(35):
        TableFactory(name=f"Table numéro {i:02d}")
    client.force_login(platform_admin)
    first = client.get(reverse("tables:table-list"))
    assert first.context["page"].paginator.num_pages == 2
    found = client.get(reverse("tables:table-list"), {"q": "numéro 07"})
    assert [t.name for t in found.context["page"].object_list] == ["Table numéro 07"]
    fragment = client.get(
        reverse("tables:table-list"), {"q": "zzz"}, headers={"HX-Request": "true"}
    )
    assert "<html" not in fragment.content.decode()


def test_empty_states_explain_what_to_do(client, outsider):
    client.force_login(outsider)
    page = client.get(reverse("tables:table-list")).content.decode()
    assert 'class="empty"' in page


def test_audit_log_filters_by_event(client, coordinator, table):
    _grow_audit(table, coordinator, 2)
    client.force_login(coordinator)
    response = client.get(
        reverse("tables:audit-log", args=[table.slug]), {"event": AuditEvent.TABLE_DELETED}
    )
    assert list(response.context["page"].object_list) == []
