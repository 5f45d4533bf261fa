"""API operations of this app, mounted in tablee/api/api.py.

The same selectors, permissions and services as the pages; a table where
the caller holds no role answers 404.
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import can, is_platform_admin, require, role_in
from tablee.members import selectors, services
from tablee.members.models import CommitteeKind
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["members"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


def _table(request: HttpRequest, slug: str):
    table = table_get_by_slug(slug=slug)
    if table is None or (
        role_in(request.user, table) is None and not is_platform_admin(request.user)
    ):
        raise Http404
    return table


class HolderOut(Schema):
    person_id: int
    name: str
    position: str
    since: date


class SeatOut(Schema):
    id: int
    name: str
    organization_id: int | None
    organization: str | None
    label: str
    sector: str | None
    actor_type: str
    expected_roles: list[str]
    powers: list[str]
    contributions: list[str]
    contribution_note: str
    mandate_start: date | None
    mandate_end: date | None
    closed_at: datetime | None
    updated_at: datetime
    holders: list[HolderOut]


class HoldingHistoryOut(HolderOut):
    until: date | None


class SeatDetailOut(SeatOut):
    history: list[HoldingHistoryOut]


class SeatCreateIn(Schema):
    organization_id: int | None = None
    label: str = ""
    sector: str | None = Field(None, description="Sector code; empty uses the organization's")
    actor_type: str
    expected_roles: list[str] = []
    powers: list[str] = []
    contributions: list[str] = []
    contribution_note: str = ""
    mandate_start: date | None = None
    mandate_end: date | None = None
    representative_email: str = ""
    representative_name: str = ""
    alternate_email: str = ""
    alternate_name: str = ""


class SeatUpdateIn(Schema):
    organization_id: int | None = None
    label: str | None = None
    sector: str | None = None
    actor_type: str | None = None
    expected_roles: list[str] | None = None
    powers: list[str] | None = None
    contributions: list[str] | None = None
    contribution_note: str | None = None
    mandate_start: date | None = None
    mandate_end: date | None = None
    version: str | None = Field(
        None, description="The updated_at you read; a change since then answers 409"
    )


class CommitteeOut(Schema):
    id: int
    name: str
    kind: str
    mandate: str
    end_date: date | None
    member_count: int


class CommitteeCreateIn(Schema):
    name: str
    kind: str = CommitteeKind.COMMITTEE
    mandate: str = ""
    end_date: date | None = None


class DirectorySeatOut(Schema):
    seat_id: int
    name: str
    organization: str
    sector: str
    actor_type: str
    position: str


class DirectoryCommitteeOut(Schema):
    id: int
    name: str
    role: str


class DirectoryOut(Schema):
    person_id: int
    name: str
    job_title: str
    is_coordinator: bool
    seats: list[DirectorySeatOut]
    committees: list[DirectoryCommitteeOut]
    email: str | None
    phone: str | None


def _seat_out(seat) -> dict:
    sector = selectors.seat_sector(seat)
    data = {
        "id": seat.pk,
        "name": str(seat),
        "organization_id": seat.organization_id,
        "organization": seat.organization.name if seat.organization_id else None,
        "label": seat.label,
        "sector": sector.code if sector else None,
        "actor_type": seat.actor_type,
        "expected_roles": seat.expected_roles,
        "powers": seat.powers,
        "contributions": seat.contributions,
        "contribution_note": seat.contribution_note,
        "mandate_start": seat.mandate_start,
        "mandate_end": seat.mandate_end,
        "closed_at": seat.closed_at,
        "updated_at": seat.updated_at,
        "holders": [
            {
                "person_id": h.person_id,
                "name": h.person.display_name,
                "position": h.position,
                "since": h.started_on,
            }
            for h in seat.current_holdings
        ],
    }
    if hasattr(seat, "all_holdings"):
        data["history"] = [
            {
                "person_id": h.person_id,
                "name": h.person.display_name,
                "position": h.position,
                "since": h.started_on,
                "until": h.ended_on,
            }
            for h in seat.all_holdings
        ]
    return data


def _seat_page(seats) -> list[dict]:
    return [_seat_out(seat) for seat in seats]


def _resolve_refs(payload: dict) -> dict:
    values = {}
    if "organization_id" in payload:
        org_id = payload.pop("organization_id")
        values["organization"] = None
        if org_id is not None:
            values["organization"] = selectors.organization_get(organization_id=org_id)
            if values["organization"] is None:
                message = _("This organization is not in the registry.")
                raise InvalidInput(message, extra={"fields": {"organization_id": [message]}})
    if "sector" in payload:
        code = payload.pop("sector")
        values["sector"] = None
        if code:
            values["sector"] = selectors.sector_get_by_code(code=code)
            if values["sector"] is None:
                message = _("Unknown sector code.")
                raise InvalidInput(message, extra={"fields": {"sector": [message]}})
    return {**payload, **values}


@router.get(
    "/tables/{table_slug}/seats",
    response={200: list[SeatOut], **ERRORS},
    summary="Seats of a table",
    url_name="members-seat-list",
)
@paginate(TableeLimitOffset, page_items=_seat_page)
def seat_list(request: HttpRequest, table_slug: str, status: str = "open"):
    table = _table(request, table_slug)
    require(request.user, "members.view_seats", table)
    return selectors.seat_list(
        table=table, status=status if status in ("open", "closed", "all") else "open"
    )


@router.post(
    "/tables/{table_slug}/seats",
    response={201: SeatDetailOut, **ERRORS},
    summary="Open a seat (coordinators)",
    url_name="members-seat-list",
)
def seat_create(request: HttpRequest, table_slug: str, payload: SeatCreateIn):
    table = _table(request, table_slug)
    require(request.user, "members.manage_seats", table)
    values = _resolve_refs(payload.dict())
    seat = services.seat_create(table=table, actor=request.user, **values)
    return Status(201, _seat_out(selectors.seat_get(table=table, seat_id=seat.pk)))


@router.get(
    "/tables/{table_slug}/seats/{seat_id}",
    response={200: SeatDetailOut, **ERRORS},
    summary="One seat and its history of holders",
    url_name="members-seat-detail",
)
def seat_detail(request: HttpRequest, table_slug: str, seat_id: int):
    table = _table(request, table_slug)
    seat = selectors.seat_get(table=table, seat_id=seat_id)
    if seat is None:
        raise Http404
    require(request.user, "members.view_seats", seat)
    return _seat_out(seat)


@router.patch(
    "/tables/{table_slug}/seats/{seat_id}",
    response={200: SeatDetailOut, **ERRORS},
    summary="Change a seat (coordinators)",
    url_name="members-seat-detail",
)
def seat_update(request: HttpRequest, table_slug: str, seat_id: int, payload: SeatUpdateIn):
    table = _table(request, table_slug)
    seat = selectors.seat_get(table=table, seat_id=seat_id)
    if seat is None:
        raise Http404
    require(request.user, "members.manage_seats", seat)
    given = payload.dict(exclude_unset=True)
    version = given.pop("version", None)
    values = {
        "organization": seat.organization,
        "label": seat.label,
        "sector": seat.sector,
        "actor_type": seat.actor_type,
        "expected_roles": seat.expected_roles,
        "powers": seat.powers,
        "contributions": seat.contributions,
        "contribution_note": seat.contribution_note,
        "mandate_start": seat.mandate_start,
        "mandate_end": seat.mandate_end,
    }
    values.update(_resolve_refs(given))
    services.seat_update(
        seat=seat,
        actor=request.user,
        read_at_version=parse_datetime(version) if version else None,
        **values,
    )
    return _seat_out(selectors.seat_get(table=table, seat_id=seat.pk))


@router.get(
    "/tables/{table_slug}/committees",
    response={200: list[CommitteeOut], **ERRORS},
    summary="Open committees and working groups",
    url_name="members-committee-list",
)
@paginate(TableeLimitOffset)
def committee_list(request: HttpRequest, table_slug: str):
    table = _table(request, table_slug)
    require(request.user, "members.view_committees", table)
    return selectors.committee_list(table=table)


@router.post(
    "/tables/{table_slug}/committees",
    response={201: CommitteeOut, **ERRORS},
    summary="Create a committee or working group (coordinators)",
    url_name="members-committee-list",
)
def committee_create(request: HttpRequest, table_slug: str, payload: CommitteeCreateIn):
    table = _table(request, table_slug)
    require(request.user, "members.manage_committees", table)
    committee = services.committee_create(table=table, actor=request.user, **payload.dict())
    committee.member_count = 0
    return Status(201, committee)


@router.get(
    "/tables/{table_slug}/directory",
    response={200: list[DirectoryOut], **ERRORS},
    summary="Who's who",
    url_name="members-directory",
)
@paginate(TableeLimitOffset)
def directory(
    request: HttpRequest,
    table_slug: str,
    q: str = "",
    sector: str = "",
    actor_type: str = "",
    committee: int | None = None,
):
    """People holding a seat, and coordinators.

    E-mail and phone are null unless you may see contact details (members,
    coordinators) and the person agreed to show them.
    """
    table = _table(request, table_slug)
    require(request.user, "members.view_directory", table)
    people = selectors.directory_list(
        table=table, search=q, sector=sector, actor_type=actor_type, committee_id=committee
    )
    show = can(request.user, "members.view_contact_details", table)
    return _DirectoryPage(people, table=table, show_contacts=show)


class _DirectoryPage:
    """A sliceable view of the directory that enriches only the page served."""

    def __init__(self, people, *, table, show_contacts: bool) -> None:
        self.people, self.table, self.show = people, table, show_contacts

    def count(self) -> int:
        return self.people.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        rows = selectors.directory_rows(
            list(self.people[item]), table=self.table, show_contacts=self.show
        )
        return [
            {
                "person_id": row.person.pk,
                "name": row.name,
                "job_title": row.job_title,
                "is_coordinator": row.is_coordinator,
                "seats": row.seats,
                "committees": row.committees,
                "email": row.email,
                "phone": row.phone,
            }
            for row in rows
        ]
