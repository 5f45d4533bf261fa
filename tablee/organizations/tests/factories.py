import factory

from tablee.organizations.models import (
    Organization,
    OrganizationKind,
    OrganizationRelation,
    RelationLevel,
    Sector,
    normalize_name,
)
from tablee.tables.tests.factories import TableFactory


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    code = factory.Sequence(lambda n: f"secteur-{n}")
    name_fr = factory.Sequence(lambda n: f"Secteur {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")
    position = factory.Sequence(lambda n: 100 + n)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisme communautaire {n}")
    acronym = ""
    sector = factory.LazyFunction(lambda: Sector.objects.order_by("position").first())
    kind = OrganizationKind.COMMUNITY
    territory = "Saint-Exemple"
    name_key = factory.LazyAttribute(lambda o: normalize_name(o.name))
    acronym_key = factory.LazyAttribute(lambda o: normalize_name(o.acronym))


class RelationFactory(factory.django.DjangoModelFactory):
    """A current relation; the pair is ordered first.pk < second.pk."""

    class Meta:
        model = OrganizationRelation

    table = factory.SubFactory(TableFactory)
    first = factory.SubFactory(OrganizationFactory)
    second = factory.SubFactory(OrganizationFactory)
    level = RelationLevel.CONCERTATION
    started_on = factory.Faker("date_between", start_date="-2y", end_date="-30d")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        first, second = kwargs["first"], kwargs["second"]
        if first.pk > second.pk:
            kwargs["first"], kwargs["second"] = second, first
        return super()._create(model_class, *args, **kwargs)


def seat_for(*, table, organization):
    """Give `organization` an open seat at `table` (members' Seat, read-only here)."""
    from tablee.members.models import ActorType, Seat

    return Seat.objects.create(
        table=table, organization=organization, actor_type=ActorType.TACTICAL
    )
