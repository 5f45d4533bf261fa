"""API operations of the decision register, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages: a table where the
caller holds no role answers 404.
"""

from datetime import date

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.decisions import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["decisions"])


class DecisionOut(Schema):
    id: int
    number: int
    wording: str
    decided_on: date
    modality: str
    outcome: str
    status: str
    meeting_id: int | None
    agenda_item_id: int | None
    poll_id: int | None
    amends_id: int | None
    supersedes_id: int | None

    @staticmethod
    def resolve_status(obj) -> str:
        return selectors.decision_status(obj)


class ReservationOut(Schema):
    name: str
    text: str


class DecisionDetailOut(DecisionOut):
    threshold_percent: int | None
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None
    objections: int | None
    agreement_counts: list[int]
    dissent: str
    reservations: list[ReservationOut]
    accountable_organization_id: int | None
    accountable_person_id: int | None
    amended_by: list[int]
    superseded_by: list[int]

    @staticmethod
    def resolve_amended_by(obj) -> list[int]:
        return [other.pk for other in obj.amended_by.all()]

    @staticmethod
    def resolve_superseded_by(obj) -> list[int]:
        return [other.pk for other in obj.superseded_by.all()]


class ReservationIn(Schema):
    name: str
    text: str


class DecisionRecordIn(Schema):
    wording: str
    decided_on: date
    modality: str
    outcome: str = "adopted"
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    threshold_percent: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    objections: int | None = None
    agreement_counts: list[int] = []
    dissent: str = ""
    reservations: list[ReservationIn] = []
    accountable_organization_id: int | None = None
    accountable_person_id: int | None = None


def _table_or_404(request: HttpRequest, table_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    return table


@router.get(
    "/tables/{table_slug}/decisions",
    response=list[DecisionOut],
    summary="A table's decision register",
    url_name="decision-list",
)
@paginate(TableeLimitOffset)
def decision_list(
    request: HttpRequest,
    table_slug: str,
    q: str = "",
    in_force: bool = False,
    modality: str = "",
    year: int | None = None,
    meeting_id: int | None = None,
):
    """Return the register, newest number first; `q` searches the wording (accents ignored).

    `status` is derived from the links: in_force, amended (in force as
    amended), superseded, or not_adopted.
    """
    table = _table_or_404(request, table_slug, "decisions.view_register")
    return selectors.decision_list(
        table=table,
        search=q[:100],
        in_force=in_force,
        modality=modality,
        year=year,
        meeting_id=meeting_id,
    )


@router.get(
    "/tables/{table_slug}/decisions/{decision_id}",
    response={200: DecisionDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="One decision",
    url_name="decision-detail",
)
def decision_detail(request: HttpRequest, table_slug: str, decision_id: int):
    table = _table_or_404(request, table_slug, "decisions.view_register")
    decision = selectors.decision_get(table=table, decision_id=decision_id)
    if decision is None:
        raise Http404
    return decision


def _resolve(table, payload: DecisionRecordIn) -> services.DecisionInput:
    def lookup(field: str, value, getter, **kwargs):
        if value is None:
            return None
        found = getter(table=table, **kwargs)
        if found is None:
            message = _("Nothing with this id belongs to the table.")
            raise InvalidInput(message, extra={"fields": {field: [message]}})
        return found

    return services.DecisionInput(
        wording=payload.wording,
        decided_on=payload.decided_on,
        modality=payload.modality,
        outcome=payload.outcome,
        meeting=lookup(
            "meeting_id",
            payload.meeting_id,
            selectors.meeting_get,
            meeting_id=payload.meeting_id,
        ),
        agenda_item=lookup(
            "agenda_item_id",
            payload.agenda_item_id,
            selectors.agenda_item_get,
            item_id=payload.agenda_item_id,
        ),
        threshold_percent=payload.threshold_percent,
        votes_for=payload.votes_for,
        votes_against=payload.votes_against,
        abstentions=payload.abstentions,
        objections=payload.objections,
        agreement_counts=list(payload.agreement_counts),
        dissent=payload.dissent,
        reservations=[item.dict() for item in payload.reservations],
        accountable_organization=lookup(
            "accountable_organization_id",
            payload.accountable_organization_id,
            selectors.organization_get,
            organization_id=payload.accountable_organization_id,
        ),
        accountable_person=lookup(
            "accountable_person_id",
            payload.accountable_person_id,
            selectors.person_get,
            user_id=payload.accountable_person_id,
        ),
    )


@router.post(
    "/tables/{table_slug}/decisions",
    response={201: DecisionDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Record a decision",
    url_name="decision-create",
)
def decision_create(
    request: HttpRequest, table_slug: str, payload: Body[DecisionRecordIn | None] = None
):
    """Record a decision (coordinators). Counts are checked against the modality.

    A majority vote or an agreement scale whose counts do not reach the rule
    cannot be recorded as adopted (409 invalid_input).
    """
    table = _table_or_404(request, table_slug, "decisions.record_decision")
    if payload is None:
        message = _("Send the decision as a JSON object.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    decision = services.decision_record(
        table=table, actor=request.user, data=_resolve(table, payload)
    )
    return Status(201, selectors.decision_get(table=table, decision_id=decision.pk))
