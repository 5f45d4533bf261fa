"""The API's tables: the same selectors and permissions as the pages."""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.permissions import require, role_in
from tablee.tables import selectors

router = Router(tags=["tables"])


class TableOut(Schema):
    id: int
    slug: str
    name: str
    territory: str
    language: str
    people_count: int


class MemberCountsOut(Schema):
    coordinators: int
    members: int
    observers: int


class TableDetailOut(Schema):
    id: int
    slug: str
    name: str
    territory: str
    description: str
    language: str
    created_at: datetime
    my_role: str | None
    member_counts: MemberCountsOut


@router.get(
    "/tables", response=list[TableOut], summary="Tables you can open", url_name="table-list"
)
@paginate(TableeLimitOffset, page_items=selectors.with_people_counts)
def table_list(request: HttpRequest):
    """Return the tables where you hold a role (every table for a platform admin)."""
    require(request.user, "tables.list_tables")
    return selectors.table_list(user=request.user)


@router.get(
    "/tables/{table_id}",
    response={200: TableDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="One table",
    url_name="table-detail",
)
def table_detail(request: HttpRequest, table_id: int):
    """Return one table and how many people hold each role in it.

    A table where you hold no role answers 404, exactly like its page.
    """
    table = selectors.table_get_by_id(table_id=table_id)
    if table is None:
        raise Http404
    require(request.user, "tables.view_table", table)
    summary = selectors.table_summary(table=table)
    return {
        "id": table.pk,
        "slug": table.slug,
        "name": table.name,
        "territory": table.territory,
        "description": table.description,
        "language": table.language,
        "created_at": table.created_at,
        "my_role": role_in(request.user, table),
        "member_counts": {
            "coordinators": summary["coordinators"],
            "members": summary["members"],
            "observers": summary["observers"],
        },
    }
