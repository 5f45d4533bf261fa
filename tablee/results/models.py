"""Indicators of the action plan, in the spirit of results-based accountability.

Each action of the plan answers three questions (how much did we do, how well
did we do it, is anyone better off) through indicators with a baseline, a
target and values measured over time.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel

PERCENT_UNIT = "%"


class IndicatorKind(models.TextChoices):
    """The three questions of results-based accountability."""

    HOW_MUCH = "how_much", _("How much did we do?")
    HOW_WELL = "how_well", _("How well did we do it?")
    BETTER_OFF = "better_off", _("Is anyone better off?")


def _within_percent(field: str) -> models.Q:
    return models.Q(**{f"{field}__isnull": True}) | models.Q(
        **{f"{field}__gte": 0, f"{field}__lte": 100}
    )


class PlanIndicator(TableScopedModel):
    """An indicator of one plan action, with its baseline and target."""

    action = models.ForeignKey(
        "plans.PlanAction",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("action"),
    )
    # Always the action's process, copied so that a process's indicators are
    # read without joining through the actions.
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.CASCADE,
        related_name="plan_indicators",
        verbose_name=_("process"),
    )
    name = models.CharField(_("indicator"), max_length=300)
    kind = models.CharField(_("question"), max_length=12, choices=IndicatorKind.choices)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    target_on = models.DateField(_("target date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["action", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_on__isnull=True)
                | models.Q(baseline_on__isnull=True)
                | models.Q(target_on__gte=models.F("baseline_on")),
                name="plan_indicator_target_after_baseline",
            ),
            models.CheckConstraint(
                condition=~models.Q(unit=PERCENT_UNIT)
                | (_within_percent("baseline_value") & _within_percent("target_value")),
                name="plan_indicator_percent_within_0_100",
            ),
        ]
        indexes = [models.Index(fields=["process", "action"])]
        verbose_name = _("plan indicator")
        verbose_name_plural = _("plan indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def is_percentage(self) -> bool:
        return self.unit == PERCENT_UNIT

    @property
    def kind_label(self) -> str:
        return str(IndicatorKind(self.kind).label)


class IndicatorMeasure(TableScopedModel):
    """A value of an indicator measured on a date, with where it comes from."""

    indicator = models.ForeignKey(
        PlanIndicator,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("indicator"),
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["indicator", "measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="indicator_measure_unique_date"
            ),
        ]
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")

    def __str__(self) -> str:
        return f"{self.measured_on:%Y-%m-%d}: {self.value}"
