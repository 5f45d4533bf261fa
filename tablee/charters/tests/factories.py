import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.charters.models import CharterComment, CharterStatus, CharterVersion
from tablee.tables.tests.factories import TableFactory


class CharterVersionFactory(factory.django.DjangoModelFactory):
    """A draft by default; `adopted=True` gives an adopted version."""

    class Meta:
        model = CharterVersion

    class Params:
        adopted = factory.Trait(
            status=CharterStatus.ADOPTED,
            adopted_at=factory.LazyFunction(timezone.now),
            adopted_by=factory.SubFactory(UserFactory),
        )

    table = factory.SubFactory(TableFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = CharterStatus.DRAFT
    answers = factory.LazyFunction(
        lambda: {"why_added_value": {"text": "On voit le portrait complet.", "status": "draft"}}
    )


class CharterCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CharterComment

    version = factory.SubFactory(CharterVersionFactory)
    table = factory.SelfAttribute("version.table")
    question_key = "why_added_value"
    author = factory.SubFactory(UserFactory)
    body = "Je suis d'accord."
