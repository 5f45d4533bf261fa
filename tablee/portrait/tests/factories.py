"""Factories of the portrait; SubFactories share one table."""

from decimal import Decimal

import factory

from tablee.accounts.tests.factories import UserFactory
from tablee.plans.models import ActionStatus, Objective, PlanAction
from tablee.portrait.importing import indicator_key
from tablee.portrait.models import (
    Coverage,
    Need,
    Strength,
    TerritoryIndicator,
    TerritoryValue,
)
from tablee.processes.models import Process
from tablee.tables.tests.factories import TableFactory


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    table = factory.SubFactory(TableFactory)
    slug = factory.Sequence(lambda n: f"demarche-portrait-{n}")
    title = factory.Sequence(lambda n: f"Démarche sécurité alimentaire {n}")


class PlanActionFactory(factory.django.DjangoModelFactory):
    """A plan action with its own objective, in `process`'s table."""

    class Meta:
        model = PlanAction

    process = factory.SubFactory(ProcessFactory)
    table = factory.SelfAttribute("process.table")
    objective = factory.LazyAttribute(
        lambda o: Objective.objects.create(
            table=o.process.table, process=o.process, title="Améliorer l'accès aux aliments"
        )
    )
    title = factory.Sequence(lambda n: f"Ouvrir un marché solidaire {n}")
    status = ActionStatus.PLANNED


class TerritoryIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TerritoryIndicator

    table = factory.SubFactory(TableFactory)
    name = factory.Sequence(lambda n: f"Ménages à faible revenu {n}")
    unit = "%"
    source = "Recensement"
    geography = "Saint-Exemple"
    key = factory.LazyAttribute(lambda o: indicator_key(o.name, o.geography))
    created_by = factory.SubFactory(UserFactory)


class TerritoryValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TerritoryValue

    indicator = factory.SubFactory(TerritoryIndicatorFactory)
    table = factory.SelfAttribute("indicator.table")
    year = factory.Sequence(lambda n: 2000 + n % 100)
    value = Decimal("12.5")


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    table = factory.SubFactory(TableFactory)
    statement = factory.Sequence(lambda n: f"Accès difficile aux aliments frais {n}")
    coverage = Coverage.NOT_COVERED
    created_by = factory.SubFactory(UserFactory)


class StrengthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strength

    table = factory.SubFactory(TableFactory)
    statement = factory.Sequence(lambda n: f"Un réseau de jardins collectifs actif {n}")
    created_by = factory.SubFactory(UserFactory)
