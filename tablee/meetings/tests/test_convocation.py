"""Convocation e-mails, attendance replies by signed link, the alternate."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import links, services
from tablee.meetings.models import Attendance, MeetingStatus, Reply
from tablee.meetings.tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def _convene(meeting, coordinator, capture):
    with capture(execute=True):
        services.meeting_convene(meeting=meeting, actor=coordinator)


def test_convocation_reaches_every_seat_and_the_coordinators(
    meeting, coordinator, member, seats, django_capture_on_commit_callbacks
):
    AgendaItemFactory(meeting=meeting, title="Portrait du quartier")
    _convene(meeting, coordinator, django_capture_on_commit_callbacks)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CONVENED
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [
        AuditEvent.MEETING_CONVENED
    ]
    recipients = {message.to[0] for message in mail.outbox}
    assert member.email in recipients and coordinator.email in recipients
    assert "alt@example.org" not in recipients  # the representative comes first
    assert len(mail.outbox) == 4  # three seats + the coordinator
    message = next(m for m in mail.outbox if m.to == [member.email])
    assert "Portrait du quartier" in message.body
    assert "/meetings/reply/" in message.body
    _name, content, mimetype = message.attachments[0]
    assert "method=REQUEST" in mimetype
    calendar = Calendar.from_ical(content)
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == meeting.ical_uid
    assert int(event["SEQUENCE"]) == 0
    assert event.get("ORGANIZER")
    assert Attendance.objects.filter(meeting=meeting).count() == 4


def test_sending_the_alternate_convenes_the_alternate(
    client, meeting, coordinator, member, seats, django_capture_on_commit_callbacks
):
    _convene(meeting, coordinator, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    AuditEntry.objects.all().delete()
    url = links.reply_url(meeting_id=meeting.pk, person_id=member.pk)
    path = url.split("testserver", 1)[-1].replace("http://127.0.0.1:8000", "")
    assert client.get(path).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"reply": Reply.ALTERNATE})
    assert response.status_code == 200
    row = Attendance.objects.get(meeting=meeting, seat=seats[0])
    assert row.reply == Reply.ALTERNATE
    assert row.person.email == "alt@example.org"
    entry = AuditEntry.objects.get()
    assert entry.event == AuditEvent.ATTENDANCE_REPLIED
    assert entry.actor == member  # the link answers in the person's name
    assert [m.to for m in mail.outbox] == [["alt@example.org"]]


def test_reply_from_the_meeting_page(client, meeting, coordinator, member, seats):
    services.meeting_convene(meeting=meeting, actor=coordinator)
    client.force_login(member)
    client.post(
        reverse("meetings:meeting-reply", args=[meeting.table.slug, meeting.pk]),
        {"reply": Reply.ABSENT},
    )
    assert Attendance.objects.get(meeting=meeting, seat=seats[0]).reply == Reply.ABSENT


def test_circulated_agenda_lets_members_propose_items(
    client, meeting, coordinator, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_circulate_agenda(meeting=meeting, actor=coordinator)
    assert {m.to[0] for m in mail.outbox} >= {member.email, coordinator.email}
    client.force_login(member)
    client.post(
        reverse("meetings:item-propose", args=[meeting.table.slug, meeting.pk]),
        {"title": "Transport collectif", "kind": "discussion", "duration_minutes": 20},
    )
    item = meeting.items.get()
    assert item.is_accepted is False and item.proposed_by == member
    AuditEntry.objects.all().delete()
    services.agenda_item_accept(item=item, actor=coordinator)
    item.refresh_from_db()
    assert item.is_accepted
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.AGENDA_ITEM_UPDATED]
