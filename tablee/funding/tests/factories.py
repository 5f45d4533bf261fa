"""Factories of resources and funding; SubFactories share one table."""

from datetime import date
from decimal import Decimal

import factory

from tablee.funding.models import (
    BudgetLine,
    Funder,
    FundingProgram,
    ReportingDate,
    ResourceCommitment,
    ResourceKind,
)
from tablee.organizations.tests.factories import OrganizationFactory
from tablee.plans.models import Objective, PlanAction
from tablee.processes.models import Process
from tablee.tables.tests.factories import TableFactory


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    table = factory.SubFactory(TableFactory)
    slug = factory.Sequence(lambda n: f"demarche-{n}")
    title = factory.Sequence(lambda n: f"Plan d'action concerté {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    process = factory.SubFactory(ProcessFactory)
    table = factory.SelfAttribute("process.table")
    title = factory.Sequence(lambda n: f"Améliorer l'accès aux aliments frais {n}")
    position = factory.Sequence(lambda n: n)


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    objective = factory.SubFactory(ObjectiveFactory)
    process = factory.SelfAttribute("objective.process")
    table = factory.SelfAttribute("objective.table")
    title = factory.Sequence(lambda n: f"Ouvrir un marché solidaire {n}")
    position = factory.Sequence(lambda n: n)


class ResourceCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceCommitment

    action = factory.SubFactory(PlanActionFactory)
    table = factory.SelfAttribute("action.table")
    organization = factory.SubFactory(OrganizationFactory)
    kind = ResourceKind.STAFF_HOURS
    quantity = Decimal("40")
    unit = "h"


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    table = factory.SubFactory(TableFactory)
    name = factory.Sequence(lambda n: f"Fondation du quartier {n}")


class FundingProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgram

    funder = factory.SubFactory(FunderFactory)
    table = factory.SelfAttribute("funder.table")
    name = factory.Sequence(lambda n: f"Programme de soutien {n}")
    amount = Decimal("100000")
    starts_on = date(2030, 1, 1)
    ends_on = date(2032, 12, 31)


class ReportingDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingDate

    program = factory.SubFactory(FundingProgramFactory)
    table = factory.SelfAttribute("program.table")
    due_on = date(2030, 6, 30)
    what = "Rapport d'étape"


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    program = factory.SubFactory(FundingProgramFactory)
    table = factory.SelfAttribute("program.table")
    action = factory.SubFactory(PlanActionFactory, table=factory.SelfAttribute("..table"))
    amount = Decimal("1000")
