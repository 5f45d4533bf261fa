"""Factories of the action plan; SubFactories share one table and process."""

import factory

from tablee.accounts.tests.factories import UserFactory
from tablee.members.tests.factories import OrganizationFactory
from tablee.plans.models import (
    ActionPartner,
    ActionStatus,
    Axis,
    Objective,
    PartnerRole,
    PlanAction,
    ProgressUpdate,
)
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


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis

    objective = factory.SubFactory(ObjectiveFactory)
    table = factory.SelfAttribute("objective.table")
    title = factory.Sequence(lambda n: f"Mobiliser les commerces de proximité {n}")
    position = factory.Sequence(lambda n: n)


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    objective = factory.SubFactory(ObjectiveFactory)
    process = factory.SelfAttribute("objective.process")
    table = factory.SelfAttribute("objective.table")
    title = factory.Sequence(lambda n: f"Ouvrir un marché solidaire {n}")
    status = ActionStatus.PLANNED
    position = factory.Sequence(lambda n: n)


class ActionPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPartner

    action = factory.SubFactory(PlanActionFactory)
    table = factory.SelfAttribute("action.table")
    organization = factory.SubFactory(OrganizationFactory)
    role = PartnerRole.CONTRIBUTES


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(PlanActionFactory)
    table = factory.SelfAttribute("action.table")
    reported_on = factory.Faker("past_date")
    status = ActionStatus.UNDER_WAY
    note = "Première rencontre tenue avec les partenaires."
    author = factory.SubFactory(UserFactory)
