"""API operations of mobilisation health, mounted in tablee/api/api.py.

Everyone with a role in the table reads the aggregates; coordinators also
get the early warnings and the figures by seat. Members get figures by
seat only when the table allows it. A missing rate is `null`, never 0.
"""

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tablee.core.permissions import can, require
from tablee.engagement import selectors
from tablee.tables.selectors import table_get_by_slug

router = Router(tags=["engagement"])


class RateRowOut(Schema):
    label: str
    rates: list[float | None]
    overall: float | None


class MeetingOut(Schema):
    id: int
    title: str
    starts_at: str
    present: int
    recorded: int
    rate: float | None
    quorum_required: int
    quorum_met: bool | None


class TurnoverOut(Schema):
    year: int
    arrivals: int
    departures: int


class PollYearOut(Schema):
    year: int
    polls: int
    votes: int


class WarningOut(Schema):
    kind: str
    subject: str
    sentence: str


class HealthOut(Schema):
    period: str
    periods: list[str]
    attendance_rate: list[float | None]
    by_sector: list[RateRowOut]
    by_actor_type: list[RateRowOut]
    by_seat: list[RateRowOut] | None
    meetings_held: int
    quorum_missed: int
    latest_meetings: list[MeetingOut]
    turnover: list[TurnoverOut]
    vacant_seats: int
    vacant_for_long: int
    polls: list[PollYearOut]
    names_visible: bool
    warnings: list[WarningOut] | None


def _rows(rows) -> list[dict]:
    return [{"label": r.label, "rates": r.cells, "overall": r.overall} for r in rows]


@router.get(
    "/tables/{table_slug}/health",
    response=HealthOut,
    summary="Mobilisation health of a table",
    url_name="engagement-health",
)
def health(request: HttpRequest, table_slug: str, period: str = "year"):
    """Return attendance by period (overall, by sector, by type of actor and,
    when names are visible, by seat), quorum, turnover, vacant seats and poll
    participation. Coordinators also get `warnings` (members get `null`)."""
    table = table_get_by_slug(slug=table_slug)
    if table is None:
        raise Http404
    require(request.user, "engagement.view_health", table)
    coordinator = can(request.user, "engagement.view_warnings", table)
    report = selectors.health_report(
        table=table,
        period=period,
        warnings_visible=coordinator,
        viewer_is_coordinator=coordinator,
    )
    warnings = None
    if coordinator:
        alerts = report.alerts + selectors.stage_alerts_for(
            processes=selectors.current_processes(table=table)
        )
        warnings = [{"kind": a.kind, "subject": a.subject, "sentence": a.sentence} for a in alerts]
    return {
        "period": report.period,
        "periods": report.periods,
        "attendance_rate": report.overall,
        "by_sector": _rows(report.by_sector),
        "by_actor_type": _rows(report.by_actor_type),
        "by_seat": _rows(report.by_seat) if report.names_visible else None,
        "meetings_held": report.meetings_held,
        "quorum_missed": report.quorum_missed,
        "latest_meetings": [
            {
                "id": m.meeting_id,
                "title": m.title,
                "starts_at": m.starts_at.isoformat(),
                "present": m.present,
                "recorded": m.recorded,
                "rate": m.rate,
                "quorum_required": m.quorum_required,
                "quorum_met": m.quorum_met,
            }
            for m in report.meetings
        ],
        "turnover": [
            {"year": t.year, "arrivals": t.arrivals, "departures": t.departures}
            for t in report.turnover
        ],
        "vacant_seats": report.vacant_count,
        "vacant_for_long": report.vacant_for_long_count,
        "polls": [{"year": p.year, "polls": p.polls, "votes": p.votes} for p in report.polls],
        "names_visible": report.names_visible,
        "warnings": warnings,
    }
