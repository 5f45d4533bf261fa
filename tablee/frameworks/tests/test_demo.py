"""The demo registers: five frameworks and six conditions, linked to the plan, idempotent."""

import pytest

from tablee.decisions.tests.factories import DecisionFactory
from tablee.frameworks import demo
from tablee.frameworks.models import Condition, Framework
from tablee.processes.models import Stage
from tablee.results.tests.factories import ResultsObjectiveFactory, ResultsPlanActionFactory

pytestmark = pytest.mark.django_db


def test_registers_are_linked_to_the_plan_and_loaded_once(table, coordinator):
    objective = ResultsObjectiveFactory(
        table=table, process__table=table, process__slug="securite-alimentaire"
    )
    for title in ("Paniers de dépannage", "Cuisines à l'école", "Marché mobile d'été"):
        ResultsPlanActionFactory(
            table=table, objective=objective, process=objective.process, title=title
        )
    Stage.objects.create(table=table, process=objective.process, kind="implementation")
    DecisionFactory(table=table, recorded_by=coordinator)
    people = {"coordination@example.org": coordinator}
    demo.load(people=people)
    assert Framework.objects.count() == 5
    assert Condition.objects.count() == 6
    assert set(Framework.objects.values_list("kind", flat=True)) == {
        "program",
        "agreement",
        "protocol",
        "ethics",
    }
    assert all(f.actions.exists() and f.objectives.exists() for f in Framework.objects.all())
    assert Condition.objects.filter(kind="obstacle").count() == 3
    assert Condition.objects.filter(decision__isnull=False).count() == 1
    assert Condition.objects.filter(stages__kind="implementation").exists()
    demo.load(people=people)
    assert Framework.objects.count() == 5


def test_registers_load_without_a_plan(table, coordinator):
    demo.load(people={"coordination@example.org": coordinator})
    assert Framework.objects.count() == 5
    assert Condition.objects.count() == 6
