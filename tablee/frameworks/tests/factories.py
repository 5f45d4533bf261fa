"""Factories of the frameworks and conditions registers; one table per graph."""

from datetime import date

import factory

from tablee.frameworks.models import (
    Condition,
    ConditionCategory,
    ConditionKind,
    Framework,
    FrameworkKind,
)
from tablee.tables.tests.factories import TableFactory


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    table = factory.SubFactory(TableFactory)
    title = factory.Sequence(lambda n: f"Programme régional de santé publique {n}")
    kind = FrameworkKind.PROGRAM
    issuer = "Ministère fictif de la Santé"
    starts_on = date(2024, 1, 1)


class ConditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Condition

    table = factory.SubFactory(TableFactory)
    kind = ConditionKind.OBSTACLE
    category = ConditionCategory.FUNDING
    description = factory.Sequence(lambda n: f"Financement par projet trop court ({n})")
    noticed_on = date(2025, 3, 1)
