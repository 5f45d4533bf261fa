"""List pages cost the same number of queries with 5 or 80 actions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.actions.tests.factories import ActionItemFactory
from tablee.members.tests.factories import SeatFactory
from tablee.minutes.tests.factories import DecisionFactory, MeetingFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _actions(table, person, count):
    meeting = MeetingFactory(table=table)
    decision = DecisionFactory(meeting=meeting)
    seat = SeatFactory(table=table)
    today = timezone.localdate()
    for index in range(count):
        ActionItemFactory(
            table=table,
            accountable_person=person,
            accountable_organization=seat.organization,
            meeting=meeting,
            decision=decision,
            due_date=today + timedelta(days=index - count // 2),
        )


@pytest.mark.parametrize("count", [5, 80])
def test_action_list_queries_do_not_grow(
    client, table, coordinator, member, count, django_assert_max_num_queries
):
    _actions(table, member, count)
    client.force_login(coordinator)
    # session, user, table, roles, filter people, filter organizations, count, page
    with django_assert_max_num_queries(10):
        response = client.get(f"/t/{table.slug}/actions/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 80])
def test_my_actions_queries_do_not_grow(
    client, table, other_table, member, count, django_assert_max_num_queries
):
    MembershipFactory(table=other_table, user=member, role=Role.MEMBER)
    _actions(table, member, count)
    _actions(other_table, member, count)
    client.force_login(member)
    # session, user, roles, count, page
    with django_assert_max_num_queries(7):
        response = client.get("/my-actions/")
    assert response.status_code == 200
