"""The demo shows warnings worth reading; generate and delete exist."""

import pytest

from tablee.engagement import generate

pytestmark = pytest.mark.django_db


def test_generate_adds_nothing_and_delete_clears_settings(table, coordinator):
    from tablee.engagement import selectors, services

    assert (
        generate.generate(rng=None, scale=1, tables=[table], seats={}, batch=None, progress=print)
        == {}
    )
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
    generate.delete(tables=[table])
    assert not selectors.settings_get(table=table).pk


def test_demo_table_shows_at_least_two_warnings():
    from tablee.core.demo import load_demo
    from tablee.engagement import selectors
    from tablee.tables.models import Table

    load_demo()
    load_demo()  # idempotent
    table = Table.objects.get(slug="quartier-demo")
    report = selectors.health_report(table=table, warnings_visible=True)
    stage = selectors.stage_alerts_for(processes=selectors.current_processes(table=table))
    assert len(report.alerts) + len(stage) >= 2
    assert selectors.settings_get(table=table).pk
