"""The demo's organizations and relations load once, through the services."""

import pytest

from tablee.core.models import AuditEntry, AuditEvent
from tablee.organizations import demo
from tablee.organizations.models import Organization, OrganizationRelation, RelationLevel

pytestmark = pytest.mark.django_db


def test_demo_relations_load_once_with_history(table, coordinator):
    people = {"coordination@example.org": coordinator}
    demo.load(people=people)
    demo.load(people=people)
    assert Organization.objects.count() == len(demo.ORGANIZATIONS)
    relations = OrganizationRelation.objects.for_table(table)
    current = relations.filter(ended_on__isnull=True)
    assert current.count() == len(demo.RELATIONS)
    assert relations.filter(ended_on__isnull=False).count() == 2  # two pairs changed
    partnerships = current.filter(level=RelationLevel.PARTNERSHIP)
    assert partnerships.count() >= 2
    assert all(p.agreement_title for p in partnerships)
    assert (
        AuditEntry.objects.for_table(table).filter(event=AuditEvent.RELATION_RECORDED).count()
        == relations.count()
    )


def test_demo_leaves_some_organizations_without_relation():
    names = {name for pair in demo.RELATIONS for name in pair[:2]}
    alone = {name for name, *_ in demo.ORGANIZATIONS} - names
    assert len(alone) >= 2
