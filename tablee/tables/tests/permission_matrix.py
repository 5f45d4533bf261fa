"""Expected answers of the tables' URLs for every role (see tablee/testing/matrix.py)."""

from tablee.testing.matrix import (
    Expect,
    admin_only,
    coordination,
    everyone,
    signed_in,
    table_read,
)

TABLE_READ = table_read()
COORDINATION = coordination()
ADMIN_ONLY_IN_TABLE = admin_only(in_table=True)
ADMIN_ONLY = admin_only()


def _table(world):
    return {"table_slug": world.table.slug}


EXPECTATIONS = {
    "tables:table-list": Expect(signed_in(200)),
    "tables:table-create": Expect(ADMIN_ONLY),
    "tables:table-home": Expect(TABLE_READ, kwargs=_table),
    "tables:table-edit": Expect(COORDINATION, kwargs=_table),
    "tables:table-delete": Expect(ADMIN_ONLY_IN_TABLE, kwargs=_table),
    "tables:people-list": Expect(TABLE_READ, kwargs=_table),
    "tables:membership-role": Expect(
        COORDINATION,
        kwargs=lambda w: {"table_slug": w.table.slug, "membership_id": w.member_membership.pk},
    ),
    "tables:membership-remove": Expect(
        COORDINATION,
        kwargs=lambda w: {"table_slug": w.table.slug, "membership_id": w.member_membership.pk},
    ),
    "tables:invitation-create": Expect(COORDINATION, kwargs=_table),
    "tables:invitation-revoke": Expect(
        COORDINATION,
        kwargs=lambda w: {"table_slug": w.table.slug, "invitation_id": w.invitation.pk},
    ),
    "tables:audit-log": Expect(COORDINATION, kwargs=_table),
    # The invitation link works for anyone who holds it; signed-in people link it to their account.
    "invitation-accept": Expect(
        everyone(200),
        kwargs=lambda w: {"token": w.invitation_token},
    ),
    "platform:table-list": Expect(ADMIN_ONLY),
    "platform:table-restore": Expect(
        ADMIN_ONLY, kwargs=lambda w: {"table_id": w.deleted_table.pk}
    ),
    "platform:audit-log": Expect(ADMIN_ONLY),
}
