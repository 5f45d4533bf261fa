"""API operations of action plans, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages: members read,
coordinators write objectives and actions, and the accountable person of an
action (or a coordinator) records its progress. A table where the caller
holds no role answers 404.
"""

from datetime import date

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Query, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.plans import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["plans"])

BASE = "/tables/{table_slug}/processes/{process_slug}"


class AxisOut(Schema):
    id: int
    title: str
    description: str
    position: int


class ObjectiveOut(Schema):
    id: int
    title: str
    description: str
    position: int
    revision: int
    axes: list[AxisOut]

    @staticmethod
    def resolve_axes(obj) -> list:
        return list(obj.axes.all())


class ObjectiveCreateIn(Schema):
    title: str
    description: str = ""


class PartnerOut(Schema):
    organization_id: int
    organization_name: str
    role: str
    role_detail: str

    @staticmethod
    def resolve_organization_name(obj) -> str:
        return str(obj.organization)


class PartnerIn(Schema):
    organization_id: int
    role: str = "contributes"
    role_detail: str = ""


class PlanActionOut(Schema):
    id: int
    title: str
    description: str
    objective_id: int
    axis_id: int | None
    accountable_organization_id: int | None
    accountable_organization_name: str | None
    accountable_person_id: int | None
    accountable_person_name: str | None
    starts_on: date | None
    ends_on: date | None
    status: str
    health: str
    origin: str
    position: int
    revision: int
    partners: list[PartnerOut]

    @staticmethod
    def resolve_accountable_person_name(obj) -> str | None:
        return obj.accountable_person.display_name if obj.accountable_person_id else None

    @staticmethod
    def resolve_accountable_organization_name(obj) -> str | None:
        return str(obj.accountable_organization) if obj.accountable_organization_id else None

    @staticmethod
    def resolve_partners(obj) -> list:
        return list(obj.partners.all())


class PlanActionIn(Schema):
    title: str
    objective_id: int
    description: str = ""
    axis_id: int | None = None
    accountable_organization_id: int | None = None
    accountable_person_id: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    status: str = "planned"
    origin: str = "co_constructed"
    partners: list[PartnerIn] = []


class PlanActionPatchIn(Schema):
    """Only the fields sent change; `revision` is the one you read."""

    revision: int
    title: str | None = None
    objective_id: int | None = None
    description: str | None = None
    axis_id: int | None = None
    accountable_organization_id: int | None = None
    accountable_person_id: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    status: str | None = None
    origin: str | None = None
    partners: list[PartnerIn] | None = None


class ActionFilters(Schema):
    health: str = ""
    status: str = ""
    organization: int | None = None


class ProgressOut(Schema):
    id: int
    reported_on: date
    status: str
    note: str
    author_id: int
    author_name: str
    has_evidence: bool
    via_link: bool

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.display_name

    @staticmethod
    def resolve_has_evidence(obj) -> bool:
        return bool(obj.evidence)


class ProgressIn(Schema):
    reported_on: date
    status: str
    note: str = ""


def _process_or_404(request: HttpRequest, table_slug: str, process_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    process = selectors.process_get(table=table, process_slug=process_slug)
    if process is None:
        raise Http404
    return process


def _action_or_404(process, action_id: int):
    action = selectors.action_get(process=process, action_id=action_id)
    if action is None:
        raise Http404
    return action


def _invalid(field: str, message: str) -> InvalidInput:
    return InvalidInput(message, extra={"fields": {field: [message]}})


def _resolve_input(process, values: dict) -> services.ActionInput:
    """Turn ids into rows of this table and process; an unknown id is invalid input."""
    table = process.table
    objective = selectors.objective_get(process=process, objective_id=values["objective_id"])
    if objective is None:
        raise _invalid("objective_id", _("This objective is not part of this plan."))
    axis = None
    if values.get("axis_id") is not None:
        axis = selectors.axis_get(process=process, axis_id=values["axis_id"])
        if axis is None:
            raise _invalid("axis_id", _("This strategy is not part of this plan."))
    organization = person = None
    if values.get("accountable_organization_id") is not None:
        organization = selectors.plan_organization_get(
            table=table, organization_id=values["accountable_organization_id"]
        )
        if organization is None:
            raise _invalid(
                "accountable_organization_id",
                _("The accountable organization must hold a seat at the table."),
            )
    if values.get("accountable_person_id") is not None:
        person = selectors.plan_person_get(table=table, user_id=values["accountable_person_id"])
        if person is None:
            raise _invalid(
                "accountable_person_id", _("The accountable person must sit at this table.")
            )
    partners = []
    for row in values.get("partners") or []:
        found = selectors.plan_organization_get(
            table=table, organization_id=row["organization_id"]
        )
        if found is None:
            raise _invalid(
                "partners", _("Each partner must be an organization holding a seat at the table.")
            )
        partners.append(
            services.PartnerInput(
                organization=found, role=row["role"], role_detail=row["role_detail"]
            )
        )
    return services.ActionInput(
        title=values["title"],
        description=values.get("description") or "",
        objective=objective,
        axis=axis,
        accountable_organization=organization,
        accountable_person=person,
        starts_on=values.get("starts_on"),
        ends_on=values.get("ends_on"),
        status=values["status"],
        origin=values["origin"],
        partners=partners,
    )


# ---------------------------------------------------------------- objectives


@router.get(
    f"{BASE}/objectives",
    response={200: list[ObjectiveOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Objectives of a process's plan, with their strategies",
    url_name="plan-objective-list",
)
def objective_list(request: HttpRequest, table_slug: str, process_slug: str):
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    return list(selectors.objective_list_with_axes(process=process))


@router.post(
    f"{BASE}/objectives",
    response={201: ObjectiveOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Add an objective (coordinators)",
    url_name="plan-objective-list",
)
def objective_create(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    payload: Body[ObjectiveCreateIn | None] = None,
):
    process = _process_or_404(request, table_slug, process_slug, "plans.manage_plan")
    if payload is None:
        raise _invalid("body", _("Send the objective as a JSON object."))
    objective = services.objective_create(
        process=process, actor=request.user, title=payload.title, description=payload.description
    )
    return Status(
        201,
        selectors.objective_list_with_axes(process=process).get(pk=objective.pk),
    )


# ---------------------------------------------------------------- actions


@router.get(
    f"{BASE}/actions",
    response=list[PlanActionOut],
    summary="Actions of a process's plan",
    url_name="plan-action-list",
)
@paginate(TableeLimitOffset)
def action_list(
    request: HttpRequest, table_slug: str, process_slug: str, filters: Query[ActionFilters]
):
    """Return the actions in plan order. Filter by `health` (on_track, late,
    blocked, done, abandoned), `status`, or `organization` (accountable or partner)."""
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    return selectors.action_list(
        process=process,
        health=filters.health,
        status=filters.status,
        organization_id=filters.organization,
    )


@router.post(
    f"{BASE}/actions",
    response={201: PlanActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Add an action to the plan (coordinators)",
    url_name="plan-action-list",
)
def action_create(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    payload: Body[PlanActionIn | None] = None,
):
    process = _process_or_404(request, table_slug, process_slug, "plans.manage_plan")
    if payload is None:
        raise _invalid("body", _("Send the action as a JSON object."))
    action = services.plan_action_create(
        process=process, actor=request.user, data=_resolve_input(process, payload.dict())
    )
    return Status(201, selectors.action_get(process=process, action_id=action.pk))


@router.get(
    f"{BASE}/actions/{{action_id}}",
    response={200: PlanActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="One action of the plan",
    url_name="plan-action-detail",
)
def action_detail(request: HttpRequest, table_slug: str, process_slug: str, action_id: int):
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    return _action_or_404(process, action_id)


@router.patch(
    f"{BASE}/actions/{{action_id}}",
    response={200: PlanActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Change an action of the plan (coordinators)",
    url_name="plan-action-detail",
)
def action_update(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    action_id: int,
    payload: Body[PlanActionPatchIn | None] = None,
):
    """Send `revision` as read: a stale one is refused (409 conflict)."""
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    if payload is None:
        raise _invalid("body", _("Send the changes as a JSON object."))
    values = {
        "title": action.title,
        "description": action.description,
        "objective_id": action.objective_id,
        "axis_id": action.axis_id,
        "accountable_organization_id": action.accountable_organization_id,
        "accountable_person_id": action.accountable_person_id,
        "starts_on": action.starts_on,
        "ends_on": action.ends_on,
        "status": action.status,
        "origin": action.origin,
        "partners": [
            {
                "organization_id": p.organization_id,
                "role": p.role,
                "role_detail": p.role_detail,
            }
            for p in action.partners.all()
        ],
    }
    sent = payload.dict(exclude_unset=True)
    revision = sent.pop("revision")
    values.update(sent)
    # Partners already on the action keep their place even if their seat closed.
    kept = {p.organization_id: p.organization for p in action.partners.all()}
    data = _resolve_input_keeping(process, values, kept, action)
    services.plan_action_update(
        action=action, actor=request.user, data=data, base_revision=revision
    )
    return selectors.action_get(process=process, action_id=action_id)


def _resolve_input_keeping(process, values, kept, action) -> services.ActionInput:
    """Like `_resolve_input`, but current partners and accountable stay valid."""
    partners = values.get("partners") or []
    new_rows = [row for row in partners if row["organization_id"] not in kept]
    data = _resolve_input(
        process,
        {
            **values,
            "partners": new_rows,
            "accountable_organization_id": (
                None
                if values.get("accountable_organization_id") == action.accountable_organization_id
                else values.get("accountable_organization_id")
            ),
            "accountable_person_id": (
                None
                if values.get("accountable_person_id") == action.accountable_person_id
                else values.get("accountable_person_id")
            ),
        },
    )
    if values.get("accountable_organization_id") == action.accountable_organization_id:
        data.accountable_organization = action.accountable_organization
    if values.get("accountable_person_id") == action.accountable_person_id:
        data.accountable_person = action.accountable_person
    by_org = {p.organization.pk: p for p in data.partners}
    data.partners = []
    for row in partners:
        if row["organization_id"] in kept:
            data.partners.append(
                services.PartnerInput(
                    organization=kept[row["organization_id"]],
                    role=row["role"],
                    role_detail=row["role_detail"],
                )
            )
        else:
            data.partners.append(by_org[row["organization_id"]])
    return data


@router.delete(
    f"{BASE}/actions/{{action_id}}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Delete an action of the plan (coordinators)",
    url_name="plan-action-detail",
)
def action_delete(request: HttpRequest, table_slug: str, process_slug: str, action_id: int):
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    action = _action_or_404(process, action_id)
    require(request.user, "plans.manage_plan", action)
    services.plan_action_delete(action=action, actor=request.user)
    return Status(204, None)


# ---------------------------------------------------------------- progress


@router.get(
    f"{BASE}/actions/{{action_id}}/progress",
    response={200: list[ProgressOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Progress updates of an action, newest first",
    url_name="plan-progress-list",
)
def progress_list(request: HttpRequest, table_slug: str, process_slug: str, action_id: int):
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    action = _action_or_404(process, action_id)
    return list(action.progress_updates.all())


@router.post(
    f"{BASE}/actions/{{action_id}}/progress",
    response={201: ProgressOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Report progress (the accountable person or coordinators)",
    url_name="plan-progress-list",
)
def progress_create(
    request: HttpRequest,
    table_slug: str,
    process_slug: str,
    action_id: int,
    payload: Body[ProgressIn | None] = None,
):
    """Record a dated update; the action takes its status. Evidence files are
    attached from the web page."""
    process = _process_or_404(request, table_slug, process_slug, "plans.view_plan")
    action = _action_or_404(process, action_id)
    require(request.user, "plans.record_progress", action)
    if payload is None:
        raise _invalid("body", _("Send the update as a JSON object."))
    update = services.progress_record(
        action=action,
        actor=request.user,
        reported_on=payload.reported_on,
        status=payload.status,
        note=payload.note,
    )
    return Status(201, update)
