"""API operations of collective processes and their stages, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages: a table where the
caller holds no role answers 404.
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.processes import selectors, services
from tablee.processes.models import Stage
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["processes"])

ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class ProcessOut(Schema):
    id: int
    slug: str
    title: str
    purpose: str
    starts_on: date | None
    ends_on: date | None
    archived_at: datetime | None
    revision: int


class StageOut(Schema):
    kind: str
    position: int
    status: str
    starts_on: date | None
    ends_on: date | None
    question: str
    notes: str
    revision: int
    decision_ids: list[int]
    meeting_ids: list[int]
    poll_ids: list[int]

    @staticmethod
    def resolve_decision_ids(obj: Stage) -> list[int]:
        return [item.pk for item in obj.decisions.all()]

    @staticmethod
    def resolve_meeting_ids(obj: Stage) -> list[int]:
        return [item.pk for item in obj.meetings.all()]

    @staticmethod
    def resolve_poll_ids(obj: Stage) -> list[int]:
        return [item.pk for item in obj.polls.all()]


class ProcessDetailOut(ProcessOut):
    stages: list[StageOut]

    @staticmethod
    def resolve_stages(obj) -> list:
        return obj.stages_list


class ProcessCreateIn(Schema):
    title: str
    slug: str = ""
    purpose: str = ""
    starts_on: date | None = None
    ends_on: date | None = None


class ProcessUpdateIn(Schema):
    """Fields left out keep their value; send the `revision` you read."""

    revision: int
    title: str | None = None
    purpose: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None


class StageUpdateIn(Schema):
    """Fields left out keep their value; send the `revision` you read."""

    revision: int
    status: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    question: str | None = None
    notes: str | None = None


def _table_or_404(request: HttpRequest, table_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    return table


def _process_or_404(request: HttpRequest, table_slug: str, process_slug: str, perm: str):
    table = _table_or_404(request, table_slug, "processes.view_process")
    process = selectors.process_get(table=table, slug=process_slug)
    if process is None:
        raise Http404
    process.table = table
    require(request.user, perm, process)
    return process


def _detail(process):
    process.stages_list = list(selectors.stage_for_api(process=process))
    return process


def _require_body(payload) -> None:
    if payload is None:
        message = _("Send the process as a JSON object.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})


@router.get(
    "/tables/{table_slug}/processes",
    response=list[ProcessOut],
    summary="A table's collective processes",
    url_name="processes-process-list",
)
@paginate(TableeLimitOffset)
def process_list(request: HttpRequest, table_slug: str, archived: bool = False):
    """Return the current processes (or the archived ones with `archived=true`)."""
    table = _table_or_404(request, table_slug, "processes.view_process")
    return selectors.process_list(table=table, archived=archived)


@router.get(
    "/tables/{table_slug}/processes/{process_slug}",
    response={200: ProcessDetailOut, **ERRORS},
    summary="One process with its eight stages",
    url_name="processes-process-detail",
)
def process_detail(request: HttpRequest, table_slug: str, process_slug: str):
    process = _process_or_404(request, table_slug, process_slug, "processes.view_process")
    return _detail(process)


@router.post(
    "/tables/{table_slug}/processes",
    response={201: ProcessDetailOut, **ERRORS},
    summary="Start a process (its eight stages are created)",
    url_name="processes-process-create",
)
def process_create(
    request: HttpRequest, table_slug: str, payload: Body[ProcessCreateIn | None] = None
):
    """Create a process (coordinators). `slug` is made from the title when empty."""
    table = _table_or_404(request, table_slug, "processes.create_process")
    _require_body(payload)
    process = services.process_create(
        table=table,
        actor=request.user,
        data=services.ProcessInput(
            title=payload.title,
            slug=payload.slug,
            purpose=payload.purpose,
            starts_on=payload.starts_on,
            ends_on=payload.ends_on,
        ),
    )
    process.table = table
    return Status(201, _detail(process))


@router.patch(
    "/tables/{table_slug}/processes/{process_slug}",
    response={200: ProcessDetailOut, **ERRORS},
    summary="Change a process",
    url_name="processes-process-update",
)
def process_update(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    payload: Body[ProcessUpdateIn | None] = None,
):
    """Change title, purpose or dates (coordinators). A stale `revision` answers 409."""
    process = _process_or_404(request, table_slug, process_slug, "processes.change_process")
    _require_body(payload)
    given = payload.dict(exclude_unset=True)
    process = services.process_update(
        process=process,
        actor=request.user,
        data=services.ProcessInput(
            title=given.get("title", process.title),
            purpose=given.get("purpose", process.purpose),
            starts_on=given.get("starts_on", process.starts_on),
            ends_on=given.get("ends_on", process.ends_on),
        ),
        revision=payload.revision,
    )
    return _detail(process)


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/stages",
    response={200: list[StageOut], **ERRORS},
    summary="The eight stages of a process, in order",
    url_name="processes-stage-list",
)
def stage_list(request: HttpRequest, table_slug: str, process_slug: str):
    process = _process_or_404(request, table_slug, process_slug, "processes.view_process")
    return list(selectors.stage_for_api(process=process))


def _stage_or_404(process, kind: str) -> Stage:
    stage = selectors.stage_for_api(process=process).filter(kind=kind).first()
    if stage is None:
        raise Http404
    stage.process = process
    return stage


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/stages/{kind}",
    response={200: StageOut, **ERRORS},
    summary="One stage",
    url_name="processes-stage-detail",
)
def stage_detail(request: HttpRequest, table_slug: str, process_slug: str, kind: str):
    process = _process_or_404(request, table_slug, process_slug, "processes.view_process")
    return _stage_or_404(process, kind)


@router.patch(
    "/tables/{table_slug}/processes/{process_slug}/stages/{kind}",
    response={200: StageOut, **ERRORS},
    summary="Change a stage's dates, status, question or notes",
    url_name="processes-stage-update",
)
def stage_update(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    kind: str,
    payload: Body[StageUpdateIn | None] = None,
):
    """Change a stage (coordinators). An end before the start, or a stale `revision`, is 409."""
    process = _process_or_404(request, table_slug, process_slug, "processes.change_process")
    stage = _stage_or_404(process, kind)
    _require_body(payload)
    given = payload.dict(exclude_unset=True)
    services.stage_update(
        stage=stage,
        actor=request.user,
        data=services.StageInput(
            status=given.get("status", stage.status),
            starts_on=given.get("starts_on", stage.starts_on),
            ends_on=given.get("ends_on", stage.ends_on),
            question=given.get("question", stage.question),
            notes=given.get("notes", stage.notes),
        ),
        revision=payload.revision,
    )
    return _stage_or_404(process, kind)
