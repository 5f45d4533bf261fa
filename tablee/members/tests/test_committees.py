"""Committees: create, change, close, members; one audit entry each."""

from datetime import timedelta

import pytest

from tablee.accounts.tests.factories import UserFactory
from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry, AuditEvent
from tablee.members import services
from tablee.members.models import CommitteeMember, CommitteeRole
from tablee.members.tests.factories import CommitteeFactory, CommitteeMemberFactory

pytestmark = pytest.mark.django_db


def _only(event):
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [event]


def test_create_and_duplicate_name(table, coordinator):
    services.committee_create(table=table, actor=coordinator, name="Comité aînés")
    _only(AuditEvent.COMMITTEE_CREATED)
    with pytest.raises(InvalidInput):
        services.committee_create(table=table, actor=coordinator, name="comité aînés")


def test_update_refuses_stale_version(table, coordinator):
    committee = CommitteeFactory(table=table)
    with pytest.raises(Conflict):
        services.committee_update(
            committee=committee,
            actor=coordinator,
            name="Nouveau",
            kind="committee",
            read_at_version=committee.updated_at - timedelta(seconds=1),
        )
    AuditEntry.objects.all().delete()
    services.committee_update(
        committee=committee,
        actor=coordinator,
        name="Nouveau",
        kind="working_group",
        read_at_version=committee.updated_at,
    )
    _only(AuditEvent.COMMITTEE_UPDATED)


def test_add_and_remove_member(table, coordinator, member):
    committee = CommitteeFactory(table=table)
    AuditEntry.objects.all().delete()
    added = services.committee_add_member(
        committee=committee, actor=coordinator, person=member, role=CommitteeRole.CHAIR
    )
    _only(AuditEvent.COMMITTEE_MEMBER_ADDED)
    with pytest.raises(InvalidInput):
        services.committee_add_member(committee=committee, actor=coordinator, person=member)
    AuditEntry.objects.all().delete()
    services.committee_remove_member(member=added, actor=coordinator)
    _only(AuditEvent.COMMITTEE_MEMBER_REMOVED)


def test_only_people_of_the_table_can_join(table, coordinator):
    committee = CommitteeFactory(table=table)
    with pytest.raises(InvalidInput):
        services.committee_add_member(committee=committee, actor=coordinator, person=UserFactory())


def test_close_ends_memberships(table, coordinator, member):
    cm = CommitteeMemberFactory(committee__table=table, person=member)
    AuditEntry.objects.all().delete()
    services.committee_close(committee=cm.committee, actor=coordinator)
    _only(AuditEvent.COMMITTEE_CLOSED)
    assert CommitteeMember.objects.get(pk=cm.pk).left_on is not None


def test_committee_pages(client, table, coordinator, member):
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/committees/new/", {"name": "Groupe portrait", "kind": "working_group"}
    )
    assert response.status_code == 302
    committee = table.committees.get()
    response = client.post(
        f"/t/{table.slug}/committees/{committee.pk}/members/add/",
        {"person": member.pk, "role": "chair"},
    )
    assert response.status_code == 302
    page = client.get(f"/t/{table.slug}/committees/{committee.pk}/")
    assert member.display_name in page.content.decode()
    listing = client.get(f"/t/{table.slug}/committees/")
    assert "Groupe portrait" in listing.content.decode()
