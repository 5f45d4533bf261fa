"""Expected answers of the polls' URLs for every role.

Only members and coordinators vote; observers and platform admins (who hold
no seat and no role) follow without voting.
"""

from tablee.polls.models import PollStatus
from tablee.polls.tests.factories import PollFactory
from tablee.testing.matrix import Expect, coordination, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)
VOTERS = statuses(
    anonymous=302,
    observer=403,
    member=200,
    coordinator=200,
    other_coordinator=404,
    platform_admin=403,
)
# Without a body, voters reach validation, which refuses the empty body (409).
API_VOTERS = statuses(
    anonymous=401,
    observer=403,
    member=409,
    coordinator=409,
    other_coordinator=404,
    platform_admin=403,
)


def _table(world):
    return {"table_slug": world.table.slug}


def _open_poll(world):
    world.extra["poll"] = PollFactory(table=world.table, created_by=world.people["coordinator"])


def _draft_poll(world):
    world.extra["poll"] = PollFactory(
        table=world.table, created_by=world.people["coordinator"], status=PollStatus.DRAFT
    )


def _poll_kwargs(world):
    return {"table_slug": world.table.slug, "poll_id": world.extra["poll"].pk}


EXPECTATIONS = {
    "polls:poll-list": Expect(TABLE_READ, kwargs=_table, setup=_open_poll),
    "polls:poll-create": Expect(COORDINATION, kwargs=_table),
    "polls:poll-detail": Expect(TABLE_READ, setup=_open_poll, kwargs=_poll_kwargs),
    "polls:poll-vote": Expect(VOTERS, setup=_open_poll, kwargs=_poll_kwargs),
    "polls:poll-open": Expect(COORDINATION, setup=_draft_poll, kwargs=_poll_kwargs),
    "polls:poll-close": Expect(COORDINATION, setup=_open_poll, kwargs=_poll_kwargs),
    "api:poll-list": Expect(API_TABLE_READ, auth="bearer", kwargs=_table, setup=_open_poll),
    "api:poll-detail": Expect(
        API_TABLE_READ, auth="bearer", setup=_open_poll, kwargs=_poll_kwargs
    ),
    "api:poll-ballot": Expect(
        API_VOTERS, auth="bearer", method="POST", setup=_open_poll, kwargs=_poll_kwargs
    ),
}
