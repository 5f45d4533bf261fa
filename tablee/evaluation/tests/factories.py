from datetime import timedelta

import factory
from django.utils import timezone

from tablee.evaluation import instruments
from tablee.evaluation.models import Campaign, InviteScope, Participation, Response
from tablee.tables.tests.factories import TableFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    """An open diagnostic campaign inviting the named people."""

    class Meta:
        model = Campaign
        skip_postgeneration_save = True

    table = factory.SubFactory(TableFactory)
    title = factory.Sequence(lambda n: f"Diagnostic {2020 + n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    invite_scope = InviteScope.PEOPLE
    attributes = factory.LazyFunction(lambda: ["sector", "actor_type", "role"])

    class Params:
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create and extracted:
            self.invited_people.set(extracted)


def answers(value=4, **overrides) -> dict:
    data = dict.fromkeys(instruments.ITEMS, value)
    data.update(overrides)
    return data


def add_responses(campaign, count, *, value=4, attributes=None, **overrides) -> None:
    """Add anonymous responses directly (tests of results only)."""
    Response.objects.bulk_create(
        Response(
            table=campaign.table,
            campaign=campaign,
            attributes=attributes or {},
            answers=answers(value, **overrides),
        )
        for _ in range(count)
    )


def add_participation(campaign, person) -> Participation:
    return Participation.objects.create(table=campaign.table, campaign=campaign, person=person)
