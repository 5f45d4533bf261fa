"""Services of plan indicators: rules, refusals and one audit entry per intention."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry
from tablee.results import services
from tablee.results.audit_events import Event
from tablee.results.models import IndicatorMeasure, PlanIndicator
from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory

pytestmark = pytest.mark.django_db


def _input(**overrides) -> services.IndicatorInput:
    values = {
        "name": "Part des ménages rejoints",
        "kind": "better_off",
        "unit": "%",
        "baseline_value": Decimal("12"),
        "baseline_on": date(2023, 1, 1),
        "target_value": Decimal("40"),
        "target_on": date(2026, 1, 1),
        "source": "Sondage annuel",
    }
    values.update(overrides)
    return services.IndicatorInput(**values)


def test_creating_an_indicator_copies_the_process_and_audits_once(action, coordinator):
    indicator = services.indicator_create(action=action, actor=coordinator, data=_input())
    assert indicator.process_id == action.process_id
    assert indicator.table_id == action.table_id
    entries = AuditEntry.objects.filter(target_id=str(indicator.pk))
    assert [e.event for e in entries] == [Event.PLAN_INDICATOR_CREATED]


@pytest.mark.parametrize(
    ("field", "value"),
    [("baseline_value", Decimal("101")), ("target_value", Decimal("-1"))],
)
def test_a_percentage_refuses_a_baseline_or_target_outside_0_100(
    action, coordinator, field, value
):
    with pytest.raises(InvalidInput) as caught:
        services.indicator_create(action=action, actor=coordinator, data=_input(**{field: value}))
    assert "from 0 to 100" in caught.value.message
    assert field in caught.value.extra["fields"]
    assert not PlanIndicator.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": "  "}, "name"),
        ({"kind": "whatever"}, "kind"),
        ({"target_on": date(2020, 1, 1)}, "target_on"),
        ({"unit": "x" * 41}, "unit"),
        ({"baseline_value": Decimal("1e15"), "unit": ""}, "baseline_value"),
    ],
)
def test_bad_indicator_input_is_refused(action, coordinator, overrides, field):
    with pytest.raises(InvalidInput) as caught:
        services.indicator_create(action=action, actor=coordinator, data=_input(**overrides))
    assert field in caught.value.extra["fields"]
    assert not AuditEntry.objects.filter(event=Event.PLAN_INDICATOR_CREATED).exists()


@pytest.mark.parametrize("value", [Decimal("100.01"), Decimal("-0.5")])
def test_a_percentage_value_outside_0_100_is_refused(action, coordinator, value):
    indicator = PlanIndicatorFactory(action=action, unit="%", baseline_value=5, target_value=50)
    with pytest.raises(InvalidInput) as caught:
        services.indicator_record_value(
            indicator=indicator, actor=coordinator, measured_on=date(2024, 6, 1), value=value
        )
    assert caught.value.message == "This indicator is a percentage: enter a value from 0 to 100."
    assert not IndicatorMeasure.objects.exists()


def test_recording_a_value_audits_once_and_refuses_the_same_date(action, coordinator):
    indicator = PlanIndicatorFactory(action=action)
    measure = services.indicator_record_value(
        indicator=indicator,
        actor=coordinator,
        measured_on=date(2024, 6, 1),
        value="42.5",
        source="Fiches de présence",
    )
    assert measure.value == Decimal("42.5")
    assert AuditEntry.objects.filter(event=Event.PLAN_INDICATOR_VALUE_RECORDED).count() == 1
    with pytest.raises(InvalidInput) as caught:
        services.indicator_record_value(
            indicator=indicator, actor=coordinator, measured_on=date(2024, 6, 1), value=1
        )
    assert "already recorded" in caught.value.message
    assert IndicatorMeasure.objects.count() == 1


def test_a_value_cannot_be_measured_in_the_future(action, coordinator):
    indicator = PlanIndicatorFactory(action=action)
    with pytest.raises(InvalidInput):
        services.indicator_record_value(
            indicator=indicator,
            actor=coordinator,
            measured_on=timezone.localdate() + timedelta(days=1),
            value=1,
        )


def test_a_stale_edit_is_refused(action, coordinator):
    indicator = PlanIndicatorFactory(action=action)
    services.indicator_update(
        indicator=indicator, actor=coordinator, data=_input(unit=""), base_revision=0
    )
    with pytest.raises(Conflict):
        services.indicator_update(
            indicator=indicator, actor=coordinator, data=_input(name="Autre"), base_revision=0
        )
    indicator.refresh_from_db()
    assert indicator.name == "Part des ménages rejoints"
    assert indicator.revision == 1
    assert AuditEntry.objects.filter(event=Event.PLAN_INDICATOR_UPDATED).count() == 1


def test_an_indicator_with_values_above_100_cannot_become_a_percentage(action, coordinator):
    indicator = PlanIndicatorFactory(action=action, unit="repas")
    IndicatorMeasureFactory(indicator=indicator, value=Decimal("250"))
    with pytest.raises(InvalidInput) as caught:
        services.indicator_update(
            indicator=indicator, actor=coordinator, data=_input(unit="%"), base_revision=0
        )
    assert "unit" in caught.value.extra["fields"]


def test_deleting_an_indicator_removes_its_values_and_audits_once(action, coordinator):
    indicator = PlanIndicatorFactory(action=action)
    IndicatorMeasureFactory.create_batch(3, indicator=indicator)
    services.indicator_delete(indicator=indicator, actor=coordinator)
    assert not PlanIndicator.objects.exists()
    assert not IndicatorMeasure.objects.exists()
    entry = AuditEntry.objects.get(event=Event.PLAN_INDICATOR_DELETED)
    assert entry.changes["old"]["values"] == 3


def test_removing_a_value_audits_once(action, coordinator):
    measure = IndicatorMeasureFactory(indicator=PlanIndicatorFactory(action=action))
    services.indicator_remove_value(measure=measure, actor=coordinator)
    assert not IndicatorMeasure.objects.exists()
    assert AuditEntry.objects.filter(event=Event.PLAN_INDICATOR_VALUE_REMOVED).count() == 1
