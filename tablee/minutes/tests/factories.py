"""Factories for minutes and the meeting rows they are written from.

The meetings and decisions apps are built at the same time; these small
factories keep the minutes tests independent of theirs.
"""

from datetime import timedelta

import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.decisions.models import Decision, Modality
from tablee.meetings.models import AgendaItem, Attendance, ItemKind, Meeting, MeetingStatus
from tablee.minutes.models import Minutes, MinutesRevision, MinutesStatus
from tablee.tables.tests.factories import TableFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    table = factory.SubFactory(TableFactory)
    title = factory.Sequence(lambda n: f"Rencontre régulière {n}")
    status = MeetingStatus.HELD
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    location = "Centre communautaire"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    table = factory.SelfAttribute("meeting.table")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Point {n}")
    kind = ItemKind.DISCUSSION


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    table = factory.SelfAttribute("meeting.table")
    person = factory.SubFactory(UserFactory)
    present = True


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    table = factory.SelfAttribute("meeting.table")
    number = factory.Sequence(lambda n: n + 1)
    wording = factory.Sequence(lambda n: f"La table adopte la proposition {n}.")
    decided_on = factory.LazyAttribute(
        lambda o: o.meeting.starts_at.date() if o.meeting else timezone.localdate()
    )
    modality = Modality.CONSENSUS
    recorded_by = factory.SubFactory(UserFactory)


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    table = factory.SelfAttribute("meeting.table")
    status = MinutesStatus.DRAFT
    body = "Procès-verbal\n=============\n\nPremier paragraphe.\n"
    revision = 1

    @factory.post_generation
    def with_revision(obj, create, extracted, **kwargs):
        if create:
            MinutesRevision.objects.create(
                table=obj.table, minutes=obj, number=obj.revision, body=obj.body
            )


def adopted_minutes(*, table, recorded_by=None):
    """Return minutes adopted by a decision of the following meeting."""
    minutes = MinutesFactory(meeting__table=table)
    later = MeetingFactory(table=table, starts_at=minutes.meeting.starts_at + timedelta(days=28))
    decision = DecisionFactory(
        table=table, meeting=later, recorded_by=recorded_by or UserFactory()
    )
    minutes.status = MinutesStatus.ADOPTED
    minutes.adopted_at = timezone.now()
    minutes.adopted_by_decision = decision
    minutes.save()
    return minutes
