"""Writes of plan indicators: one function per intention, one audit entry each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.results.audit_events import Event
from tablee.results.models import PERCENT_UNIT, IndicatorKind, IndicatorMeasure, PlanIndicator

# DecimalField(max_digits=16, decimal_places=4): twelve digits before the point.
MAX_ABS_VALUE = Decimal("999999999999")


@dataclass
class IndicatorInput:
    """What a coordinator enters for an indicator (pages and API alike)."""

    name: str
    kind: str
    unit: str = ""
    baseline_value: Decimal | None = None
    baseline_on: date | None = None
    target_value: Decimal | None = None
    target_on: date | None = None
    source: str = ""


def _refuse(field_name: str, message: str) -> None:
    raise InvalidInput(message, extra={"fields": {field_name: [message]}})


def _number(value, field_name: str, *, percent: bool, required: bool = False) -> Decimal | None:
    """Check one number: finite, not too large, within 0–100 for a percentage."""
    if value is None or value == "":
        if required:
            _refuse(field_name, _("Enter a value."))
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        _refuse(field_name, _("Enter a number."))
    if not number.is_finite():
        _refuse(field_name, _("Enter a number."))
    if abs(number) > MAX_ABS_VALUE:
        _refuse(field_name, _("This number is too large."))
    if percent and not Decimal(0) <= number <= Decimal(100):
        _refuse(
            field_name,
            _("This indicator is a percentage: enter a value from 0 to 100."),
        )
    return number.quantize(Decimal("0.0001"))


def _clean(data: IndicatorInput) -> dict:
    name = " ".join((data.name or "").split())
    if not name:
        _refuse("name", _("Name the indicator."))
    if len(name) > 300:
        _refuse("name", _("Keep the name under 300 characters."))
    if data.kind not in IndicatorKind.values:
        _refuse("kind", _("Choose which question the indicator answers."))
    unit = (data.unit or "").strip()
    if len(unit) > 40:
        _refuse("unit", _("Keep the unit under 40 characters."))
    source = (data.source or "").strip()
    if len(source) > 300:
        _refuse("source", _("Keep the source under 300 characters."))
    percent = unit == PERCENT_UNIT
    if data.baseline_on and data.target_on and data.target_on < data.baseline_on:
        _refuse("target_on", _("The target date comes before the baseline date."))
    return {
        "name": name,
        "kind": data.kind,
        "unit": unit,
        "baseline_value": _number(data.baseline_value, "baseline_value", percent=percent),
        "baseline_on": data.baseline_on,
        "target_value": _number(data.target_value, "target_value", percent=percent),
        "target_on": data.target_on,
        "source": source,
    }


def _snapshot(indicator: PlanIndicator) -> dict[str, str]:
    fields = (
        "name",
        "kind",
        "unit",
        "baseline_value",
        "baseline_on",
        "target_value",
        "target_on",
        "source",
    )
    return {f: "" if getattr(indicator, f) is None else str(getattr(indicator, f)) for f in fields}


@transaction.atomic
def indicator_create(*, action, actor, data: IndicatorInput) -> PlanIndicator:
    """Add an indicator to a plan action."""
    cleaned = _clean(data)
    indicator = PlanIndicator.objects.create(
        table_id=action.table_id,
        action=action,
        process_id=action.process_id,
        created_by=actor,
        **cleaned,
    )
    audit.record(
        event=Event.PLAN_INDICATOR_CREATED,
        actor=actor,
        table=indicator.table,
        target=indicator,
        new={"action": action.title, **_snapshot(indicator)},
    )
    return indicator


def _lock(indicator: PlanIndicator) -> PlanIndicator:
    return (
        PlanIndicator.objects.select_for_update(of=("self",))
        .select_related("table", "action")
        .get(pk=indicator.pk)
    )


@transaction.atomic
def indicator_update(
    *, indicator: PlanIndicator, actor, data: IndicatorInput, base_revision: int, action=None
) -> PlanIndicator:
    """Change an indicator (and optionally move it to another action of the process).

    A stale `base_revision` is refused (Conflict). Turning an indicator into
    a percentage is refused while a recorded value lies outside 0–100.
    """
    current = _lock(indicator)
    if current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this indicator while you were editing it. "
                "Your changes were not saved: look at their version, then edit again."
            )
        )
    cleaned = _clean(data)
    if action is not None and action.pk != current.action_id:
        assert action.table_id == current.table_id, "action of another table"
        if action.process_id != current.process_id:
            _refuse("action", _("Choose an action of the same process."))
        current.action = action
    if cleaned["unit"] == PERCENT_UNIT:
        outside = (
            IndicatorMeasure.objects.filter(indicator=current)
            .exclude(value__gte=0, value__lte=100)
            .exists()
        )
        if outside:
            _refuse(
                "unit",
                _(
                    "Some recorded values are outside 0–100: remove them before "
                    "making this indicator a percentage."
                ),
            )
    old = _snapshot(current)
    for name, value in cleaned.items():
        setattr(current, name, value)
    current.revision += 1
    current.save()
    new = _snapshot(current)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=Event.PLAN_INDICATOR_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def indicator_delete(*, indicator: PlanIndicator, actor) -> None:
    """Delete an indicator and its recorded values."""
    current = _lock(indicator)
    count = IndicatorMeasure.objects.filter(indicator=current).count()
    audit.record(
        event=Event.PLAN_INDICATOR_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old={"name": current.name, "action": current.action.title, "values": count},
    )
    current.delete()


@transaction.atomic
def indicator_record_value(
    *,
    indicator: PlanIndicator,
    actor,
    measured_on: date | None,
    value,
    source: str = "",
    note: str = "",
) -> IndicatorMeasure:
    """Record the value measured on a date; one value per date and indicator."""
    # Lock the indicator so two people recording the same date cannot both pass.
    current = _lock(indicator)
    if measured_on is None:
        _refuse("measured_on", _("Enter the date of the measure."))
    if measured_on > timezone.localdate():
        _refuse("measured_on", _("A value cannot be measured in the future."))
    number = _number(value, "value", percent=current.is_percentage, required=True)
    source = (source or "").strip()
    if len(source) > 300:
        _refuse("source", _("Keep the source under 300 characters."))
    note = (note or "").strip()
    if len(note) > 2000:
        _refuse("note", _("Keep the note under 2,000 characters."))
    if IndicatorMeasure.objects.filter(indicator=current, measured_on=measured_on).exists():
        _refuse(
            "measured_on",
            _("A value is already recorded for this date. Remove it first to correct it."),
        )
    measure = IndicatorMeasure.objects.create(
        table_id=current.table_id,
        indicator=current,
        measured_on=measured_on,
        value=number,
        source=source,
        note=note,
        recorded_by=actor,
    )
    audit.record(
        event=Event.PLAN_INDICATOR_VALUE_RECORDED,
        actor=actor,
        table=current.table,
        target=current,
        new={"measured_on": measured_on.isoformat(), "value": str(number), "source": source},
    )
    return measure


@transaction.atomic
def indicator_remove_value(*, measure: IndicatorMeasure, actor) -> None:
    """Remove a recorded value (to correct it, record it again)."""
    current = (
        IndicatorMeasure.objects.select_for_update(of=("self",))
        .select_related("indicator", "table")
        .get(pk=measure.pk)
    )
    audit.record(
        event=Event.PLAN_INDICATOR_VALUE_REMOVED,
        actor=actor,
        table=current.table,
        target=current.indicator,
        old={"measured_on": current.measured_on.isoformat(), "value": str(current.value)},
    )
    current.delete()
