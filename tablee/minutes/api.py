"""API operations of the minutes, mounted in tablee/api/api.py.

Same selectors, permissions and services as the pages. Changing adopted
minutes answers 409 with {"code": "invalid_transition", "message": ...}; a
stale `base_revision` answers 409 with code "conflict".
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tablee.api.schemas import ErrorOut
from tablee.core.permissions import require
from tablee.minutes import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["minutes"])


class CommentOut(Schema):
    author: str
    body: str
    created_at: datetime


class ErratumOut(Schema):
    text: str
    decision_number: int | None
    recorded_at: datetime


class MinutesOut(Schema):
    meeting_id: int
    status: str
    revision: int
    body: str
    circulated_at: datetime | None
    adopted_at: datetime | None
    adopted_by_decision_number: int | None
    comments: list[CommentOut]
    errata: list[ErratumOut]


class MinutesUpdateIn(Schema):
    body: str
    base_revision: int


def _minutes_or_404(request: HttpRequest, table_slug: str, meeting_id: int):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "minutes.view_minutes", table)
    meeting = selectors.meeting_get(table=table, meeting_id=meeting_id)
    if meeting is None:
        raise Http404
    minutes = selectors.minutes_for_meeting(meeting=meeting)
    if minutes is None:
        raise Http404
    return minutes


def _out(minutes) -> dict:
    return {
        "meeting_id": minutes.meeting_id,
        "status": minutes.status,
        "revision": minutes.revision,
        "body": minutes.body,
        "circulated_at": minutes.circulated_at,
        "adopted_at": minutes.adopted_at,
        "adopted_by_decision_number": (
            minutes.adopted_by_decision.number if minutes.adopted_by_decision_id else None
        ),
        "comments": [
            {"author": c.author.display_name, "body": c.body, "created_at": c.created_at}
            for c in minutes.comments.all()
        ],
        "errata": [
            {
                "text": e.text,
                "decision_number": e.decision.number if e.decision_id else None,
                "recorded_at": e.created_at,
            }
            for e in minutes.errata.all()
        ],
    }


@router.get(
    "/tables/{table_slug}/meetings/{meeting_id}/minutes",
    response={200: MinutesOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Minutes of a meeting",
    url_name="meeting-minutes",
)
def minutes_detail(request: HttpRequest, table_slug: str, meeting_id: int):
    """Return the minutes of a meeting with their comments and errata."""
    return _out(_minutes_or_404(request, table_slug, meeting_id))


@router.patch(
    "/tables/{table_slug}/meetings/{meeting_id}/minutes",
    response={200: MinutesOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Edit the text of draft minutes",
    url_name="meeting-minutes",
)
def minutes_update(
    request: HttpRequest, table_slug: str, meeting_id: int, payload: MinutesUpdateIn
):
    """Save a new text; send the `revision` you read as `base_revision`.

    Adopted minutes answer 409 (they can no longer change: record an erratum);
    a text based on an older revision answers 409 with code "conflict".
    """
    minutes = _minutes_or_404(request, table_slug, meeting_id)
    require(request.user, "minutes.edit_minutes", minutes)
    services.minutes_save(
        minutes=minutes,
        actor=request.user,
        body=payload.body,
        base_revision=payload.base_revision,
    )
    return _out(selectors.minutes_for_meeting(meeting=minutes.meeting))
