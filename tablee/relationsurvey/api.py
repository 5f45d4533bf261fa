"""API operations of the relations survey, mounted in tablee/api/api.py.

Reads for anyone with a role in the table; waves created by coordinators.
Results are aggregates only: no operation returns one organization's
answers, and trust and value are means received from at least the wave's
anonymity threshold of organizations.
"""

from datetime import datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status

from tablee.api.schemas import ErrorOut
from tablee.core.errors import InvalidInput
from tablee.core.permissions import require
from tablee.relationsurvey import selectors, services
from tablee.relationsurvey.models import DEFAULT_THRESHOLD, DEFAULT_TIE_LEVEL, TieRule
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["relation surveys"])


class WaveOut(Schema):
    id: int
    title: str
    state: str
    opens_at: datetime
    closes_at: datetime
    tie_level: int
    tie_rule: str
    ask_trust_value: bool
    anonymity_threshold: int
    organizations: int
    answered: int


class WaveCreateIn(Schema):
    title: str
    opens_at: datetime
    closes_at: datetime
    tie_level: int = DEFAULT_TIE_LEVEL
    tie_rule: TieRule = TieRule.EITHER
    ask_trust_value: bool = False
    anonymity_threshold: int = DEFAULT_THRESHOLD


class OrganizationRef(Schema):
    id: int
    name: str


class RankedOut(Schema):
    organization: OrganizationRef
    value: float


class SectorMixOut(Schema):
    sector: str
    name: str
    external: int
    internal: int
    ei_index: float | None


class LevelOut(Schema):
    level: int
    label: str
    pairs: int
    counts_as_tie: bool


class TieOut(Schema):
    first: OrganizationRef
    second: OrganizationRef
    level: int


class ReceivedOut(Schema):
    organization: OrganizationRef
    raters: int
    mean: float


class RatingSummaryOut(Schema):
    network_mean: float | None
    raters: int
    received: list[ReceivedOut]
    hidden: int


class ResultsOut(Schema):
    wave_id: int
    rule: str
    level: int
    rule_sentence: str
    organizations: int
    answered: int
    response_rate_percent: int | None
    ties: int
    density: float | None
    mean_degree: float | None
    reports: int
    reciprocated: int
    reciprocity: float | None
    degree_centralization: float | None
    components: int
    isolates: list[OrganizationRef]
    pendants: list[OrganizationRef]
    articulation_points: list[OrganizationRef]
    most_connected: list[RankedOut]
    brokers: list[RankedOut]
    ei_index: float | None
    ei_by_sector: list[SectorMixOut]
    pairs_by_level: list[LevelOut]
    tie_list: list[TieOut]
    trust: RatingSummaryOut | None
    value: RatingSummaryOut | None


def _table(request: HttpRequest, table_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    return table


def _wave_out(wave, organizations: int, answered: int) -> dict:
    return {
        "id": wave.pk,
        "title": wave.title,
        "state": wave.state,
        "opens_at": wave.opens_at,
        "closes_at": wave.closes_at,
        "tie_level": wave.tie_level,
        "tie_rule": wave.tie_rule,
        "ask_trust_value": wave.ask_trust_value,
        "anonymity_threshold": wave.anonymity_threshold,
        "organizations": organizations,
        "answered": answered,
    }


def _ref(org) -> dict:
    return {"id": org.pk, "name": org.name}


@router.get(
    "/tables/{table_slug}/relation-surveys/",
    response={200: list[WaveOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Relations survey waves of a table",
    url_name="relationsurvey-waves",
)
def waves(request: HttpRequest, table_slug: str):
    """Return the waves, newest first (100 at most), with their response counts."""
    table = _table(request, table_slug, "relationsurvey.view_wave")
    return [
        _wave_out(w, w.participant_count, w.answered_count)
        for w in selectors.wave_list(table=table)[:100]
    ]


@router.post(
    "/tables/{table_slug}/relation-surveys/",
    response={201: WaveOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Create a relations survey wave (coordinators)",
    url_name="relationsurvey-wave-create",
)
def wave_create(request: HttpRequest, table_slug: str, payload: Body[WaveCreateIn | None] = None):
    """Create a wave for the organizations seated at the table today."""
    table = _table(request, table_slug, "relationsurvey.manage_wave")
    if payload is None:
        message = _("Send the wave as a JSON object.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    wave = services.wave_create(
        table=table,
        actor=request.user,
        data=services.WaveInput(
            title=payload.title,
            opens_at=payload.opens_at,
            closes_at=payload.closes_at,
            tie_level=payload.tie_level,
            tie_rule=str(payload.tie_rule),
            ask_trust_value=payload.ask_trust_value,
            anonymity_threshold=payload.anonymity_threshold,
        ),
    )
    organizations = len(selectors.participant_list(wave=wave))
    return Status(201, _wave_out(wave, organizations, 0))


def _ratings(results: selectors.WaveResults, name: str) -> dict | None:
    if not results.wave.ask_trust_value:
        return None
    m = results.m
    return {
        "network_mean": getattr(m, f"{name}_mean"),
        "raters": getattr(m, f"{name}_raters"),
        "received": [
            {"organization": _ref(org), "raters": raters, "mean": mean}
            for org, raters, mean in getattr(results, name)
        ],
        "hidden": getattr(results, f"{name}_hidden"),
    }


@router.get(
    "/tables/{table_slug}/relation-surveys/{wave_id}/results",
    response={200: ResultsOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Network measures of a wave (aggregates only)",
    url_name="relationsurvey-results",
)
def results(
    request: HttpRequest,
    table_slug: str,
    wave_id: int,
    rule: str | None = None,
    level: int | None = None,
):
    """Measure the wave under its tie rule and level, or `rule` (either|both) and `level` (1–5).

    Trust and value (when the wave asks for them) are means received, given
    only for organizations rated by at least the anonymity threshold.
    """
    table = _table(request, table_slug, "relationsurvey.view_results")
    wave = selectors.wave_get(table=table, wave_id=wave_id)
    if wave is None:
        raise Http404
    data = selectors.wave_results(wave=wave, rule=rule, level=level)
    m = data.m
    return {
        "wave_id": wave.pk,
        "rule": data.rule,
        "level": data.level,
        "rule_sentence": data.sentence,
        "organizations": m.n,
        "answered": m.answered,
        "response_rate_percent": round(100 * m.response_rate)
        if m.response_rate is not None
        else None,
        "ties": m.tie_count,
        "density": m.density,
        "mean_degree": m.mean_degree,
        "reports": m.reports,
        "reciprocated": m.reciprocated,
        "reciprocity": m.reciprocity,
        "degree_centralization": m.centralization,
        "components": m.components,
        "isolates": [_ref(o) for o in data.isolates],
        "pendants": [_ref(o) for o in data.pendants],
        "articulation_points": [_ref(o) for o in data.articulation_points],
        "most_connected": [{"organization": _ref(o), "value": d} for o, d in data.most_connected],
        "brokers": [{"organization": _ref(o), "value": v} for o, v in data.brokers],
        "ei_index": m.ei_index,
        "ei_by_sector": [
            {
                "sector": sector.code,
                "name": sector.name,
                "external": external,
                "internal": internal,
                "ei_index": index,
            }
            for sector, external, internal, index in data.ei_by_sector
        ],
        "pairs_by_level": [
            {
                "level": row.level,
                "label": row.label,
                "pairs": row.pairs,
                "counts_as_tie": row.counts_as_tie,
            }
            for row in data.levels
        ],
        "tie_list": [
            {"first": _ref(first), "second": _ref(second), "level": lvl}
            for first, second, lvl, _label in data.ties
        ],
        "trust": _ratings(data, "trust"),
        "value": _ratings(data, "value"),
    }
