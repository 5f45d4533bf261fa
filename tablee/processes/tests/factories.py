import factory

from tablee.accounts.tests.factories import UserFactory
from tablee.processes.models import (
    GroupKind,
    Level,
    Process,
    Stage,
    StageContribution,
    StageKind,
    StageNeed,
)
from tablee.tables.tests.factories import TableFactory


class ProcessFactory(factory.django.DjangoModelFactory):
    """A bare process (no stages); use `process_with_stages` for the eight stages."""

    class Meta:
        model = Process

    table = factory.SubFactory(TableFactory)
    slug = factory.Sequence(lambda n: f"demarche-{n}")
    title = factory.Sequence(lambda n: f"Plan d'action {n}")


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    process = factory.SubFactory(ProcessFactory)
    table = factory.SelfAttribute("process.table")
    kind = StageKind.PORTRAIT
    position = 1


def process_with_stages(table, *, actor=None, slug: str = "", title: str = "Plan d'action"):
    """Create a process through the service, so it has its eight stages."""
    from tablee.processes.services import ProcessInput, process_create

    actor = actor or UserFactory()
    return process_create(table=table, actor=actor, data=ProcessInput(title=title, slug=slug))


class StageNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageNeed

    stage = factory.SubFactory(StageFactory)
    table = factory.SelfAttribute("stage.table")
    group_kind = GroupKind.ACTOR_TYPE
    actor_type = "strategic"
    level = Level.CONSULTED


class StageContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageContribution

    stage = factory.SubFactory(StageFactory)
    table = factory.SelfAttribute("stage.table")
    contributed_on = factory.Faker("date_object")
    note = "Données partagées"
    recorded_by = factory.SubFactory(UserFactory)
