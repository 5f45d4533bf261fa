"""API operations of resources and funding, mounted in tablee/api/api.py.

Read only, for everyone with a role in the table (same selectors and
permissions as the pages).
"""

from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.permissions import require
from tablee.funding import selectors
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["funding"])


class ReportingDateOut(Schema):
    id: int
    due_on: date
    what: str
    is_done: bool


class ProgramOut(Schema):
    id: int
    name: str
    amount: Decimal
    used: Decimal
    starts_on: date
    ends_on: date
    conditions: str
    process_slug: str | None
    reporting_dates: list[ReportingDateOut]

    @staticmethod
    def resolve_process_slug(obj) -> str | None:
        return obj.process.slug if obj.process_id else None

    @staticmethod
    def resolve_reporting_dates(obj):
        return list(obj.reporting_dates.all())


class FunderOut(Schema):
    id: int
    name: str
    organization_id: int | None
    organization_name: str | None
    contact_name: str
    contact_email: str
    contact_phone: str
    programs: list[ProgramOut]

    @staticmethod
    def resolve_organization_name(obj) -> str | None:
        return str(obj.organization) if obj.organization_id else None

    @staticmethod
    def resolve_programs(obj):
        return list(obj.programs.all())


class OrganizationTotalsOut(Schema):
    organization_id: int
    organization: str
    hours: Decimal
    hours_value: Decimal
    money: Decimal
    material_value: Decimal
    in_kind_value: Decimal
    total_value: Decimal
    commitments: int
    actions: int


class ObjectiveTotalsOut(Schema):
    objective_id: int
    objective: str
    hours: Decimal
    hours_value: Decimal
    money: Decimal
    material_value: Decimal
    in_kind_value: Decimal
    total_value: Decimal
    commitments: int
    organizations: int


class CommitmentOut(Schema):
    id: int
    action_id: int
    action_title: str
    organization_id: int
    organization_name: str
    kind: str
    quantity: Decimal | None
    unit: str
    amount: Decimal | None
    note: str
    revision: int

    @staticmethod
    def resolve_action_title(obj) -> str:
        return obj.action.title

    @staticmethod
    def resolve_organization_name(obj) -> str:
        return str(obj.organization)


class ResourcesOut(Schema):
    process_slug: str
    by_organization: list[OrganizationTotalsOut]
    by_objective: list[ObjectiveTotalsOut]
    commitments: list[CommitmentOut]


def _table_or_404(request: HttpRequest, table_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    return table


@router.get(
    "/tables/{table_slug}/funding/funders",
    response=list[FunderOut],
    summary="Funders of a table, with their programs and reporting dates",
    url_name="funding-funder-list",
)
@paginate(TableeLimitOffset)
def funder_list(request: HttpRequest, table_slug: str):
    """Return the table's funders by name; each program carries `used`, the sum
    of its budget lines."""
    table = _table_or_404(request, table_slug, "funding.view_funding")
    return selectors.funders_for_api(table=table)


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/resources",
    response={200: ResourcesOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Resources committed to a process's plan: totals and every commitment",
    url_name="funding-resources",
)
def resources(request: HttpRequest, table_slug: str, process_slug: str):
    """Return who carries what: totals per organization and per objective
    (hours; money and values in dollars), then every commitment."""
    table = _table_or_404(request, table_slug, "funding.view_resources")
    process = selectors.process_get(table=table, slug=process_slug)
    if process is None:
        raise Http404
    return {
        "process_slug": process.slug,
        "by_organization": selectors.resources_by_organization(process),
        "by_objective": selectors.resources_by_objective(process),
        "commitments": list(selectors.resource_list(process=process)),
    }
