"""Mobilisation health: the per-table settings of its early warnings.

The figures themselves are read from meetings, seats, polls and the action
cycle (see selectors.py); only the thresholds and the names rule are stored.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tablee.core.models import TableScopedModel

DEFAULT_ABSENCE_STREAK = 3
DEFAULT_SECTOR_SILENCE = 3
DEFAULT_TREND_DROP = 15
DEFAULT_REPORTING_DAYS = 21
DEFAULT_VACANCY_DAYS = 90


class HealthSettings(TableScopedModel):
    """How a table reads its mobilisation health: warning thresholds, names rule."""

    table = models.OneToOneField(
        "tables.Table",
        on_delete=models.PROTECT,
        related_name="health_settings",
        verbose_name=_("table"),
    )
    show_names_to_members = models.BooleanField(
        _("show seats and representatives by name to members"),
        default=False,
        help_text=_(
            "When off, members and observers only see figures by sector and type of "
            "actor; coordinators always see everything."
        ),
    )
    absence_streak = models.PositiveSmallIntegerField(
        _("meetings missed in a row before a seat is flagged"),
        default=DEFAULT_ABSENCE_STREAK,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    sector_silence = models.PositiveSmallIntegerField(
        _("meetings without anyone from a sector before it is flagged"),
        default=DEFAULT_SECTOR_SILENCE,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    trend_drop_points = models.PositiveSmallIntegerField(
        _("drop in attendance (percentage points) that signals a falling trend"),
        default=DEFAULT_TREND_DROP,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    reporting_days = models.PositiveSmallIntegerField(
        _("days before a funder's reporting date to warn about late actions"),
        default=DEFAULT_REPORTING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    vacancy_days = models.PositiveSmallIntegerField(
        _("days without a representative before a seat counts as vacant for long"),
        default=DEFAULT_VACANCY_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
    )

    class Meta:
        verbose_name = _("mobilisation health settings")
        verbose_name_plural = _("mobilisation health settings")

    def __str__(self) -> str:
        return f"{self.table}: health settings"
