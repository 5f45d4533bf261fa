"""API operations of plan indicators, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages: a table where the
caller holds no role answers 404, and so does an indicator of another table.
"""

from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.results import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["results"])

_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


class IndicatorOut(Schema):
    id: int
    action_id: int
    objective_id: int
    name: str
    kind: str
    unit: str
    baseline_value: float | None
    baseline_on: date | None
    target_value: float | None
    target_on: date | None
    source: str
    latest_value: float | None = None
    latest_on: date | None = None
    revision: int

    @staticmethod
    def resolve_objective_id(obj) -> int:
        return obj.action.objective_id


class IndicatorCreateIn(Schema):
    action_id: int
    name: str
    kind: str
    unit: str = ""
    baseline_value: Decimal | None = None
    baseline_on: date | None = None
    target_value: Decimal | None = None
    target_on: date | None = None
    source: str = ""


class ValueOut(Schema):
    id: int
    measured_on: date
    value: float
    source: str
    note: str


class ValueRecordIn(Schema):
    measured_on: date
    value: Decimal
    source: str = ""
    note: str = ""


def _process_or_404(request: HttpRequest, table_slug: str, process_slug: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "results.view_indicators", table)
    process = selectors.process_get(table=table, process_slug=process_slug)
    if process is None:
        raise Http404
    return process


def _indicator_or_404(process, indicator_id: int):
    indicator = selectors.indicator_get(process=process, indicator_id=indicator_id)
    if indicator is None:
        raise Http404
    return indicator


def _missing_body(message: str):
    raise InvalidInput(message, extra={"fields": {"body": [message]}})


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/indicators",
    response=list[IndicatorOut],
    summary="The indicators of a process's action plan",
    url_name="plan-indicator-list",
)
@paginate(TableeLimitOffset)
def indicator_list(request: HttpRequest, table_slug: str, process_slug: str, kind: str = ""):
    """Return the indicators in plan order (objective, action), each with its latest value.

    `kind` filters on the question: how_much, how_well or better_off.
    """
    process = _process_or_404(request, table_slug, process_slug)
    return selectors.indicator_list(process=process, kind=kind)


@router.post(
    "/tables/{table_slug}/processes/{process_slug}/indicators",
    response={201: IndicatorOut, **_ERRORS},
    summary="Add an indicator to a plan action",
    url_name="plan-indicator-create",
)
def indicator_create(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    payload: Body[IndicatorCreateIn | None] = None,
):
    """Add an indicator (coordinators). A unit of "%" keeps values within 0–100."""
    process = _process_or_404(request, table_slug, process_slug)
    require(request.user, "results.manage_indicators", process)
    if payload is None:
        _missing_body(_("Send the indicator as a JSON object."))
    action = selectors.action_get(process=process, action_id=payload.action_id)
    if action is None:
        message = _("Nothing with this id belongs to the process.")
        raise InvalidInput(message, extra={"fields": {"action_id": [message]}})
    indicator = services.indicator_create(
        action=action,
        actor=request.user,
        data=services.IndicatorInput(
            name=payload.name,
            kind=payload.kind,
            unit=payload.unit,
            baseline_value=payload.baseline_value,
            baseline_on=payload.baseline_on,
            target_value=payload.target_value,
            target_on=payload.target_on,
            source=payload.source,
        ),
    )
    return Status(201, selectors.indicator_get(process=process, indicator_id=indicator.pk))


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/indicators/{indicator_id}",
    response={200: IndicatorOut, **_ERRORS},
    summary="One indicator",
    url_name="plan-indicator-detail",
)
def indicator_detail(request: HttpRequest, table_slug: str, process_slug: str, indicator_id: int):
    process = _process_or_404(request, table_slug, process_slug)
    return _indicator_or_404(process, indicator_id)


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/indicators/{indicator_id}/values",
    response={200: list[ValueOut], **_ERRORS},
    summary="The values measured for an indicator",
    url_name="plan-indicator-values",
)
def indicator_values(request: HttpRequest, table_slug: str, process_slug: str, indicator_id: int):
    """Return every measured value, oldest first."""
    process = _process_or_404(request, table_slug, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    return selectors.indicator_measures(indicator=indicator)


@router.post(
    "/tables/{table_slug}/processes/{process_slug}/indicators/{indicator_id}/values",
    response={201: ValueOut, **_ERRORS},
    summary="Record a measured value",
    url_name="plan-indicator-value-create",
)
def indicator_value_create(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    indicator_id: int,
    payload: Body[ValueRecordIn | None] = None,
):
    """Record a value (coordinators, or the person accountable for the action).

    One value per date; a percentage refuses values outside 0–100 (409).
    """
    process = _process_or_404(request, table_slug, process_slug)
    indicator = _indicator_or_404(process, indicator_id)
    require(request.user, "results.record_value", indicator)
    if payload is None:
        _missing_body(_("Send the value as a JSON object."))
    measure = services.indicator_record_value(
        indicator=indicator,
        actor=request.user,
        measured_on=payload.measured_on,
        value=payload.value,
        source=payload.source,
        note=payload.note,
    )
    return Status(201, measure)
