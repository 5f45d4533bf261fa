"""Changing a person's role and removing them from a table."""

import pytest
from django.urls import reverse

from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.tables import services
from tablee.tables.models import Membership

pytestmark = pytest.mark.django_db


def _membership(table, user):
    return Membership.objects.current().get(table=table, user=user)


def test_coordinator_promotes_a_member_to_observer_and_it_is_audited(
    client, coordinator, member, table
):
    client.force_login(coordinator)
    membership = _membership(table, member)
    response = client.post(
        reverse("tables:membership-role", args=[table.slug, membership.pk]), {"role": "observer"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "observer"
    entry = AuditEntry.objects.get(event=AuditEvent.MEMBERSHIP_ROLE_CHANGED)
    assert entry.changes == {"old": {"role": "member"}, "new": {"role": "observer"}}
    assert entry.table == table


def test_the_last_coordinator_cannot_step_down(client, coordinator, table):
    client.force_login(coordinator)
    membership = _membership(table, coordinator)
    response = client.post(
        reverse("tables:membership-role", args=[table.slug, membership.pk]), {"role": "member"}
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "coordinator"
    assert not AuditEntry.objects.exists()


def test_removing_a_person_ends_access_but_keeps_history(client, coordinator, member, table):
    membership = _membership(table, member)
    services.membership_end(membership=membership, actor=coordinator)
    membership.refresh_from_db()
    assert membership.ended_at is not None
    client.force_login(member)
    assert client.get(table.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(event=AuditEvent.MEMBERSHIP_ENDED).count() == 1


def test_removing_asks_for_confirmation_first(client, coordinator, member, table):
    client.force_login(coordinator)
    membership = _membership(table, member)
    response = client.get(reverse("tables:membership-remove", args=[table.slug, membership.pk]))
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.ended_at is None


def test_removing_the_last_coordinator_is_refused(coordinator, table):
    with pytest.raises(InvalidTransition):
        services.membership_end(membership=_membership(table, coordinator), actor=coordinator)


def test_a_removed_person_can_be_invited_again(coordinator, member, table):
    services.membership_end(membership=_membership(table, member), actor=coordinator)
    invitation, _raw = services.invitation_send(
        table=table, actor=coordinator, email=member.email, role="member"
    )
    services.invitation_accept(invitation=invitation, user=member)
    assert Membership.objects.filter(table=table, user=member).count() == 2
    assert Membership.objects.current().filter(table=table, user=member).count() == 1
