"""Expected answers of the registry, sector and relation URLs for every role.

The registry is platform-wide: any signed-in person reads it, coordinators of
any table (and platform admins) add and correct entries, platform admins
delete, restore and manage sectors. Relations belong to a table: its people
read them, its coordinators record them, everyone else gets 404.
"""

from django.core.files.base import ContentFile

from tablee.organizations.models import RelationLevel
from tablee.organizations.tests.factories import OrganizationFactory, RelationFactory
from tablee.testing.matrix import (
    Expect,
    admin_only,
    coordination,
    signed_in,
    statuses,
    table_read,
)

EDITORS = statuses(
    anonymous=302,
    observer=403,
    member=403,
    coordinator=200,
    other_coordinator=200,
    platform_admin=200,
)
ADMIN_ONLY = admin_only()
TABLE_READ = table_read()
COORDINATION = coordination()
TOKEN_HOLDERS = signed_in(200, anonymous=401)
# Writes through the API without a body: the permission gate answers first
# (401/403); allowed roles reach validation, which refuses the empty body (409).
API_EDITORS = statuses(
    anonymous=401,
    observer=403,
    member=403,
    coordinator=409,
    other_coordinator=409,
    platform_admin=409,
)


def _organization(world):
    world.extra["organization"] = OrganizationFactory()


def _deleted_organization(world):
    from django.utils import timezone

    world.extra["organization"] = OrganizationFactory(deleted_at=timezone.now())


def _sector(world):
    from tablee.organizations.models import Sector

    world.extra["sector"] = Sector.objects.first()


def _relation(world):
    relation = RelationFactory(
        table=world.table, level=RelationLevel.PARTNERSHIP, agreement_title="Entente"
    )
    relation.agreement_document.save("entente.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    world.extra["relation"] = relation


def _org_kwargs(world):
    return {"organization_id": world.extra["organization"].pk}


def _relation_kwargs(world):
    return {"table_slug": world.table.slug, "relation_id": world.extra["relation"].pk}


def _table(world):
    return {"table_slug": world.table.slug}


EXPECTATIONS = {
    "organizations:organization-list": Expect(signed_in(200)),
    "organizations:organization-create": Expect(EDITORS),
    "organizations:organization-deleted-list": Expect(ADMIN_ONLY),
    "organizations:organization-detail": Expect(
        signed_in(200), setup=_organization, kwargs=_org_kwargs
    ),
    "organizations:organization-edit": Expect(EDITORS, setup=_organization, kwargs=_org_kwargs),
    "organizations:organization-delete": Expect(
        ADMIN_ONLY, setup=_organization, kwargs=_org_kwargs
    ),
    "organizations:organization-restore": Expect(
        ADMIN_ONLY, setup=_deleted_organization, kwargs=_org_kwargs
    ),
    "organizations:sector-list": Expect(ADMIN_ONLY),
    "organizations:sector-create": Expect(ADMIN_ONLY),
    "organizations:sector-edit": Expect(
        ADMIN_ONLY, setup=_sector, kwargs=lambda w: {"sector_id": w.extra["sector"].pk}
    ),
    "organizations:sector-toggle": Expect(
        ADMIN_ONLY, setup=_sector, kwargs=lambda w: {"sector_id": w.extra["sector"].pk}
    ),
    "relations:relation-list": Expect(TABLE_READ, kwargs=_table),
    "relations:relation-network": Expect(TABLE_READ, setup=_relation, kwargs=_table),
    "relations:relation-create": Expect(COORDINATION, kwargs=_table),
    "relations:relation-history": Expect(TABLE_READ, setup=_relation, kwargs=_relation_kwargs),
    "relations:relation-change": Expect(COORDINATION, setup=_relation, kwargs=_relation_kwargs),
    "relations:relation-end": Expect(COORDINATION, setup=_relation, kwargs=_relation_kwargs),
    "relations:relation-document": Expect(TABLE_READ, setup=_relation, kwargs=_relation_kwargs),
    "api:organization-list": Expect(TOKEN_HOLDERS, auth="bearer"),
    "api:organization-detail": Expect(
        TOKEN_HOLDERS, auth="bearer", setup=_organization, kwargs=_org_kwargs
    ),
    "api:organization-create": Expect(API_EDITORS, auth="bearer", method="POST"),
    "api:organization-update": Expect(
        API_EDITORS, auth="bearer", method="PATCH", setup=_organization, kwargs=_org_kwargs
    ),
    "api:relation-list": Expect(table_read(anonymous=401), auth="bearer", kwargs=_table),
}
