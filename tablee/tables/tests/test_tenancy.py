"""A table never shows another table's private data."""

import pytest
from django.urls import reverse

from tablee.tables.models import Membership
from tablee.tables.tests.factories import InvitationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_of_another_table_gets_404_for_every_object(
    client, other_coordinator, member, table
):
    membership = Membership.objects.get(table=table, user=member)
    invitation = InvitationFactory(table=table)
    client.force_login(other_coordinator)
    for url in [
        reverse("tables:table-home", args=[table.slug]),
        reverse("tables:people-list", args=[table.slug]),
        reverse("tables:audit-log", args=[table.slug]),
        reverse("tables:membership-role", args=[table.slug, membership.pk]),
        reverse("tables:invitation-revoke", args=[table.slug, invitation.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_an_object_of_table_a_cannot_be_reached_through_table_b(
    client, other_coordinator, other_table, member, table
):
    """Using one's own table in the URL does not open another table's rows."""
    membership = Membership.objects.get(table=table, user=member)
    invitation = InvitationFactory(table=table)
    client.force_login(other_coordinator)
    assert (
        client.get(
            reverse("tables:membership-role", args=[other_table.slug, membership.pk])
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("tables:membership-remove", args=[other_table.slug, membership.pk])
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("tables:invitation-revoke", args=[other_table.slug, invitation.pk])
        ).status_code
        == 404
    )
    membership.refresh_from_db()
    assert membership.ended_at is None


def test_the_tables_list_shows_only_ones_own_tables(client, member, table, other_table):
    client.force_login(member)
    page = client.get(reverse("tables:table-list"))
    assert table.name in page.content.decode()
    assert other_table.name not in page.content.decode()


def test_people_list_does_not_leak_other_tables_people(client, coordinator, table, other_table):
    stranger = MembershipFactory(table=other_table, user__full_name="Personne Étrangère").user
    client.force_login(coordinator)
    page = client.get(reverse("tables:people-list", args=[table.slug]))
    assert stranger.email not in page.content.decode()


def test_audit_log_shows_only_the_tables_entries(
    client, coordinator, platform_admin, table, other_table
):
    from tablee.tables import services

    services.table_update(
        table=other_table,
        actor=platform_admin,
        name="Secret renommé",
        territory="",
        description="",
        language="fr-ca",
    )
    client.force_login(coordinator)
    page = client.get(reverse("tables:audit-log", args=[table.slug]))
    assert "Secret renommé" not in page.content.decode()
