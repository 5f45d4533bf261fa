"""Benchmark data of mobilisation health.

Nothing to add: the health page reads the meetings, attendance, seats and
polls the core generator already writes (the largest, gen-table-001, has
the longest meeting history). Tables keep the default settings.
"""

from __future__ import annotations

from tablee.engagement.models import HealthSettings


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    return {}


def delete(*, tables) -> None:
    HealthSettings.objects.filter(table__in=tables).delete()
