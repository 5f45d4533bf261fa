"""Meeting pages cost the same number of queries whatever the data size."""

import pytest
from django.urls import reverse

from tablee.accounts.tests.factories import UserFactory
from tablee.meetings.models import Attendance
from tablee.meetings.tests.factories import AgendaItemFactory, MeetingFactory, seat_with_holders

pytestmark = pytest.mark.django_db


def _fill(meeting, items, attendees):
    for n in range(items):
        AgendaItemFactory(meeting=meeting, position=n + 1)
    for n in range(attendees):
        seat = seat_with_holders(
            meeting.table, label=f"Siège {n}", representative=UserFactory(), alternate=None
        )
        Attendance.objects.create(
            table=meeting.table, meeting=meeting, seat=seat, person=seat.holdings.first().person
        )


def _count(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("name", ["meeting-detail", "meeting-run", "meeting-live"])
def test_meeting_pages_do_not_grow_with_items_and_attendees(
    client, coordinator, table, django_assert_max_num_queries, name
):
    small = MeetingFactory(table=table)
    _fill(small, 3, 5)
    large = MeetingFactory(table=table)
    _fill(large, 40, 60)
    client.force_login(coordinator)
    small_count = _count(
        client,
        reverse(f"meetings:{name}", args=[table.slug, small.pk]),
        django_assert_max_num_queries,
        25,
    )
    large_count = _count(
        client,
        reverse(f"meetings:{name}", args=[table.slug, large.pk]),
        django_assert_max_num_queries,
        25,
    )
    assert small_count == large_count


def test_meeting_list_does_not_grow(client, member, table, django_assert_max_num_queries):
    url = reverse("meetings:meeting-list", args=[table.slug])
    client.force_login(member)
    MeetingFactory.create_batch(2, table=table)
    small = _count(client, url, django_assert_max_num_queries, 12)
    MeetingFactory.create_batch(30, table=table)
    large = _count(client, url, django_assert_max_num_queries, 12)
    assert small == large
