import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.decisions.models import Decision, Modality, Outcome, search_key
from tablee.tables.tests.factories import TableFactory


class DecisionFactory(factory.django.DjangoModelFactory):
    """A decision taken by consensus; `number` follows the table's sequence in tests."""

    class Meta:
        model = Decision

    table = factory.SubFactory(TableFactory)
    number = factory.Sequence(lambda n: n + 1)
    wording = factory.Sequence(lambda n: f"Adopter le plan d'action numéro {n}")
    search_text = factory.LazyAttribute(lambda o: search_key(o.wording))
    decided_on = factory.LazyFunction(timezone.localdate)
    modality = Modality.CONSENSUS
    outcome = Outcome.ADOPTED
    recorded_by = factory.SubFactory(UserFactory)
