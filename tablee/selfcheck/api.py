"""API operations of the winning conditions self-check, mounted in tablee/api/api.py."""

from datetime import date

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tablee.core.permissions import require
from tablee.selfcheck import selectors
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["selfcheck"])


class LevelOut(Schema):
    code: str
    level: int | None


class SelfCheckOut(Schema):
    id: int
    held_on: date
    status: str
    levels: list[LevelOut]

    @staticmethod
    def resolve_levels(obj) -> list[LevelOut]:
        return [LevelOut(code=c.code, level=c.level) for c in obj.cards.all()]


@router.get(
    "/tables/{table_slug}/conditions",
    response=list[SelfCheckOut],
    summary="A table's winning conditions self-checks, with levels",
    url_name="selfcheck-list",
)
def selfcheck_list(request: HttpRequest, table_slug: str):
    """Return the self-checks, newest first, each with its twelve levels (1–4 or null)."""
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "selfcheck.view_selfcheck", table)
    return list(selectors.selfcheck_list(table=table)[:50])
