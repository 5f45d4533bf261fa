"""Demo part of mobilisation health for « Table de quartier Démo »; idempotent.

The demo's meetings, seats, polls and action cycle already produce the
warnings worth reading; this part only records the table's thresholds,
through the service, so the activity log shows who chose them.
"""

from __future__ import annotations

from tablee.engagement import selectors, services
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if selectors.settings_get(table=table).pk:
        return
    services.health_settings_update(
        table=table,
        actor=coordinator,
        show_names_to_members=False,
        absence_streak=3,
        sector_silence=3,
        trend_drop_points=15,
        reporting_days=21,
        vacancy_days=90,
    )
