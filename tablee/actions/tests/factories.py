import factory

from tablee.accounts.tests.factories import UserFactory
from tablee.actions.models import ActionItem, ActionStatus, NotificationPreference
from tablee.tables.tests.factories import TableFactory


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    table = factory.SubFactory(TableFactory)
    title = factory.Sequence(lambda n: f"Relancer le partenaire {n}")
    status = ActionStatus.OPEN
    created_by = factory.SubFactory(UserFactory)


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
