"""API operations of the charter, mounted in tablee/api/api.py.

The same selectors and permissions as the pages: a table where the caller
holds no role answers 404.
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tablee.api.schemas import ErrorOut
from tablee.charters import selectors
from tablee.core.permissions import require
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["charters"])


class AnswerOut(Schema):
    key: str
    family: str
    question: str
    text: str
    status: str


class AccountabilityOut(Schema):
    what: str
    who: str


class CharterVersionOut(Schema):
    number: int
    status: str
    adopted_at: datetime | None
    adoption_note: str
    answers: list[AnswerOut]
    table_roles: list[str]
    non_negotiables: list[str]
    co_constructed: list[str]
    accountabilities: list[AccountabilityOut]
    needed_sectors: list[str]
    needed_actor_types: list[str]


class FamilyProgressOut(Schema):
    family: str
    title: str
    total: int
    answered: int
    proposed: int


class DraftSummaryOut(Schema):
    number: int
    updated_at: datetime
    progress: list[FamilyProgressOut]


class CharterOut(Schema):
    adopted: CharterVersionOut | None
    draft: DraftSummaryOut | None
    versions: list[int]


def _table_or_404(request: HttpRequest, table_slug: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "charters.view_charter", table)
    return table


def _version_out(version) -> dict:
    sections = selectors.charter_sections(version=version)
    return {
        "number": version.number,
        "status": version.status,
        "adopted_at": version.adopted_at,
        "adoption_note": version.adoption_note,
        "answers": [
            {
                "key": item["question"].key,
                "family": section["family"].key,
                "question": str(item["question"].title),
                "text": item["text"],
                "status": item["status"],
            }
            for section in sections
            for item in section["items"]
        ],
        # Codes, not labels: a client translates them or reads the label lists.
        "table_roles": version.table_roles,
        "non_negotiables": version.non_negotiables,
        "co_constructed": version.co_constructed,
        "accountabilities": [
            {"what": item.get("what", ""), "who": item.get("who", "")}
            for item in version.accountabilities
        ],
        "needed_sectors": version.needed_sectors,
        "needed_actor_types": version.needed_actor_types,
    }


@router.get(
    "/tables/{table_slug}/charter",
    response={200: CharterOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="A table's charter",
    url_name="charter",
)
def charter(request: HttpRequest, table_slug: str):
    """Return the charter in force (latest adopted version) and a summary of the draft."""
    table = _table_or_404(request, table_slug)
    adopted = selectors.charter_latest_adopted(table=table)
    draft = selectors.charter_draft(table=table)
    return {
        "adopted": _version_out(adopted) if adopted is not None else None,
        "draft": (
            {
                "number": draft.number,
                "updated_at": draft.updated_at,
                "progress": [
                    {
                        "family": item.key,
                        "title": item.title,
                        "total": item.total,
                        "answered": item.answered,
                        "proposed": item.proposed,
                    }
                    for item in selectors.charter_progress(version=draft)
                ],
            }
            if draft is not None
            else None
        ),
        "versions": list(
            selectors.charter_version_list(table=table).values_list("number", flat=True)[:200]
        ),
    }


@router.get(
    "/tables/{table_slug}/charter/versions/{number}",
    response={200: CharterVersionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="One version of a table's charter",
    url_name="charter-version",
)
def charter_version(request: HttpRequest, table_slug: str, number: int):
    """Return one version (adopted or draft) with every answer and choice."""
    table = _table_or_404(request, table_slug)
    version = selectors.charter_version_get(table=table, number=number)
    if version is None:
        raise Http404
    return _version_out(version)
