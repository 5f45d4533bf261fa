"""API operations of meetings, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages: a table where the
caller holds no role answers 404.
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.permissions import is_platform_admin, require, role_in
from tablee.meetings import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["meetings"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _table(request: HttpRequest, slug: str):
    table = table_get_by_slug(slug=slug)
    if table is None or (
        role_in(request.user, table) is None and not is_platform_admin(request.user)
    ):
        raise Http404
    return table


def _meeting(table, meeting_id: int):
    meeting = selectors.meeting_get(table=table, meeting_id=meeting_id)
    if meeting is None:
        raise Http404
    return meeting


class MeetingOut(Schema):
    id: int
    title: str
    status: str
    starts_at: datetime | None
    duration_minutes: int
    location: str
    online_url: str
    committee: str | None
    revision: int
    url: str
    ics_url: str | None

    @staticmethod
    def resolve_committee(obj) -> str | None:
        return obj.committee.name if obj.committee_id else None

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(
            reverse(
                "meetings:meeting-detail",
                kwargs={"table_slug": obj.table.slug, "meeting_id": obj.pk},
            )
        )

    @staticmethod
    def resolve_ics_url(obj, context) -> str | None:
        if obj.starts_at is None:
            return None
        return context["request"].build_absolute_uri(
            reverse(
                "meetings:meeting-ics",
                kwargs={"table_slug": obj.table.slug, "meeting_id": obj.pk},
            )
        )


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    kind: str
    duration_minutes: int
    presenter: str
    description: str
    notes: str
    documents: list[str]

    @staticmethod
    def resolve_presenter(obj) -> str:
        return obj.presenter.display_name if obj.presenter_id else obj.presenter_name

    @staticmethod
    def resolve_documents(obj) -> list[str]:
        return [document.original_name for document in obj.documents.all()]


class QuorumOut(Schema):
    rule: str
    total: int
    present: int
    required: int
    met: bool


class MeetingDetailOut(MeetingOut):
    description: str
    planned_minutes: int
    agenda: list[AgendaItemOut]
    quorum: QuorumOut


class MeetingCreateIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    starts_at: datetime | None = None
    duration_minutes: int = Field(120, ge=15, le=720)
    location: str = ""
    online_url: str = ""
    committee_id: int | None = None


class MeetingPatchIn(Schema):
    revision: int | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = None
    starts_at: datetime | None = None
    duration_minutes: int | None = Field(None, ge=15, le=720)
    location: str | None = None
    online_url: str | None = None
    committee_id: int | None = None


def _committee(table, committee_id):
    if committee_id is None:
        return None
    committee = selectors.committee_get(table=table, committee_id=committee_id)
    if committee is None:
        raise Http404
    return committee


def _detail(meeting):
    summary = selectors.agenda_summary(meeting=meeting)
    quorum = selectors.meeting_quorum(meeting=meeting)
    meeting.planned_minutes = summary.planned_minutes
    meeting.agenda = summary.items
    meeting.quorum = {
        "rule": quorum.rule,
        "total": quorum.total,
        "present": quorum.present,
        "required": quorum.required,
        "met": quorum.met,
    }
    return meeting


@router.get(
    "/tables/{table_slug}/meetings",
    response={200: list[MeetingOut], **ERRORS},
    summary="A table's meetings",
    url_name="meeting-list",
)
@paginate(TableeLimitOffset)
def meeting_list(request: HttpRequest, table_slug: str):
    """Return the table's meetings, latest first."""
    table = _table(request, table_slug)
    require(request.user, "meetings.view_meetings", table)
    return selectors.meeting_list_all(table=table).select_related("table")


@router.get(
    "/tables/{table_slug}/meetings/{meeting_id}",
    response={200: MeetingDetailOut, **ERRORS},
    summary="One meeting, with its agenda",
    url_name="meeting-detail",
)
def meeting_detail(request: HttpRequest, table_slug: str, meeting_id: int):
    table = _table(request, table_slug)
    meeting = _meeting(table, meeting_id)
    require(request.user, "meetings.view_meetings", meeting)
    return _detail(meeting)


@router.post(
    "/tables/{table_slug}/meetings",
    response={201: MeetingDetailOut, **ERRORS},
    summary="Create a meeting (coordinators)",
    url_name="meeting-create",
)
def meeting_create(request: HttpRequest, table_slug: str, payload: MeetingCreateIn):
    table = _table(request, table_slug)
    require(request.user, "meetings.manage_meetings", table)
    meeting = services.meeting_create(
        table=table,
        actor=request.user,
        title=payload.title,
        description=payload.description,
        committee=_committee(table, payload.committee_id),
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        location=payload.location,
        online_url=payload.online_url,
    )
    return 201, _detail(_meeting(table, meeting.pk))


@router.patch(
    "/tables/{table_slug}/meetings/{meeting_id}",
    response={200: MeetingDetailOut, **ERRORS},
    summary="Change a meeting (coordinators)",
    url_name="meeting-update",
)
def meeting_update(
    request: HttpRequest, table_slug: str, meeting_id: int, payload: MeetingPatchIn
):
    """Change the given fields. Send the `revision` you read: a stale one answers 409."""
    table = _table(request, table_slug)
    meeting = _meeting(table, meeting_id)
    require(request.user, "meetings.manage_meetings", meeting)
    given = payload.model_dump(exclude_unset=True)
    committee = meeting.committee
    if "committee_id" in given:
        committee = _committee(table, given["committee_id"])
    services.meeting_update(
        meeting=meeting,
        actor=request.user,
        revision=given.get("revision"),
        title=given.get("title") or meeting.title,
        description=given.get("description", meeting.description) or "",
        committee=committee,
        starts_at=given.get("starts_at", meeting.starts_at),
        duration_minutes=given.get("duration_minutes") or meeting.duration_minutes,
        location=given.get("location", meeting.location) or "",
        online_url=given.get("online_url", meeting.online_url) or "",
    )
    return _detail(_meeting(table, meeting_id))
