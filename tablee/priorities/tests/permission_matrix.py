"""Expected answers of vision and priorities URLs for every role."""

from tablee.priorities.tests.factories import (
    CandidateFactory,
    PriorityRoundFactory,
    ProcessFactory,
    RatingFactory,
    VisionVersionFactory,
)
from tablee.testing.matrix import (
    Expect,
    coordination,
    statuses,
    table_members,
    table_read,
)

TABLE_READ = table_read()
MEMBERS = table_members()
COORDINATION = coordination()
API_READ = table_read(anonymous=401)
# Members and coordinators rate; observers and platform admins (no seat at the
# table) do not.
RATE = statuses(
    anonymous=302,
    observer=403,
    member=200,
    coordinator=200,
    other_coordinator=404,
    platform_admin=403,
)


def _process(world):
    world.extra["process"] = ProcessFactory(table=world.table, slug="plan")


def _vision(world):
    _process(world)
    process = world.extra["process"]
    VisionVersionFactory(process=process, number=1, adopted=True)
    VisionVersionFactory(process=process, number=2)


def _vision_adopted_only(world):
    _process(world)
    VisionVersionFactory(process=world.extra["process"], number=1, adopted=True)


def _rounds(world):
    _process(world)
    process = world.extra["process"]
    open_round = PriorityRoundFactory(process=process)
    world.extra["open"] = open_round
    world.extra["candidate"] = CandidateFactory(round=open_round)
    closed = PriorityRoundFactory(process=process, closed=True)
    world.extra["closed"] = closed
    RatingFactory(candidate=CandidateFactory(round=closed), rater=world.people["member"])


def _p(world):
    return {"table_slug": world.table.slug, "process_slug": "plan"}


def _open(world):
    return {**_p(world), "round_id": world.extra["open"].pk}


def _closed(world):
    return {**_p(world), "round_id": world.extra["closed"].pk}


def _candidate(world):
    return {**_open(world), "candidate_id": world.extra["candidate"].pk}


def _version(world):
    return {**_p(world), "number": 1}


EXPECTATIONS = {
    "priorities:vision": Expect(TABLE_READ, setup=_vision, kwargs=_p),
    "priorities:vision-start": Expect(COORDINATION, setup=_vision_adopted_only, kwargs=_p),
    "priorities:vision-draft": Expect(TABLE_READ, setup=_vision, kwargs=_p),
    "priorities:vision-comment": Expect(MEMBERS, setup=_vision, kwargs=_p),
    "priorities:vision-propose": Expect(COORDINATION, setup=_vision, kwargs=_p),
    "priorities:vision-adopt": Expect(COORDINATION, setup=_vision, kwargs=_p),
    "priorities:vision-compare": Expect(TABLE_READ, setup=_vision, kwargs=_p),
    "priorities:vision-version": Expect(TABLE_READ, setup=_vision, kwargs=_version),
    "priorities:round-list": Expect(TABLE_READ, setup=_rounds, kwargs=_p),
    "priorities:round-create": Expect(COORDINATION, setup=_process, kwargs=_p),
    "priorities:round-detail": Expect(TABLE_READ, setup=_rounds, kwargs=_closed),
    "priorities:round-edit": Expect(COORDINATION, setup=_rounds, kwargs=_open),
    "priorities:round-rate": Expect(RATE, setup=_rounds, kwargs=_open),
    "priorities:round-results": Expect(TABLE_READ, setup=_rounds, kwargs=_closed),
    "priorities:round-adopt": Expect(COORDINATION, setup=_rounds, kwargs=_closed),
    "priorities:candidate-add": Expect(COORDINATION, setup=_rounds, kwargs=_open),
    "priorities:candidate-edit": Expect(COORDINATION, setup=_rounds, kwargs=_candidate),
    "priorities:candidate-remove": Expect(COORDINATION, setup=_rounds, kwargs=_candidate),
    "api:priorities-vision": Expect(API_READ, auth="bearer", setup=_vision, kwargs=_p),
    "api:priorities-rounds": Expect(API_READ, auth="bearer", setup=_rounds, kwargs=_p),
}
