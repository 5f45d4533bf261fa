"""Expected answers of the actions' URLs for every role (see tablee/testing/matrix.py)."""

from tablee.actions.notifications import unsubscribe_token
from tablee.actions.tests.factories import ActionItemFactory
from tablee.testing.matrix import (
    Expect,
    coordination,
    everyone,
    signed_in,
    table_members,
    table_read,
)

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)


def _table(world):
    return {"table_slug": world.table.slug}


def _with_action(world):
    # The member is accountable: they may change its status, the observer may not.
    world.extra["action"] = ActionItemFactory(
        table=world.table,
        accountable_person=world.people["member"],
        created_by=world.people["coordinator"],
    )


def _action(world):
    return {"table_slug": world.table.slug, "action_id": world.extra["action"].pk}


EXPECTATIONS = {
    "actions:action-list": Expect(TABLE_READ, kwargs=_table, setup=_with_action),
    "actions:action-create": Expect(COORDINATION, kwargs=_table),
    "actions:action-detail": Expect(TABLE_READ, kwargs=_action, setup=_with_action),
    "actions:action-edit": Expect(COORDINATION, kwargs=_action, setup=_with_action),
    "actions:action-status": Expect(table_members(), kwargs=_action, setup=_with_action),
    "actions_public:my-actions": Expect(signed_in(200)),
    "actions_public:notifications": Expect(signed_in(200)),
    # The signed link works without signing in (one-click unsubscribe).
    "actions_public:unsubscribe": Expect(
        everyone(200), kwargs=lambda w: {"token": unsubscribe_token(w.people["member"])}
    ),
    "api:action-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_with_action),
    "api:action-detail": Expect(API_TABLE_READ, auth="bearer", kwargs=_action, setup=_with_action),
}
