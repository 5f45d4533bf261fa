"""Expected answers of the self-check URLs for every role."""

from tablee.selfcheck.tests.factories import make_check
from tablee.testing.matrix import Expect, coordination, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)
# A POST without valid data: allowed roles get the page back (422) or a redirect.
CARD_POST = statuses(
    anonymous=302,
    observer=403,
    member=403,
    coordinator=422,
    other_coordinator=404,
    platform_admin=422,
)
PLAN_POST = statuses(
    anonymous=302,
    observer=403,
    member=403,
    coordinator=302,
    other_coordinator=404,
    platform_admin=302,
)


def _check(world):
    world.extra["check"] = make_check(table=world.table, actor=world.people["coordinator"])


def _table(world):
    return {"table_slug": world.table.slug}


def _check_kwargs(world):
    return {"table_slug": world.table.slug, "check_id": world.extra["check"].pk}


def _card_kwargs(world):
    card = world.extra["check"].cards.order_by("id").first()
    return {**_check_kwargs(world), "card_id": card.pk}


EXPECTATIONS = {
    "selfcheck:selfcheck-list": Expect(TABLE_READ, kwargs=_table, setup=_check),
    "selfcheck:selfcheck-start": Expect(COORDINATION, kwargs=_table),
    "selfcheck:selfcheck-detail": Expect(TABLE_READ, kwargs=_check_kwargs, setup=_check),
    "selfcheck:selfcheck-profile": Expect(TABLE_READ, kwargs=_check_kwargs, setup=_check),
    "selfcheck:selfcheck-complete": Expect(COORDINATION, kwargs=_check_kwargs, setup=_check),
    "selfcheck:card-update": Expect(CARD_POST, kwargs=_card_kwargs, setup=_check, method="POST"),
    "selfcheck:card-plan": Expect(PLAN_POST, kwargs=_card_kwargs, setup=_check, method="POST"),
    "api:selfcheck-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_check),
}
