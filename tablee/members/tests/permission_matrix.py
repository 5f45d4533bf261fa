"""Expected answers of the members' URLs for every role (see tablee/testing/matrix.py)."""

from tablee.members.tests.factories import (
    CommitteeFactory,
    CommitteeMemberFactory,
    SeatFactory,
)
from tablee.testing.matrix import Expect, coordination, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_READ = table_read(anonymous=401)


def _table(world):
    return {"table_slug": world.table.slug}


def _with_seat(world):
    world.extra["seat"] = SeatFactory(table=world.table)


def _seat(world):
    return {"table_slug": world.table.slug, "seat_id": world.extra["seat"].pk}


def _with_committee(world):
    committee = CommitteeFactory(table=world.table)
    world.extra["committee"] = committee
    world.extra["committee_member"] = CommitteeMemberFactory(
        committee=committee, person=world.people["member"]
    )


def _committee(world):
    return {"table_slug": world.table.slug, "committee_id": world.extra["committee"].pk}


def _api_table(world):
    return {"table_slug": world.table.slug}


EXPECTATIONS = {
    "members:seat-list": Expect(TABLE_READ, kwargs=_table),
    "members:seat-create": Expect(COORDINATION, kwargs=_table),
    "members:seat-import": Expect(COORDINATION, kwargs=_table),
    "members:seat-import-template": Expect(
        COORDINATION, kwargs=lambda w: {"table_slug": w.table.slug, "fmt": "csv"}
    ),
    "members:seat-export": Expect(
        COORDINATION, kwargs=lambda w: {"table_slug": w.table.slug, "fmt": "xlsx"}
    ),
    "members:seat-detail": Expect(TABLE_READ, setup=_with_seat, kwargs=_seat),
    "members:seat-edit": Expect(COORDINATION, setup=_with_seat, kwargs=_seat),
    "members:seat-assign": Expect(COORDINATION, setup=_with_seat, kwargs=_seat),
    "members:seat-handover": Expect(COORDINATION, setup=_with_seat, kwargs=_seat),
    "members:seat-end-holder": Expect(COORDINATION, setup=_with_seat, kwargs=_seat),
    "members:seat-close": Expect(COORDINATION, setup=_with_seat, kwargs=_seat),
    "members:seat-reopen": Expect(COORDINATION, setup=_with_seat, kwargs=_seat),
    "members:committee-list": Expect(TABLE_READ, kwargs=_table),
    "members:committee-create": Expect(COORDINATION, kwargs=_table),
    "members:committee-detail": Expect(TABLE_READ, setup=_with_committee, kwargs=_committee),
    "members:committee-edit": Expect(COORDINATION, setup=_with_committee, kwargs=_committee),
    "members:committee-close": Expect(COORDINATION, setup=_with_committee, kwargs=_committee),
    "members:committee-member-add": Expect(COORDINATION, setup=_with_committee, kwargs=_committee),
    "members:committee-member-remove": Expect(
        COORDINATION,
        setup=_with_committee,
        kwargs=lambda w: {**_committee(w), "member_id": w.extra["committee_member"].pk},
    ),
    "members:directory": Expect(TABLE_READ, kwargs=_table),
    "members:coverage": Expect(TABLE_READ, kwargs=_table),
    "members:onboarding": Expect(TABLE_READ, kwargs=_table),
    "members:turnover": Expect(COORDINATION, kwargs=_table),
    # The API: POST/PATCH share these paths (and names) with the GETs below.
    "api:members-seat-list": Expect(API_READ, auth="bearer", kwargs=_api_table),
    "api:members-seat-detail": Expect(
        API_READ,
        auth="bearer",
        setup=_with_seat,
        kwargs=lambda w: {"table_slug": w.table.slug, "seat_id": w.extra["seat"].pk},
    ),
    "api:members-committee-list": Expect(API_READ, auth="bearer", kwargs=_api_table),
    "api:members-directory": Expect(API_READ, auth="bearer", kwargs=_api_table),
}
