"""iCalendar (.ics) documents of meetings: invitations, updates, cancellations, feeds.

Every message about one meeting carries the meeting's UID and its current
SEQUENCE, so calendar programs update or remove the same event in place.
"""

from __future__ import annotations

from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from tablee.meetings.models import Meeting, MeetingStatus

PRODID = "-//Tablée//Meetings//FR"


def meeting_url(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(
        "meetings:meeting-detail",
        kwargs={"table_slug": meeting.table.slug, "meeting_id": meeting.pk},
    )


def _event(meeting: Meeting, *, cancelled: bool = False) -> Event:
    event = Event()
    event.add("uid", meeting.ical_uid)
    event.add("sequence", meeting.ical_sequence)
    event.add("dtstamp", timezone.now())
    start = meeting.starts_at
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=meeting.duration_minutes))
    summary = meeting.title
    if meeting.committee_id:
        summary = f"{meeting.title} ({meeting.committee.name})"
    event.add("summary", f"{summary} — {meeting.table.name}")
    if meeting.location:
        event.add("location", meeting.location)
    elif meeting.online_url:
        event.add("location", meeting.online_url)
    url = meeting_url(meeting)
    event.add("url", url)
    description = [meeting.description.strip()] if meeting.description.strip() else []
    if meeting.online_url:
        description.append(meeting.online_url)
    description.append(url)
    event.add("description", "\n\n".join(description))
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = vText(meeting.table.name)
    event["organizer"] = organizer
    if cancelled or meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def _calendar(method: str | None = None, name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def meeting_ics(meeting: Meeting, *, method: str = "REQUEST") -> bytes:
    """Return the .ics of one meeting: an invitation (REQUEST) or CANCEL."""
    assert meeting.starts_at is not None, "a meeting without a date has no calendar event"
    calendar = _calendar(method)
    calendar.add_component(_event(meeting, cancelled=method == "CANCEL"))
    return calendar.to_ical()


def feed_ics(meetings, *, name: str) -> bytes:
    """Return a subscribable calendar of many meetings (no METHOD: a published feed)."""
    calendar = _calendar(name=name)
    for meeting in meetings:
        if meeting.starts_at is not None:
            calendar.add_component(_event(meeting))
    return calendar.to_ical()
