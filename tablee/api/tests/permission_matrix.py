"""Expected answers of the API for every role, each calling with its own token.

Without a token the API answers 401; a table where the caller holds no role
answers 404, exactly like its pages.
"""

from tablee.testing.matrix import Expect, everyone, signed_in, table_read

TOKEN_HOLDERS = signed_in(200, anonymous=401)
TABLE_READ = table_read(anonymous=401)

EXPECTATIONS = {
    # Ninja's root only anchors the other URLs; it has no page.
    "api:api-root": Expect(everyone(404)),
    # The schema and its documentation are public: they describe, they hold no data.
    "api:openapi-json": Expect(everyone(200)),
    "api:openapi-view": Expect(everyone(200)),
    "api:me": Expect(TOKEN_HOLDERS, auth="bearer"),
    "api:table-list": Expect(TOKEN_HOLDERS, auth="bearer"),
    "api:table-detail": Expect(
        TABLE_READ, auth="bearer", kwargs=lambda w: {"table_id": w.table.pk}
    ),
}
