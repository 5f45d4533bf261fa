"""Creating, changing and cancelling meetings; the .ics they carry."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tablee.core.errors import Conflict, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import services
from tablee.meetings.models import Meeting, MeetingStatus

pytestmark = pytest.mark.django_db


def test_meeting_create_without_date_finds_a_date(table, coordinator):
    meeting = services.meeting_create(table=table, actor=coordinator, title="Rencontre de juin")
    assert meeting.status == MeetingStatus.PLANNING
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [AuditEvent.MEETING_CREATED]


def test_meeting_create_with_date_is_scheduled(table, coordinator):
    meeting = services.meeting_create(
        table=table,
        actor=coordinator,
        title="Rencontre",
        starts_at=timezone.now() + timedelta(days=3),
    )
    assert meeting.status == MeetingStatus.SCHEDULED


def test_meeting_update_refuses_a_stale_revision(meeting, coordinator):
    kwargs = {"title": "Nouveau titre", "starts_at": meeting.starts_at, "duration_minutes": 90}
    services.meeting_update(meeting=meeting, actor=coordinator, revision=0, **kwargs)
    with pytest.raises(Conflict):
        services.meeting_update(meeting=meeting, actor=coordinator, revision=0, **kwargs)
    assert AuditEntry.objects.filter(event=AuditEvent.MEETING_UPDATED).count() == 1


def test_update_of_a_convened_meeting_bumps_sequence_and_keeps_uid(
    meeting, coordinator, seats, django_capture_on_commit_callbacks
):
    services.meeting_convene(meeting=meeting, actor=coordinator)
    meeting.refresh_from_db()
    uid, sequence = meeting.ical_uid, meeting.ical_sequence
    mail.outbox.clear()
    AuditEntry.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting=meeting,
            actor=coordinator,
            revision=meeting.revision,
            title=meeting.title,
            starts_at=meeting.starts_at + timedelta(days=1),
            duration_minutes=meeting.duration_minutes,
            location="Bibliothèque",
        )
    meeting.refresh_from_db()
    assert meeting.ical_uid == uid
    assert meeting.ical_sequence == sequence + 1
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.MEETING_UPDATED]
    assert mail.outbox, "the people convened receive the update"
    ics = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    event = ics.walk("VEVENT")[0]
    assert str(ics["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == uid
    assert int(event["SEQUENCE"]) == sequence + 1


def test_cancel_sends_method_cancel_with_same_uid(
    meeting, coordinator, seats, django_capture_on_commit_callbacks
):
    services.meeting_convene(meeting=meeting, actor=coordinator)
    meeting.refresh_from_db()
    mail.outbox.clear()
    AuditEntry.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, actor=coordinator)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert meeting.ical_sequence == 1
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.MEETING_CANCELLED]
    ics = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    event = ics.walk("VEVENT")[0]
    assert str(ics["METHOD"]) == "CANCEL"
    assert str(event["UID"]) == meeting.ical_uid
    assert int(event["SEQUENCE"]) == 1
    with pytest.raises(InvalidTransition):
        services.meeting_cancel(meeting=meeting, actor=coordinator)


def test_create_page_creates_and_redirects(client, coordinator, table):
    client.force_login(coordinator)
    response = client.post(
        reverse("meetings:meeting-create", args=[table.slug]),
        {"title": "Rencontre de septembre", "duration_minutes": 120},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/meetings/{meeting.pk}/")


def test_edit_page_shows_a_conflict_and_changes_nothing(client, coordinator, meeting):
    client.force_login(coordinator)
    url = reverse("meetings:meeting-edit", args=[meeting.table.slug, meeting.pk])
    data = {
        "title": "Titre A",
        "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": 120,
        "revision": 0,
    }
    assert client.post(url, data).status_code == 302
    data["title"] = "Titre B"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Titre A"


def test_cancel_needs_a_confirmation(client, coordinator, meeting):
    client.force_login(coordinator)
    url = reverse("meetings:meeting-cancel", args=[meeting.table.slug, meeting.pk])
    assert client.get(url).status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    client.post(url)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED


def test_invite_ics_download(client, member, meeting):
    client.force_login(member)
    response = client.get(reverse("meetings:meeting-ics", args=[meeting.table.slug, meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["UID"]) == meeting.ical_uid
    assert "Rencontre" in str(event["SUMMARY"])


def test_list_separates_upcoming_and_past_and_filters(client, member, table):
    from tablee.meetings.tests.factories import MeetingFactory

    MeetingFactory(table=table, title="À venir")
    MeetingFactory(
        table=table,
        title="Passée",
        status=MeetingStatus.HELD,
        starts_at=timezone.now() - timedelta(days=30),
    )
    client.force_login(member)
    url = reverse("meetings:meeting-list", args=[table.slug])
    upcoming = client.get(url).content.decode()
    past = client.get(url, {"when": "past"}).content.decode()
    assert "À venir" in upcoming and "Passée" not in upcoming
    assert "Passée" in past and "À venir" not in past
    fragment = client.get(url, {"when": "past"}, headers={"HX-Request": "true"}).content.decode()
    assert "Passée" in fragment and "<html" not in fragment
