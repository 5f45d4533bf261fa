"""Changes to mobilisation health: one function per intention, each audited."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.engagement.audit_events import Event
from tablee.engagement.models import HealthSettings

FIELDS = (
    "show_names_to_members",
    "absence_streak",
    "sector_silence",
    "trend_drop_points",
    "reporting_days",
    "vacancy_days",
)


def _snapshot(settings: HealthSettings) -> dict:
    return {name: getattr(settings, name) for name in FIELDS}


@transaction.atomic
def health_settings_update(
    *,
    table,
    actor,
    show_names_to_members: bool,
    absence_streak: int,
    sector_silence: int,
    trend_drop_points: int,
    reporting_days: int,
    vacancy_days: int,
    revision: str = "",
) -> HealthSettings:
    """Change how the table reads its mobilisation health.

    `revision` is the `updated_at` the editor read: a newer save in between
    is refused rather than overwritten.
    """
    settings = HealthSettings.objects.select_for_update().filter(table=table).first()
    if settings is not None and revision and settings.updated_at.isoformat() != revision:
        raise Conflict(
            _(
                "Someone else changed these settings while you were editing. Reload the "
                "page to see their version."
            )
        )
    old = _snapshot(settings) if settings is not None else {}
    if settings is None:
        settings = HealthSettings(table=table)
    settings.show_names_to_members = bool(show_names_to_members)
    settings.absence_streak = absence_streak
    settings.sector_silence = sector_silence
    settings.trend_drop_points = trend_drop_points
    settings.reporting_days = reporting_days
    settings.vacancy_days = vacancy_days
    try:
        settings.full_clean()
    except Exception as error:  # ValidationError: report the fields, change nothing
        fields = {
            name: [str(message) for message in messages]
            for name, messages in getattr(error, "message_dict", {}).items()
        }
        raise InvalidInput(_("Check the thresholds."), extra={"fields": fields}) from error
    settings.save()
    audit.record(
        event=Event.ENGAGEMENT_SETTINGS_UPDATED,
        actor=actor,
        table=table,
        target=settings,
        old=old,
        new=_snapshot(settings),
    )
    return settings
