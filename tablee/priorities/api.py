"""API operations of vision and priorities, mounted in tablee/api/api.py.

Read only, for anyone with a role in the table. Rounds carry aggregated
results only (after closing), never a person's ratings.
"""

from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tablee.api.schemas import ErrorOut
from tablee.core.permissions import require
from tablee.priorities import selectors, stats
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["priorities"])


class VisionVersionOut(Schema):
    number: int
    status: str
    statement: str
    proposed_at: datetime | None
    adopted_at: datetime | None
    decision_id: int | None
    decision_number: int | None


class VisionOut(Schema):
    process: str
    in_force: VisionVersionOut | None
    being_written: VisionVersionOut | None
    versions: list[VisionVersionOut]


class CellOut(Schema):
    criterion: str
    raters: int
    mean: float | None
    sd: float | None
    min: int | None
    max: int | None
    disagreement: bool


class CandidateResultOut(Schema):
    rank: int | None
    title: str
    overall_mean: float | None
    disagreement: bool
    criteria: list[CellOut]


class DotRowOut(Schema):
    rank: int
    label: str
    dots: int
    percent: int


class RoundOut(Schema):
    id: int
    title: str
    method: str
    state: str
    opens_at: datetime
    closes_at: datetime
    criteria: list[str]
    candidates: list[str]
    poll_id: int | None
    adopted_on: date | None
    decision_id: int | None
    raters: int | None
    disagreement_threshold: float
    results: list[CandidateResultOut] | None
    dot_results: list[DotRowOut] | None


def _process_or_404(request: HttpRequest, table_slug: str, process_slug: str, perm: str):
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, perm, table)
    process = selectors.process_get(table=table, process_slug=process_slug)
    if process is None:
        raise Http404
    return process


def _version(version) -> dict | None:
    if version is None:
        return None
    return {
        "number": version.number,
        "status": version.status,
        "statement": version.statement,
        "proposed_at": version.proposed_at,
        "adopted_at": version.adopted_at,
        "decision_id": version.decision_id,
        "decision_number": version.decision.number if version.decision_id else None,
    }


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/vision",
    response={200: VisionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="The common vision of a process, with its versions",
    url_name="priorities-vision",
)
def vision(request: HttpRequest, table_slug: str, process_slug: str):
    """Return the version in force, the version being written and every version."""
    process = _process_or_404(request, table_slug, process_slug, "priorities.view_vision")
    versions = selectors.vision_versions_with_text(process=process)
    adopted = next((v for v in versions if v.status == "adopted"), None)
    writing = next((v for v in versions if v.status != "adopted"), None)
    return {
        "process": process.slug,
        "in_force": _version(adopted),
        "being_written": _version(writing),
        "versions": [_version(v) for v in versions],
    }


def _round(round, results) -> dict:
    data = {
        "id": round.pk,
        "title": round.title,
        "method": round.method,
        "state": selectors.round_state(round),
        "opens_at": round.opens_at,
        "closes_at": round.closes_at,
        "criteria": [c.label for c in round.criteria.all()],
        "candidates": [c.title for c in round.candidates.all()],
        "poll_id": round.poll_id,
        "adopted_on": round.adopted_at.date() if round.adopted_at else None,
        "decision_id": round.decision_id,
        "raters": None,
        "disagreement_threshold": stats.DISAGREEMENT_SD,
        "results": None,
        "dot_results": None,
    }
    if results is None:
        return data
    if results.poll is not None:
        data["dot_results"] = [
            {"rank": r["rank"], "label": r["label"], "dots": r["count"], "percent": r["percent"]}
            for r in results.poll.get("rows", [])
        ]
        return data
    data["raters"] = results.raters
    data["results"] = [
        {
            "rank": item.rank,
            "title": item.title,
            "overall_mean": item.overall,
            "disagreement": bool(item.disagreements),
            "criteria": [
                {
                    "criterion": cell.label,
                    "raters": cell.raters,
                    "mean": cell.mean,
                    "sd": cell.sd,
                    "min": cell.low,
                    "max": cell.high,
                    "disagreement": cell.disagreement,
                }
                for cell in item.cells
            ],
        }
        for item in results.candidates
    ]
    return data


@router.get(
    "/tables/{table_slug}/processes/{process_slug}/priorities",
    response={200: list[RoundOut], 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Prioritisation rounds of a process, with aggregated results",
    url_name="priorities-rounds",
)
def rounds(request: HttpRequest, table_slug: str, process_slug: str):
    """Return the rounds, newest first (100 at most).

    Results (per candidate and criterion: mean, standard deviation, lowest,
    highest, number of raters; ranked by overall mean) appear once a round
    is closed; `results` is null before.
    """
    process = _process_or_404(request, table_slug, process_slug, "priorities.view_round")
    items = selectors.rounds_for_api(process=process)
    results = selectors.rounds_results(rounds=items)
    return [_round(r, results.get(r.pk)) for r in items]
