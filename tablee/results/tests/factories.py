"""Factories of plan indicators; their graph shares one table.

The process and plan factories are local (prefixed `Results`) so these tests
do not depend on the plans app's own test helpers.
"""

from datetime import date
from decimal import Decimal

import factory

from tablee.plans.models import Objective, PlanAction
from tablee.processes.models import Process
from tablee.results.models import IndicatorKind, IndicatorMeasure, PlanIndicator
from tablee.tables.tests.factories import TableFactory


class ResultsProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    table = factory.SubFactory(TableFactory)
    slug = factory.Sequence(lambda n: f"demarche-{n}")
    title = factory.Sequence(lambda n: f"Plan d'action {n}")


class ResultsObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    process = factory.SubFactory(ResultsProcessFactory)
    table = factory.SelfAttribute("process.table")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Améliorer l'accès aux aliments {n}")


class ResultsPlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    objective = factory.SubFactory(ResultsObjectiveFactory)
    process = factory.SelfAttribute("objective.process")
    table = factory.SelfAttribute("objective.table")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Ouvrir un marché solidaire {n}")


class PlanIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanIndicator

    action = factory.SubFactory(ResultsPlanActionFactory)
    process = factory.SelfAttribute("action.process")
    table = factory.SelfAttribute("action.table")
    name = factory.Sequence(lambda n: f"Ménages rejoints {n}")
    kind = IndicatorKind.HOW_MUCH
    unit = "ménages"
    baseline_value = Decimal("10")
    baseline_on = date(2023, 1, 1)
    target_value = Decimal("100")
    target_on = date(2026, 1, 1)


class IndicatorMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorMeasure

    indicator = factory.SubFactory(PlanIndicatorFactory)
    table = factory.SelfAttribute("indicator.table")
    measured_on = factory.Sequence(
        lambda n: date(2023, 1, 1).fromordinal(date(2023, 1, 1).toordinal() + n)
    )
    value = Decimal("20")
