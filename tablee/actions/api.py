"""API operations of follow-up actions, mounted in tablee/api/api.py.

Same selectors, permissions and services as the pages: members read,
coordinators create, the accountable person or a coordinator changes the status.
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from tablee.actions import selectors, services
from tablee.actions.models import ActionStatus
from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["actions"])


class ActionOut(Schema):
    id: int
    title: str
    description: str
    status: str
    due_date: date | None
    overdue: bool
    accountable_person_id: int | None
    accountable_person_name: str | None
    accountable_organization_id: int | None
    accountable_organization_name: str | None
    meeting_id: int | None
    agenda_item_id: int | None
    decision_id: int | None
    done_at: datetime | None
    revision: int

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue

    @staticmethod
    def resolve_accountable_person_name(obj) -> str | None:
        return obj.accountable_person.display_name if obj.accountable_person_id else None

    @staticmethod
    def resolve_accountable_organization_name(obj) -> str | None:
        return str(obj.accountable_organization) if obj.accountable_organization_id else None


class ActionFilters(Schema):
    status: str = ""
    person: int | None = None
    organization: int | None = None
    overdue: bool = False


class ActionCreateIn(Schema):
    title: str
    description: str = ""
    accountable_person_id: int | None = None
    accountable_organization_id: int | None = None
    due_date: date | None = None
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    decision_id: int | None = None


class ActionStatusIn(Schema):
    status: str
    revision: int | None = None


def _table_or_404(request: HttpRequest, table_slug: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "actions.view_actions", table)
    return table


def _invalid(field: str, message: str):
    return InvalidInput(message, extra={"fields": {field: [message]}})


@router.get(
    "/tables/{table_slug}/actions",
    response=list[ActionOut],
    summary="Follow-up actions of a table",
    url_name="action-list",
)
@paginate(TableeLimitOffset)
def action_list(request: HttpRequest, table_slug: str, filters: Query[ActionFilters]):
    """Return the table's actions, soonest due first; filter by status ("open" for
    unfinished), person, organization or overdue."""
    table = _table_or_404(request, table_slug)
    return selectors.action_list(
        table=table,
        status=filters.status if filters.status in ("open", *ActionStatus.values) else "",
        person_id=filters.person,
        organization_id=filters.organization,
        overdue=filters.overdue,
    )


@router.post(
    "/tables/{table_slug}/actions",
    response={201: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Record a follow-up action (coordinators)",
    url_name="action-list",
)
def action_create(request: HttpRequest, table_slug: str, payload: ActionCreateIn):
    from django.utils.translation import gettext as _

    table = _table_or_404(request, table_slug)
    require(request.user, "actions.manage_actions", table)
    person = organization = meeting = item = decision = None
    if payload.accountable_person_id is not None:
        person = selectors.action_person_get(table=table, user_id=payload.accountable_person_id)
        if person is None:
            raise _invalid("accountable_person_id", _("This person does not sit at the table."))
    if payload.accountable_organization_id is not None:
        organization = selectors.action_organization_get(
            table=table, organization_id=payload.accountable_organization_id
        )
        if organization is None:
            raise _invalid(
                "accountable_organization_id", _("This organization has no seat at the table.")
            )
    if payload.meeting_id is not None:
        meeting = selectors.origin_meeting_get(table=table, meeting_id=payload.meeting_id)
        if meeting is None:
            raise _invalid("meeting_id", _("This meeting does not exist in this table."))
    if payload.agenda_item_id is not None:
        item = selectors.origin_item_get(table=table, item_id=payload.agenda_item_id)
        if item is None:
            raise _invalid("agenda_item_id", _("This agenda item does not exist in this table."))
    if payload.decision_id is not None:
        decision = selectors.origin_decision_get(table=table, decision_id=payload.decision_id)
        if decision is None:
            raise _invalid("decision_id", _("This decision does not exist in this table."))
    action = services.action_create(
        table=table,
        actor=request.user,
        title=payload.title,
        description=payload.description,
        accountable_person=person,
        accountable_organization=organization,
        due_date=payload.due_date,
        meeting=meeting,
        agenda_item=item,
        decision=decision,
    )
    return Status(201, selectors.action_get(table=table, action_id=action.pk))


@router.get(
    "/tables/{table_slug}/actions/{action_id}",
    response={200: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="One follow-up action",
    url_name="action-detail",
)
def action_detail(request: HttpRequest, table_slug: str, action_id: int):
    table = _table_or_404(request, table_slug)
    action = selectors.action_get(table=table, action_id=action_id)
    if action is None:
        raise Http404
    return action


@router.patch(
    "/tables/{table_slug}/actions/{action_id}",
    response={200: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Change the status of an action (accountable person or coordinators)",
    url_name="action-detail",
)
def action_set_status(
    request: HttpRequest, table_slug: str, action_id: int, payload: ActionStatusIn
):
    """Set `status` (open, in_progress, done, cancelled); send `revision` to
    refuse the change if someone else changed the action since you read it."""
    table = _table_or_404(request, table_slug)
    action = selectors.action_get(table=table, action_id=action_id)
    if action is None:
        raise Http404
    require(request.user, "actions.update_action_status", action)
    services.action_set_status(
        action=action, actor=request.user, status=payload.status, base_revision=payload.revision
    )
    return selectors.action_get(table=table, action_id=action_id)
