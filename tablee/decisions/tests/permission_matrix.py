"""Expected answers of the decision register's URLs for every role."""

from tablee.decisions.tests.factories import DecisionFactory
from tablee.testing.matrix import Expect, coordination, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)
# Without a body: the permission gate answers first (401/403/404); allowed
# roles reach validation, which refuses the empty body (409).
API_RECORD = statuses(
    anonymous=401,
    observer=403,
    member=403,
    coordinator=409,
    other_coordinator=404,
    platform_admin=409,
)


def _table(world):
    return {"table_slug": world.table.slug}


def _decision(world):
    world.extra["decision"] = DecisionFactory(
        table=world.table, number=1, recorded_by=world.people["coordinator"]
    )


def _decision_kwargs(world):
    return {"table_slug": world.table.slug, "decision_id": world.extra["decision"].pk}


EXPECTATIONS = {
    "decisions:decision-list": Expect(TABLE_READ, kwargs=_table, setup=_decision),
    "decisions:decision-create": Expect(COORDINATION, kwargs=_table),
    "decisions:decision-detail": Expect(TABLE_READ, setup=_decision, kwargs=_decision_kwargs),
    "decisions:decision-amend": Expect(COORDINATION, setup=_decision, kwargs=_decision_kwargs),
    "decisions:decision-supersede": Expect(COORDINATION, setup=_decision, kwargs=_decision_kwargs),
    "api:decision-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_decision),
    "api:decision-detail": Expect(
        API_TABLE_READ, auth="bearer", setup=_decision, kwargs=_decision_kwargs
    ),
    "api:decision-create": Expect(API_RECORD, auth="bearer", method="POST", kwargs=_table),
}
