"""My actions: the person's unfinished actions across their own tables, overdue first."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.actions import selectors
from tablee.actions.models import ActionStatus
from tablee.actions.tests.factories import ActionItemFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def test_my_actions_across_my_tables_only_overdue_first(client, table, other_table, member):
    today = timezone.localdate()
    MembershipFactory(table=other_table, user=member, role=Role.MEMBER)
    left = TableFactory()
    membership = MembershipFactory(table=left, user=member)
    membership.ended_at = timezone.now()
    membership.save()
    ActionItemFactory(
        table=table,
        title="Plus tard",
        accountable_person=member,
        due_date=today + timedelta(days=9),
    )
    ActionItemFactory(
        table=other_table,
        title="En retard",
        accountable_person=member,
        due_date=today - timedelta(days=1),
    )
    ActionItemFactory(table=table, title="Sans date", accountable_person=member)
    ActionItemFactory(
        table=table, title="Faite", accountable_person=member, status=ActionStatus.DONE
    )
    ActionItemFactory(table=left, title="Table quittée", accountable_person=member)
    ActionItemFactory(table=table, title="Pas à moi")
    client.force_login(member)
    response = client.get("/my-actions/")
    titles = [a.title for a in response.context["page"].object_list]
    assert titles == ["En retard", "Plus tard", "Sans date"]
    page = response.content.decode()
    assert other_table.name in page and "Overdue" in page


def test_empty_my_actions(client, outsider):
    client.force_login(outsider)
    assert "You have no unfinished action" in client.get("/my-actions/").content.decode()


def test_overdue_actions_for_the_table_home(table, member):
    today = timezone.localdate()
    for days in (1, 5, 3):
        ActionItemFactory(table=table, title=f"J-{days}", due_date=today - timedelta(days=days))
    ActionItemFactory(
        table=table, title="Faite", due_date=today - timedelta(days=9), status="done"
    )
    ActionItemFactory(table=table, title="Demain", due_date=today + timedelta(days=1))
    assert [a.title for a in selectors.overdue_actions(table=table, limit=2)] == ["J-5", "J-3"]
