"""Expected answers of the relations survey URLs for every role."""

from tablee.relationsurvey.tests.factories import answer, make_wave, seat, seated_orgs
from tablee.testing.matrix import Expect, coordination, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_READ = table_read(anonymous=401)
# Representatives of a participating organization answer (here: the member
# and the coordinator hold seats); observers and platform admins hold none.
ANSWER = statuses(
    anonymous=302,
    observer=403,
    member=200,
    coordinator=200,
    other_coordinator=404,
    platform_admin=403,
)
# No body: allowed roles reach the service, which refuses it (409).
API_CREATE = statuses(
    anonymous=401,
    observer=403,
    member=403,
    coordinator=409,
    other_coordinator=404,
    platform_admin=409,
)


def _wave(world):
    a, b, c = seated_orgs(world.table, 3, names=["Matrice A", "Matrice B", "Matrice C"])
    seat(world.table, a, world.people["member"])
    seat(world.table, b, world.people["coordinator"])
    wave = make_wave(table=world.table, actor=world.people["coordinator"])
    answer(wave, c, {a: 3, b: 2}, trust={a: 4})
    world.extra["wave"] = wave
    world.extra["organization"] = c


def _t(world):
    return {"table_slug": world.table.slug}


def _w(world):
    return {"table_slug": world.table.slug, "wave_id": world.extra["wave"].pk}


def _o(world):
    return {**_w(world), "organization_id": world.extra["organization"].pk}


EXPECTATIONS = {
    "relationsurvey:wave-list": Expect(TABLE_READ, setup=_wave, kwargs=_t),
    "relationsurvey:wave-create": Expect(COORDINATION, kwargs=_t),
    "relationsurvey:wave-detail": Expect(TABLE_READ, setup=_wave, kwargs=_w),
    "relationsurvey:wave-edit": Expect(COORDINATION, setup=_wave, kwargs=_w),
    "relationsurvey:wave-delete": Expect(COORDINATION, setup=_wave, kwargs=_w),
    "relationsurvey:wave-answer": Expect(ANSWER, setup=_wave, kwargs=_w),
    "relationsurvey:answers-enter": Expect(COORDINATION, setup=_wave, kwargs=_o),
    "relationsurvey:wave-results": Expect(TABLE_READ, setup=_wave, kwargs=_w),
    "relationsurvey:wave-compare": Expect(TABLE_READ, setup=_wave, kwargs=_w),
    "api:relationsurvey-waves": Expect(API_READ, auth="bearer", setup=_wave, kwargs=_t),
    "api:relationsurvey-wave-create": Expect(API_CREATE, auth="bearer", method="POST", kwargs=_t),
    "api:relationsurvey-results": Expect(API_READ, auth="bearer", setup=_wave, kwargs=_w),
}
