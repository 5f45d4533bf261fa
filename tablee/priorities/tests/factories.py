"""Factories of vision and priorities; SubFactories share one table."""

from datetime import timedelta

import factory
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.decisions.tests.factories import DecisionFactory
from tablee.plans.models import Objective, PlanAction
from tablee.priorities.models import (
    Candidate,
    PriorityRound,
    Rating,
    RoundCriterion,
    RoundMethod,
    VisionComment,
    VisionStatus,
    VisionVersion,
)
from tablee.processes.models import Process
from tablee.tables.tests.factories import TableFactory

CRITERIA = ["Impact attendu", "Faisabilité", "Urgence"]


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    table = factory.SubFactory(TableFactory)
    slug = factory.Sequence(lambda n: f"demarche-{n}")
    title = factory.Sequence(lambda n: f"Plan d'action {n}")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    process = factory.SubFactory(ProcessFactory)
    table = factory.SelfAttribute("process.table")
    title = factory.Sequence(lambda n: f"Objectif {n}")


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    objective = factory.SubFactory(ObjectiveFactory)
    process = factory.SelfAttribute("objective.process")
    table = factory.SelfAttribute("objective.table")
    title = factory.Sequence(lambda n: f"Action {n}")


class VisionVersionFactory(factory.django.DjangoModelFactory):
    """A draft by default; `adopted=True` gives an adopted version with its decision."""

    class Meta:
        model = VisionVersion

    class Params:
        adopted = factory.Trait(
            status=VisionStatus.ADOPTED,
            adopted_at=factory.LazyFunction(timezone.now),
            decision=factory.SubFactory(DecisionFactory, table=factory.SelfAttribute("..table")),
        )

    process = factory.SubFactory(ProcessFactory)
    table = factory.SelfAttribute("process.table")
    number = factory.Sequence(lambda n: n + 1)
    status = VisionStatus.DRAFT
    statement = "Un quartier où chaque famille mange à sa faim, dignement."


class VisionCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisionComment

    version = factory.SubFactory(VisionVersionFactory)
    table = factory.SelfAttribute("version.table")
    author = factory.SubFactory(UserFactory)
    body = "Ajoutons les aînés."


class PriorityRoundFactory(factory.django.DjangoModelFactory):
    """An open rating round with three criteria; `closed=True` ends its window."""

    class Meta:
        model = PriorityRound
        skip_postgeneration_save = True

    class Params:
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=10)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )
        scheduled = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1)),
            closes_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=10)),
        )

    process = factory.SubFactory(ProcessFactory)
    table = factory.SelfAttribute("process.table")
    title = factory.Sequence(lambda n: f"Priorisation {n}")
    method = RoundMethod.RATINGS
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        if not create:
            return
        labels = CRITERIA if extracted is None else extracted
        RoundCriterion.objects.bulk_create(
            RoundCriterion(table_id=obj.table_id, round=obj, position=i, label=label)
            for i, label in enumerate(labels)
        )


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    round = factory.SubFactory(PriorityRoundFactory)
    table = factory.SelfAttribute("round.table")
    title = factory.Sequence(lambda n: f"Candidat {n}")
    position = factory.Sequence(lambda n: n)


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rating

    candidate = factory.SubFactory(CandidateFactory)
    round = factory.SelfAttribute("candidate.round")
    table = factory.SelfAttribute("candidate.table")
    criterion = factory.LazyAttribute(lambda o: o.round.criteria.first())
    rater = factory.SubFactory(UserFactory)
    score = 3
