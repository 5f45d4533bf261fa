"""API operations of this app, mounted in tablee/api/api.py.

The registry answers every token holder; writes use the same permissions and
services as the pages. A table's relations answer only its people (404 for
everyone else, like the pages).
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Query, Router, Schema, Status
from ninja.pagination import paginate

from tablee.api.pagination import TableeLimitOffset
from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.organizations import selectors, services
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["organizations"])


class SectorOut(Schema):
    id: int
    code: str
    name_fr: str
    name_en: str


class OrganizationOut(Schema):
    id: int
    name: str
    acronym: str
    sector: SectorOut | None
    kind: str
    territory: str
    website: str
    contact_email: str
    contact_phone: str
    updated_at: datetime


class OrganizationFilters(Schema):
    q: str = ""
    sector: int | None = None
    kind: str = ""


class OrganizationCreateIn(Schema):
    name: str
    kind: str
    acronym: str = ""
    sector: int | None = None
    territory: str = ""
    website: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    confirm_similar: bool = False


class OrganizationUpdateIn(Schema):
    """Only the fields sent are changed. `updated_at` (as read) guards against overwrites."""

    name: str | None = None
    kind: str | None = None
    acronym: str | None = None
    sector: int | None = None
    territory: str | None = None
    website: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    updated_at: datetime | None = None


class RelationOrganizationOut(Schema):
    id: int
    name: str
    acronym: str


class RelationOut(Schema):
    id: int
    first: RelationOrganizationOut
    second: RelationOrganizationOut
    level: str
    started_on: date
    agreement_title: str
    agreement_start: date | None
    agreement_end: date | None
    has_agreement_document: bool
    note: str

    @staticmethod
    def resolve_has_agreement_document(obj) -> bool:
        return bool(obj.agreement_document)


def _missing_body():
    message = _("Send the organization as a JSON object.")
    raise InvalidInput(message, extra={"fields": {"body": [message]}})


def _sector(sector_id: int | None):
    if sector_id is None:
        return None
    sector = selectors.sector_get(sector_id=sector_id)
    if sector is None:
        message = _("This sector does not exist.")
        raise InvalidInput(message, extra={"fields": {"sector": [message]}})
    return sector


@router.get(
    "/organizations",
    response=list[OrganizationOut],
    summary="The registry of organizations",
    url_name="organization-list",
)
@paginate(TableeLimitOffset)
def organization_list(request: HttpRequest, filters: Query[OrganizationFilters]):
    """Search the registry by name or acronym (case and accents ignored)."""
    require(request.user, "organizations.view_registry")
    return selectors.organization_list(
        search=filters.q, sector_id=filters.sector, kind=filters.kind
    )


@router.get(
    "/organizations/{organization_id}",
    response={200: OrganizationOut, 401: ErrorOut, 404: ErrorOut},
    summary="One organization",
    url_name="organization-detail",
)
def organization_detail(request: HttpRequest, organization_id: int):
    require(request.user, "organizations.view_registry")
    organization = selectors.organization_get(organization_id=organization_id)
    if organization is None:
        raise Http404
    return organization


@router.post(
    "/organizations",
    response={201: OrganizationOut, 401: ErrorOut, 403: ErrorOut, 409: ErrorOut},
    summary="Register an organization",
    url_name="organization-create",
)
def organization_create(request: HttpRequest, payload: Body[OrganizationCreateIn | None] = None):
    """Register an organization (coordinators of a table, platform administrators).

    The same name (case, accents and punctuation ignored) answers 409 with
    `extra.existing_id`; a similar name or shared acronym answers 409
    `possible_duplicate` with `extra.similar`, unless `confirm_similar` is true.
    """
    require(request.user, "organizations.add_organization")
    if payload is None:
        _missing_body()
    organization = services.organization_create(
        actor=request.user,
        name=payload.name,
        kind=payload.kind,
        acronym=payload.acronym,
        sector=_sector(payload.sector),
        territory=payload.territory,
        website=payload.website,
        contact_email=payload.contact_email,
        contact_phone=payload.contact_phone,
        confirm_similar=payload.confirm_similar,
    )
    return Status(201, selectors.organization_get(organization_id=organization.pk))


@router.patch(
    "/organizations/{organization_id}",
    response={200: OrganizationOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Correct an organization",
    url_name="organization-update",
)
def organization_update(
    request: HttpRequest,
    organization_id: int,
    payload: Body[OrganizationUpdateIn | None] = None,
):
    """Change the fields sent; send `updated_at` as read to refuse overwriting a change."""
    organization = selectors.organization_get(organization_id=organization_id)
    if organization is None:
        raise Http404
    require(request.user, "organizations.change_organization", organization)
    if payload is None:
        _missing_body()
    sent = payload.model_dump(exclude_unset=True)
    values = {
        field: sent.get(field, getattr(organization, field))
        for field in (
            "name",
            "kind",
            "acronym",
            "territory",
            "website",
            "contact_email",
            "contact_phone",
        )
    }
    if any(value is None for value in values.values()):
        message = _("Only the sector can be emptied (null); send text for the other fields.")
        raise InvalidInput(message)
    sector = _sector(sent["sector"]) if "sector" in sent else organization.sector
    services.organization_update(
        organization=organization,
        actor=request.user,
        sector=sector,
        read_at_version=sent.get("updated_at"),
        **values,
    )
    return selectors.organization_get(organization_id=organization.pk)


@router.get(
    "/tables/{table_slug}/relations",
    response=list[RelationOut],
    summary="Current relations between organizations at a table",
    url_name="relation-list",
)
@paginate(TableeLimitOffset)
def relation_list(request: HttpRequest, table_slug: str, level: str = ""):
    """Return the table's current relations; a table where you hold no role answers 404."""
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "organizations.view_relations", table)
    return selectors.relation_list_current(table=table, level=level)
