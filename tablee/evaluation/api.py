"""API operations of evaluation campaigns, mounted in tablee/api/api.py.

Reads for anyone with a role in the table; campaigns written by
coordinators. Results are aggregates only: no operation returns a response,
an answer or who gave it.
"""

from datetime import datetime
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status

from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.evaluation import selectors, services
from tablee.evaluation.models import Attribute, Instrument, InviteScope, Mode
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["evaluation"])


class CampaignOut(Schema):
    id: int
    title: str
    instrument: str
    mode: str
    state: str
    opens_at: datetime
    closes_at: datetime
    anonymity_threshold: int
    divergence_sd: float
    polarisation_percent: int
    attributes: list[str]
    invite_scope: str
    results_shared: bool
    sharing_decision_id: int | None


class CampaignCreateIn(Schema):
    title: str
    opens_at: datetime
    closes_at: datetime
    mode: Mode = Mode.INDIVIDUAL_COMPILED
    anonymity_threshold: int = 5
    divergence_sd: Decimal = Decimal("1.2")
    polarisation_percent: int = 25
    attributes: list[Attribute] = list(Attribute)


class SummaryOut(Schema):
    code: str
    label: str
    answered: int
    dont_know: int
    mean: float | None
    sd: float | None
    favourable: float | None
    neutral: float | None
    unfavourable: float | None
    band: str | None
    divergent: bool


class DimensionOut(SummaryOut):
    items: list[SummaryOut]


class WheelGroupAxisOut(Schema):
    n: int
    median: float | None
    q1: float | None
    q3: float | None


class WheelAxisOut(WheelGroupAxisOut):
    position: int
    name: str
    definition: str
    desired_median: float | None


class WheelGroupOut(Schema):
    label: str
    n: int
    axes: list[WheelGroupAxisOut]


class WheelGapOut(Schema):
    axis: str
    high_group: str
    high: float
    low_group: str
    low: float


class WheelOut(Schema):
    spread: str = "interquartile range (q1–q3, inclusive quartiles)"
    attribute: str
    axes: list[WheelAxisOut]
    groups: list[WheelGroupOut]
    groups_suppressed: bool
    gaps: list[WheelGapOut]


class ResultsOut(Schema):
    campaign_id: int
    respondents: int
    invited: int
    response_rate_percent: int | None
    anonymity_threshold: int
    visible: bool
    dimensions: list[DimensionOut]
    wheel: WheelOut | None = None


def _table(request: HttpRequest, table_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    return table


def _campaign_out(campaign) -> dict:
    return {
        "id": campaign.pk,
        "title": campaign.title,
        "instrument": campaign.instrument,
        "mode": campaign.mode,
        "state": selectors.campaign_state(campaign),
        "opens_at": campaign.opens_at,
        "closes_at": campaign.closes_at,
        "anonymity_threshold": campaign.anonymity_threshold,
        "divergence_sd": float(campaign.divergence_sd),
        "polarisation_percent": campaign.polarisation_percent,
        "attributes": campaign.attributes,
        "invite_scope": campaign.invite_scope,
        "results_shared": campaign.results_shared,
        "sharing_decision_id": campaign.sharing_decision_id,
    }


def _summary(s) -> dict:
    return {
        "code": s.code,
        "label": s.label,
        "answered": s.answered,
        "dont_know": s.dont_know,
        "mean": s.mean,
        "sd": s.sd,
        "favourable": s.favourable,
        "neutral": s.neutral,
        "unfavourable": s.unfavourable,
        "band": s.band,
        "divergent": s.divergent,
    }


@router.get(
    "/tables/{table_slug}/evaluations",
    response={200: list[CampaignOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Evaluation campaigns of a table",
    url_name="evaluation-campaigns",
)
def campaigns(request: HttpRequest, table_slug: str):
    """Return the campaigns, newest first (100 at most)."""
    table = _table(request, table_slug, "evaluation.view_campaign")
    return [_campaign_out(c) for c in selectors.campaign_list(table=table)[:100]]


@router.post(
    "/tables/{table_slug}/evaluations",
    response={201: CampaignOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Create an evaluation campaign (every seat invited)",
    url_name="evaluation-campaign-create",
)
def campaign_create(
    request: HttpRequest, table_slug: str, payload: Body[CampaignCreateIn | None] = None
):
    """Create a partnership diagnostic campaign inviting every seat (coordinators)."""
    table = _table(request, table_slug, "evaluation.manage_campaign")
    if payload is None:
        message = _("Send the campaign as a JSON object.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    campaign = services.campaign_create(
        table=table,
        actor=request.user,
        data=services.CampaignInput(
            title=payload.title,
            opens_at=payload.opens_at,
            closes_at=payload.closes_at,
            mode=payload.mode,
            anonymity_threshold=payload.anonymity_threshold,
            divergence_sd=payload.divergence_sd,
            polarisation_percent=payload.polarisation_percent,
            attributes=[str(a) for a in payload.attributes],
            invite_scope=InviteScope.ALL_SEATS,
        ),
    )
    return Status(201, _campaign_out(campaign))


@router.get(
    "/tables/{table_slug}/evaluations/{campaign_id}/results",
    response={200: ResultsOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Aggregated results of a campaign (never individual answers)",
    url_name="evaluation-results",
)
def results(request: HttpRequest, table_slug: str, campaign_id: int):
    """Return means, spreads and shares per dimension and item.

    Empty (`visible` false) below the anonymity threshold; the response
    rate is always given.
    """
    table = _table(request, table_slug, "evaluation.view_results")
    campaign = selectors.campaign_get(table=table, campaign_id=campaign_id)
    if campaign is None:
        raise Http404
    if campaign.instrument == Instrument.WHEEL:
        return _wheel_results(campaign)
    data = selectors.campaign_results(campaign=campaign)
    return {
        "campaign_id": campaign.pk,
        "respondents": data.respondents,
        "invited": data.rate.invited,
        "response_rate_percent": data.rate.percent,
        "anonymity_threshold": campaign.anonymity_threshold,
        "visible": data.visible,
        "dimensions": [
            {**_summary(d), "items": [_summary(i) for i in d.children]} for d in data.dimensions
        ],
    }


class ChangeOut(Schema):
    code: str
    label: str
    dimension: bool
    before: float | None
    after: float | None
    change: float | None
    reading: str
    band_changed: bool


class ComparisonOut(Schema):
    campaign_id: int
    previous_id: int | None
    notable_change: float
    visible: bool
    rows: list[ChangeOut]


@router.get(
    "/tables/{table_slug}/evaluations/{campaign_id}/comparison",
    response={200: ComparisonOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="A diagnostic beside an earlier one (aggregates only)",
    url_name="evaluation-comparison",
)
def comparison(
    request: HttpRequest, table_slug: str, campaign_id: int, previous: int | None = None
):
    """Means then and now per dimension and item; `previous` defaults to the latest earlier one.

    Empty (`visible` false) when either campaign is below its anonymity threshold.
    `reading` is up / down (a change of at least `notable_change`) or stable.
    """
    table = _table(request, table_slug, "evaluation.view_results")
    campaign = selectors.campaign_get(table=table, campaign_id=campaign_id)
    if campaign is None or campaign.instrument != Instrument.DIAGNOSTIC:
        raise Http404
    data = selectors.diagnostic_comparison(campaign=campaign, previous_id=previous)
    return {
        "campaign_id": campaign.pk,
        "previous_id": data.previous.pk if data.previous else None,
        "notable_change": selectors.NOTABLE_CHANGE,
        "visible": data.visible,
        "rows": [
            {
                "code": row.code,
                "label": str(row.label),
                "dimension": row.is_dimension,
                "before": row.before.mean if row.before else None,
                "after": row.after.mean if row.after else None,
                "change": row.delta,
                "reading": row.direction,
                "band_changed": row.band_changed,
            }
            for row in data.rows
        ],
    }


class SeriesCampaignOut(Schema):
    campaign_id: int
    title: str
    opens_at: datetime
    respondents: int
    visible: bool


class SeriesRowOut(Schema):
    code: str
    label: str
    means: list[float | None]


class SeriesOut(Schema):
    campaigns: list[SeriesCampaignOut]
    dimensions: list[SeriesRowOut]


@router.get(
    "/tables/{table_slug}/evaluations/{campaign_id}/series",
    response={200: SeriesOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Dimension means of a diagnostic and the earlier ones (aggregates only)",
    url_name="evaluation-series",
)
def series(request: HttpRequest, table_slug: str, campaign_id: int):
    """Oldest first, this diagnostic last (eight at most); a mean is null below its threshold."""
    table = _table(request, table_slug, "evaluation.view_results")
    campaign = selectors.campaign_get(table=table, campaign_id=campaign_id)
    if campaign is None or campaign.instrument != Instrument.DIAGNOSTIC:
        raise Http404
    data = selectors.diagnostic_series(campaign=campaign)
    return {
        "campaigns": [
            {
                "campaign_id": c.pk,
                "title": c.title,
                "opens_at": c.opens_at,
                "respondents": n,
                "visible": shown,
            }
            for c, n, shown in zip(data.campaigns, data.respondents, data.visible, strict=True)
        ],
        "dimensions": [
            {
                "code": row.code,
                "label": str(row.label),
                "means": [cell.mean if cell else None for cell in row.cells],
            }
            for row in data.rows
        ],
    }


def _axis_summary(s) -> dict:
    return {"n": s.n, "median": s.median, "q1": s.q1, "q3": s.q3}


def _wheel_results(campaign) -> dict:
    """Wheel aggregates only: medians and quartiles per axis and group, gaps."""
    data = selectors.wheel_results(campaign=campaign)
    names = {a.key: a.name for a in data.axes}
    wheel = None
    if data.visible:
        wheel = {
            "attribute": data.attribute,
            "axes": [
                {
                    "position": a.position,
                    "name": a.name,
                    "definition": a.definition,
                    "desired_median": data.overall[a.key].desired_median,
                    **_axis_summary(data.overall[a.key]),
                }
                for a in data.axes
            ],
            "groups": [
                {
                    "label": g.label,
                    "n": g.n,
                    "axes": [_axis_summary(g.axes[a.key]) for a in data.axes],
                }
                for g in data.groups
            ],
            "groups_suppressed": data.groups_suppressed,
            "gaps": [
                {
                    "axis": names[gap.axis],
                    "high_group": gap.high_group,
                    "high": gap.high,
                    "low_group": gap.low_group,
                    "low": gap.low,
                }
                for gap in data.gaps
            ],
        }
    return {
        "campaign_id": campaign.pk,
        "respondents": data.respondents,
        "invited": data.rate.invited,
        "response_rate_percent": data.rate.percent,
        "anonymity_threshold": campaign.anonymity_threshold,
        "visible": data.visible,
        "dimensions": [],
        "wheel": wheel,
    }
