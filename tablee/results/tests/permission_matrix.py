"""Expected answers of the plan indicators' URLs for every role."""

from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory
from tablee.testing.matrix import Expect, coordination, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)
# Without a JSON body: the permission gate answers first (401/403/404);
# allowed roles reach validation, which refuses the missing body (409).
API_WRITE = statuses(
    anonymous=401,
    observer=403,
    member=403,
    coordinator=409,
    other_coordinator=404,
    platform_admin=409,
)


def _indicator(world):
    indicator = PlanIndicatorFactory(
        table=world.table,
        action__objective__process__table=world.table,
        action__objective__process__slug="securite-alimentaire",
    )
    world.extra["indicator"] = indicator
    world.extra["measure"] = IndicatorMeasureFactory(indicator=indicator)


def _process(world):
    return {"table_slug": world.table.slug, "process_slug": "securite-alimentaire"}


def _indicator_kwargs(world):
    return {**_process(world), "indicator_id": world.extra["indicator"].pk}


def _measure_kwargs(world):
    return {**_indicator_kwargs(world), "measure_id": world.extra["measure"].pk}


EXPECTATIONS = {
    "results:indicator-list": Expect(TABLE_READ, setup=_indicator, kwargs=_process),
    "results:indicator-create": Expect(COORDINATION, setup=_indicator, kwargs=_process),
    "results:indicator-detail": Expect(TABLE_READ, setup=_indicator, kwargs=_indicator_kwargs),
    "results:indicator-edit": Expect(COORDINATION, setup=_indicator, kwargs=_indicator_kwargs),
    "results:indicator-delete": Expect(COORDINATION, setup=_indicator, kwargs=_indicator_kwargs),
    # Nobody is accountable for the matrix's action: only coordination records.
    "results:measure-create": Expect(COORDINATION, setup=_indicator, kwargs=_indicator_kwargs),
    "results:measure-delete": Expect(COORDINATION, setup=_indicator, kwargs=_measure_kwargs),
    "api:plan-indicator-list": Expect(
        API_TABLE_READ, auth="bearer", setup=_indicator, kwargs=_process
    ),
    "api:plan-indicator-create": Expect(
        API_WRITE, auth="bearer", method="POST", setup=_indicator, kwargs=_process
    ),
    "api:plan-indicator-detail": Expect(
        API_TABLE_READ, auth="bearer", setup=_indicator, kwargs=_indicator_kwargs
    ),
    "api:plan-indicator-values": Expect(
        API_TABLE_READ, auth="bearer", setup=_indicator, kwargs=_indicator_kwargs
    ),
    "api:plan-indicator-value-create": Expect(
        API_WRITE, auth="bearer", method="POST", setup=_indicator, kwargs=_indicator_kwargs
    ),
}
