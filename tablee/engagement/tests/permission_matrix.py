"""Expected answers of mobilisation health's URLs for every role (see tablee/testing/matrix.py)."""

from tablee.testing.matrix import Expect, coordination, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_TABLE_READ = table_read(anonymous=401)


def _table(world):
    return {"table_slug": world.table.slug}


EXPECTATIONS = {
    "engagement:health": Expect(TABLE_READ, kwargs=_table),
    "engagement:mobilisation": Expect(TABLE_READ, kwargs=_table),
    "engagement:settings": Expect(COORDINATION, kwargs=_table),
    "api:engagement-health": Expect(API_TABLE_READ, auth="bearer", kwargs=_table),
}
