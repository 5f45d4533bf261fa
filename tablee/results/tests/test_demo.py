"""The demo indicators: on the food-security plan when it exists, idempotent."""

import pytest

from tablee.core.models import AuditEntry
from tablee.results import demo
from tablee.results.models import IndicatorMeasure, PlanIndicator
from tablee.results.tests.factories import ResultsObjectiveFactory, ResultsPlanActionFactory

pytestmark = pytest.mark.django_db


def test_nothing_without_the_plan(table, coordinator):
    demo.load(people={"coordination@example.org": coordinator})
    assert not PlanIndicator.objects.exists()


def test_indicators_across_the_three_questions_with_values(table, coordinator):
    objective = ResultsObjectiveFactory(
        table=table, process__table=table, process__slug="securite-alimentaire"
    )
    for title in ("Cuisines collectives du samedi", "Jardins collectifs", "Paniers de dépannage"):
        ResultsPlanActionFactory(
            table=table, objective=objective, process=objective.process, title=title
        )
    people = {"coordination@example.org": coordinator}
    demo.load(people=people)
    indicators = PlanIndicator.objects.all()
    assert indicators.count() == 10
    assert set(indicators.values_list("kind", flat=True)) == {
        "how_much",
        "how_well",
        "better_off",
    }
    assert IndicatorMeasure.objects.count() > 30
    jardins = PlanIndicator.objects.get(name="Parcelles cultivées dans les jardins collectifs")
    assert jardins.action.title == "Jardins collectifs"
    assert not IndicatorMeasure.objects.filter(indicator__unit="%", value__gt=100).exists()
    assert AuditEntry.objects.filter(event="PLAN_INDICATOR_CREATED").count() == 10
    demo.load(people=people)
    assert PlanIndicator.objects.count() == 10
