import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.members.models import (
    ActorType,
    Committee,
    CommitteeMember,
    CommitteeRole,
    ContactCard,
    Position,
    Seat,
    SeatHolding,
)
from tablee.organizations.models import Organization, OrganizationKind, normalize_name
from tablee.tables.tests.factories import TableFactory


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisme communautaire {n}")
    name_key = factory.LazyAttribute(lambda o: normalize_name(o.name))
    acronym = ""
    acronym_key = ""
    kind = OrganizationKind.COMMUNITY


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    table = factory.SubFactory(TableFactory)
    organization = factory.SubFactory(OrganizationFactory)
    actor_type = ActorType.TACTICAL


class SeatHoldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatHolding

    seat = factory.SubFactory(SeatFactory)
    table = factory.SelfAttribute("seat.table")
    person = factory.SubFactory(UserFactory)
    position = Position.REPRESENTATIVE
    started_on = factory.LazyFunction(timezone.localdate)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    table = factory.SubFactory(TableFactory)
    name = factory.Sequence(lambda n: f"Comité {n}")


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    committee = factory.SubFactory(CommitteeFactory)
    table = factory.SelfAttribute("committee.table")
    person = factory.SubFactory(UserFactory)
    role = CommitteeRole.MEMBER
    joined_on = factory.LazyFunction(timezone.localdate)


class ContactCardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactCard

    person = factory.SubFactory(UserFactory)
    phone = "418 555-0101"
    directory_consent = True
