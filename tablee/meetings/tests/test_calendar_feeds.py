"""Secret calendar addresses: personal and per table, revocable."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import services
from tablee.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_personal_feed_lists_the_persons_meetings_until_revoked(
    client, member, table, other_table
):
    mine = MeetingFactory(table=table, title="La nôtre")
    MeetingFactory(table=other_table, title="Pas la nôtre")
    feed, raw = services.calendar_feed_create(actor=member)
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.CALENDAR_FEED_CREATED]
    url = reverse("meetings_public:feed", args=[raw])
    calendar = Calendar.from_ical(client.get(url).content)
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert uids == [mine.ical_uid]
    services.calendar_feed_revoke(feed=feed, actor=member)
    assert client.get(url).status_code == 404


def test_table_feed_page_creates_and_revokes(client, member, table):
    MeetingFactory(table=table)
    client.force_login(member)
    url = reverse("meetings:table-calendar", args=[table.slug])
    response = client.post(url, {"action": "create"})
    assert "/calendar/" in response.content.decode()
    feed = member.calendar_feeds.model.objects.get(created_by=member)
    assert feed.table == table
    client.post(url, {"action": "revoke", "feed": feed.pk})
    feed.refresh_from_db()
    assert feed.revoked_at is not None


def test_a_table_feed_stops_when_its_owner_leaves(client, member, table):
    from tablee.tables.models import Membership

    MeetingFactory(table=table)
    _feed, raw = services.calendar_feed_create(actor=member, table=table)
    Membership.objects.filter(table=table, user=member).update(ended_at="2020-01-01T00:00Z")
    calendar = Calendar.from_ical(client.get(reverse("meetings_public:feed", args=[raw])).content)
    assert calendar.walk("VEVENT") == []


def test_my_calendar_page_needs_sign_in(client, member):
    url = reverse("meetings_public:my-calendar")
    assert client.get(url).status_code == 302
    client.force_login(member)
    assert client.get(url).status_code == 200
