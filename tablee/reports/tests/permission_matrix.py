"""Expected answers of the reports' URLs for every role (see tablee/testing/matrix.py)."""

from tablee.plans.tests.factories import ObjectiveFactory, PlanActionFactory, ProcessFactory
from tablee.testing.matrix import Expect, coordination, table_read


def _plan(world):
    process = ProcessFactory(table=world.table, slug="securite-alimentaire")
    PlanActionFactory(objective=ObjectiveFactory(process=process))
    world.extra["process"] = process


def _process(world):
    return {"table_slug": world.table.slug, "process_slug": world.extra["process"].slug}


EXPECTATIONS = {
    # Members and observers read the plan, so they read (and download) its report.
    "reports:report": Expect(table_read(), kwargs=_process, setup=_plan),
    # Members and observers read the annual report form (its files come with a year).
    "reports:annual-report": Expect(
        table_read(), kwargs=lambda world: {"table_slug": world.table.slug}
    ),
    "reports:plan-import": Expect(coordination(), kwargs=_process, setup=_plan),
    # The coordination writes its own sections of a year's annual report.
    "reports:annual-text": Expect(
        coordination(), kwargs=lambda world: {"table_slug": world.table.slug, "year": 2025}
    ),
}
