from datetime import timedelta

import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.meetings.models import (
    AgendaItem,
    Attendance,
    DateOption,
    ItemKind,
    Meeting,
    MeetingStatus,
)
from tablee.tables.tests.factories import TableFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    table = factory.SubFactory(TableFactory)
    title = factory.Sequence(lambda n: f"Rencontre régulière {n}")
    status = MeetingStatus.SCHEDULED
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    duration_minutes = 120
    location = "Centre communautaire, 123 rue Principale"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    table = factory.SelfAttribute("meeting.table")
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Point {n}")
    kind = ItemKind.DISCUSSION
    duration_minutes = 15


class DateOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DateOption

    meeting = factory.SubFactory(MeetingFactory, status=MeetingStatus.PLANNING, starts_at=None)
    table = factory.SelfAttribute("meeting.table")
    starts_at = factory.Sequence(lambda n: timezone.now() + timedelta(days=20 + n))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    table = factory.SelfAttribute("meeting.table")
    person = factory.SubFactory(UserFactory)


def seat_with_holders(table, *, label, representative=None, alternate=None):
    """Create an open seat and its current holders (members' models, read-only here)."""
    from tablee.members.models import ActorType, Position, Seat, SeatHolding

    seat = Seat.objects.create(table=table, label=label, actor_type=ActorType.TACTICAL)
    today = timezone.localdate()
    if representative is not None:
        SeatHolding.objects.create(
            table=table,
            seat=seat,
            person=representative,
            position=Position.REPRESENTATIVE,
            started_on=today,
        )
    if alternate is not None:
        SeatHolding.objects.create(
            table=table, seat=seat, person=alternate, position=Position.ALTERNATE, started_on=today
        )
    return seat
