"""Expected answers of the minutes' URLs for every role (see tablee/testing/matrix.py)."""

from tablee.minutes.tests.factories import MinutesFactory, adopted_minutes
from tablee.testing.matrix import Expect, coordination, table_members, table_read

TABLE_READ = table_read()
TABLE_MEMBERS = table_members()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)


def _with_draft(world):
    world.extra["minutes"] = MinutesFactory(meeting__table=world.table)


def _with_adopted(world):
    world.extra["minutes"] = adopted_minutes(table=world.table)


def _without_minutes(world):
    from tablee.minutes.tests.factories import MeetingFactory

    world.extra["meeting"] = MeetingFactory(table=world.table)


def _meeting(world):
    meeting_id = (
        world.extra["minutes"].meeting_id
        if "minutes" in world.extra
        else world.extra["meeting"].pk
    )
    return {"table_slug": world.table.slug, "meeting_id": meeting_id}


def _page(statuses, setup=_with_draft):
    return Expect(statuses, kwargs=_meeting, setup=setup)


EXPECTATIONS = {
    "minutes:minutes-detail": _page(TABLE_READ),
    # A meeting without minutes: the coordination sees the confirmation page.
    "minutes:minutes-generate": _page(COORDINATION, setup=_without_minutes),
    "minutes:minutes-edit": _page(COORDINATION),
    "minutes:minutes-circulate": _page(COORDINATION),
    "minutes:minutes-comment": _page(TABLE_MEMBERS),
    "minutes:minutes-adopt": _page(COORDINATION),
    "minutes:erratum-create": _page(COORDINATION, setup=_with_adopted),
    "minutes:minutes-pdf": _page(TABLE_READ),
    "minutes:minutes-docx": _page(TABLE_READ, setup=_with_adopted),
    "api:meeting-minutes": Expect(
        API_TABLE_READ, auth="bearer", kwargs=_meeting, setup=_with_draft
    ),
}
