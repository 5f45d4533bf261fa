"""Build a table's meeting history for the health tests."""

from datetime import timedelta

from django.utils import timezone

from tablee.meetings.models import MeetingStatus
from tablee.meetings.tests.factories import AttendanceFactory, MeetingFactory
from tablee.members.tests.factories import SeatFactory, SeatHoldingFactory


def seats(table, count: int, **kwargs) -> list:
    """Open seats created long ago, each with a current representative."""
    result = []
    for _ in range(count):
        seat = SeatFactory(table=table, actor_type="tactical", **kwargs)
        seat.created_at = timezone.now() - timedelta(days=4000)
        seat.save(update_fields=["created_at"])
        SeatHoldingFactory(
            seat=seat, position="representative", started_on=timezone.localdate() - timedelta(400)
        )
        result.append(seat)
    return result


def held_meetings(table, presence: dict, *, weeks_back: int | None = None) -> list:
    """Create held table meetings, oldest first; `presence` maps each seat to a
    list of True/False/None (one per meeting)."""
    count = max(len(values) for values in presence.values())
    start = weeks_back or count
    meetings = []
    for index in range(count):
        meeting = MeetingFactory(
            table=table,
            status=MeetingStatus.HELD,
            starts_at=timezone.now() - timedelta(weeks=start - index),
        )
        for seat, values in presence.items():
            if index < len(values):
                AttendanceFactory(meeting=meeting, seat=seat, person=None, present=values[index])
        meetings.append(meeting)
    return meetings
