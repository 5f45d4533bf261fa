from datetime import timedelta

import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.polls.models import Poll, PollKind, PollOption, PollStatus
from tablee.tables.tests.factories import TableFactory


class PollFactory(factory.django.DjangoModelFactory):
    """An open single-choice poll, per person, results hidden until closing, with options."""

    class Meta:
        model = Poll
        skip_postgeneration_save = True

    table = factory.SubFactory(TableFactory)
    question = factory.Sequence(lambda n: f"Quelle priorité pour l'an {n}?")
    kind = PollKind.SINGLE
    status = PollStatus.OPEN
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=6))
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if not create:
            return
        labels = extracted if extracted is not None else ["Logement", "Transport", "Alimentation"]
        for index, label in enumerate(labels, start=1):
            PollOption.objects.create(table=self.table, poll=self, label=label, position=index)


def option_ids(poll) -> list[int]:
    return list(poll.options.order_by("position").values_list("pk", flat=True))
