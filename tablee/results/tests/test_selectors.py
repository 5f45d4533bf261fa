"""The selector the report helper calls: indicators with their values in a period."""

from datetime import date

import pytest

from tablee.results.selectors import indicators_with_values
from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory

pytestmark = pytest.mark.django_db


def test_values_are_limited_to_the_period(process, action, django_assert_num_queries):
    indicator = PlanIndicatorFactory(action=action)
    PlanIndicatorFactory(action=action, name="Sans valeur")
    for year in (2022, 2023, 2024, 2025):
        IndicatorMeasureFactory(indicator=indicator, measured_on=date(year, 6, 1), value=year)
    # indicators (+action, objective), values
    with django_assert_num_queries(2):
        found = indicators_with_values(process, start=date(2023, 1, 1), end=date(2024, 12, 31))
        by_name = {i.name: i for i in found}
        assert [m.measured_on.year for m in by_name[indicator.name].values] == [2023, 2024]
        assert by_name[indicator.name].latest.value == 2024
        assert by_name["Sans valeur"].values == [] and by_name["Sans valeur"].latest is None
        assert by_name[indicator.name].action.objective.title


def test_without_a_period_every_value_comes(process, action):
    indicator = PlanIndicatorFactory(action=action)
    IndicatorMeasureFactory.create_batch(5, indicator=indicator)
    assert len(indicators_with_values(process)[0].values) == 5
