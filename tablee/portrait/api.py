"""API operations of the portrait and diagnostic, mounted in tablee/api/api.py.

Read only, for everyone with a role in the table (same selectors and
permission as the pages). A missing value is `null`, never 0.
"""

from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.core.permissions import require
from tablee.portrait import selectors
from tablee.portrait.models import Coverage
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["portrait"])


class TerritoryValueOut(Schema):
    year: int
    value: Decimal | None
    missing: bool
    note: str

    @staticmethod
    def resolve_missing(obj) -> bool:
        return obj.value is None


class TerritoryIndicatorOut(Schema):
    id: int
    name: str
    unit: str
    source: str
    geography: str
    description: str
    process_slug: str | None
    values: list[TerritoryValueOut]

    @staticmethod
    def resolve_process_slug(obj) -> str | None:
        return obj.process.slug if obj.process_id else None

    @staticmethod
    def resolve_values(obj) -> list:
        return list(obj.values.all())


class NamedOut(Schema):
    id: int
    name: str


class NeedOut(Schema):
    id: int
    statement: str
    details: str
    coverage: str
    coverage_note: str
    organizations: list[NamedOut]
    sectors: list[NamedOut]
    citizens: str
    indicator_ids: list[int]
    process_slug: str | None
    action_count: int

    @staticmethod
    def resolve_organizations(obj) -> list[dict]:
        return [{"id": o.pk, "name": str(o)} for o in obj.organizations.all()]

    @staticmethod
    def resolve_sectors(obj) -> list[dict]:
        return [{"id": s.pk, "name": str(s)} for s in obj.sectors.all()]

    @staticmethod
    def resolve_indicator_ids(obj) -> list[int]:
        return [i.pk for i in obj.indicators.all()]

    @staticmethod
    def resolve_process_slug(obj) -> str | None:
        return obj.process.slug if obj.process_id else None


class NeedFilters(Schema):
    coverage: str = ""


def _table_or_404(request: HttpRequest, table_slug: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "portrait.view_portrait", table)
    return table


@router.get(
    "/tables/{table_slug}/portrait/indicators",
    response=list[TerritoryIndicatorOut],
    summary="Territory indicators of a table, with their values per year",
    url_name="portrait-indicator-list",
)
@paginate(TableeLimitOffset)
def indicator_list(request: HttpRequest, table_slug: str):
    """Return the indicators by name; each value has its year, the value
    (`null` when the data is missing, never 0) and an optional note."""
    return selectors.indicator_list(table=_table_or_404(request, table_slug))


@router.get(
    "/tables/{table_slug}/portrait/needs",
    response=list[NeedOut],
    summary="Needs identified on a table's territory",
    url_name="portrait-need-list",
)
@paginate(TableeLimitOffset)
def need_list(request: HttpRequest, table_slug: str, filters: Query[NeedFilters]):
    """Return the needs by statement; filter by `coverage` (unknown, covered,
    partly, not_covered)."""
    table = _table_or_404(request, table_slug)
    coverage = filters.coverage if filters.coverage in Coverage.values else ""
    return selectors.need_list(table=table, coverage=coverage)
