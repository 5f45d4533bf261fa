"""The « bilan annuel »: a table's year gathered from what it already records.

Composition and its changes, meetings held and attendance, decisions taken,
action-plan progress per process, the evaluation of the year (aggregates
only, through the evaluation app's own selectors) and the coordinator's free
text. Strings are translated in the requested language; `annual_rendering`
turns the result into PDF or DOCX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tablee.core.errors import DomainError
from tablee.reports.building import format_date

FIRST_YEAR = 2000


@dataclass
class AnnualReport:
    language: str
    title: str
    table_name: str
    year: int
    generated: str
    labels: dict[str, str]
    composition: list[list[str]] = field(default_factory=list)
    meetings: list[list[str]] = field(default_factory=list)
    decision_count: int = 0
    decisions: list[list[str]] = field(default_factory=list)
    plans: list[list[str]] = field(default_factory=list)
    evaluation_title: str = ""
    evaluation_facts: list[list[str]] = field(default_factory=list)
    evaluation: list[list[str]] = field(default_factory=list)
    evaluation_note: str = ""
    introduction: str = ""
    perspectives: str = ""


def check_year(year, *, today: date | None = None) -> int:
    """The year as an int, or a DomainError with a translated message."""
    today = today or timezone.localdate()
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise DomainError(_("Write the year with four digits, for example 2025.")) from None
    if value < FIRST_YEAR or value > today.year:
        raise DomainError(
            _("Choose a year between %(first)s and %(last)s.")
            % {"first": FIRST_YEAR, "last": today.year}
        )
    return value


def year_choices(*, today: date | None = None) -> list[int]:
    today = today or timezone.localdate()
    return list(range(today.year, FIRST_YEAR - 1, -1))


def _labels() -> dict[str, str]:
    return {
        "introduction": _("Introduction"),
        "composition": _("Composition of the table"),
        "meetings": _("Meetings and attendance"),
        "decisions": _("Decisions taken"),
        "plans": _("Action plan progress"),
        "evaluation": _("Evaluation of the partnership"),
        "perspectives": _("Outlook"),
        "contents": _("Contents"),
        "page": _("Page"),
        "no_decision": _("No decision was recorded this year."),
        "no_plan": _("No action plan covers this year."),
        "no_evaluation": _("No evaluation this year."),
        "no_text": _("The coordination has not written this section."),
        "generated": _("Generated on %(date)s"),
    }


def _percent(part: int, whole: int) -> str:
    if not whole:
        return _("no data")
    return f"{round(100 * part / whole)} %"


def _composition(table, start: date, end: date) -> list[list[str]]:
    from tablee.members.models import SeatHolding

    counts = SeatHolding.objects.filter(table=table).aggregate(
        held=Count(
            "seat",
            distinct=True,
            filter=Q(started_on__lte=end) & (Q(ended_on__isnull=True) | Q(ended_on__gte=end)),
        ),
        arrivals=Count("pk", filter=Q(started_on__gte=start, started_on__lte=end)),
        departures=Count("pk", filter=Q(ended_on__gte=start, ended_on__lte=end)),
    )
    return [
        [_("Seats held on December 31"), str(counts["held"])],
        [_("Arrivals of representatives during the year"), str(counts["arrivals"])],
        [_("Departures of representatives during the year"), str(counts["departures"])],
    ]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end, time.max), zone),
    )


def _meetings(table, start: date, end: date) -> list[list[str]]:
    from tablee.meetings.models import Attendance, Meeting, MeetingStatus

    first, last = _bounds(start, end)
    held = Meeting.objects.filter(
        table=table, status=MeetingStatus.HELD, starts_at__gte=first, starts_at__lte=last
    )
    count = held.count()
    marks = Attendance.objects.filter(table=table, meeting__in=held).aggregate(
        recorded=Count("pk", filter=Q(present__isnull=False)),
        present=Count("pk", filter=Q(present=True)),
    )
    return [
        [_("Meetings held"), str(count)],
        [_("Attendance marks recorded"), str(marks["recorded"])],
        [_("Attendance rate"), _percent(marks["present"], marks["recorded"])],
    ]


def _decisions(table, start: date, end: date) -> list[list[str]]:
    from tablee.decisions.models import Decision

    rows = Decision.objects.filter(
        table=table, decided_on__gte=start, decided_on__lte=end
    ).order_by("decided_on", "number")
    result = []
    for decision in rows.only("number", "decided_on", "wording"):
        wording = " ".join(decision.wording.split())
        if len(wording) > 240:
            wording = wording[:239] + "…"
        result.append([str(decision.number), format_date(decision.decided_on), wording])
    return result


def _plans(table, start: date, end: date) -> list[list[str]]:
    from tablee.plans.models import ActionStatus, PlanAction

    statuses = list(ActionStatus)
    aggregates = {
        f"s_{s.value}": Count("pk", distinct=True, filter=Q(status=s.value)) for s in statuses
    }
    rows = (
        PlanAction.objects.filter(process__table=table, process__archived_at__isnull=True)
        .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=end))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        .values("process__title")
        .annotate(
            total=Count("pk", distinct=True),
            indicators=Count("indicators", distinct=True),
            **aggregates,
        )
        .order_by("process__title")
    )
    header = [_("Process"), _("Actions"), *[str(s.label) for s in statuses], _("Indicators")]
    body = [
        [
            row["process__title"],
            str(row["total"]),
            *[str(row[f"s_{s.value}"]) for s in statuses],
            str(row["indicators"]),
        ]
        for row in rows
    ]
    return [header, *body] if body else []


def _evaluation(report: AnnualReport, table, start: date, end: date) -> None:
    from tablee.evaluation import selectors as evaluation
    from tablee.evaluation.models import Campaign, Instrument

    first, last = _bounds(start, end)
    campaign = (
        Campaign.objects.filter(
            table=table,
            instrument=Instrument.DIAGNOSTIC,
            closes_at__gte=first,
            closes_at__lte=min(last, timezone.now()),
        )
        .order_by("-closes_at", "-pk")
        .first()
    )
    if campaign is None:
        report.evaluation_note = report.labels["no_evaluation"]
        return
    results = evaluation.campaign_results(campaign=campaign)
    report.evaluation_title = campaign.title
    rate = results.rate.percent
    report.evaluation_facts = [
        [_("Closed on"), format_date(timezone.localdate(campaign.closes_at))],
        [_("Respondents"), str(results.respondents)],
        [_("Response rate"), f"{rate} %" if rate is not None else _("no data")],
    ]
    if not results.visible:
        report.evaluation_note = _(
            "Too few respondents to show results (fewer than %(n)s): answers stay anonymous."
        ) % {"n": campaign.anonymity_threshold}
        return
    report.evaluation = [[_("Dimension"), _("Mean (1 to 5)"), _("Reading"), _("Perceptions")]]
    for dimension in results.dimensions:
        mean = f"{dimension.mean:.1f}" if dimension.mean is not None else _("no data")
        report.evaluation.append(
            [
                str(dimension.label),
                mean,
                dimension.band_label,
                _("Divergent") if dimension.divergent else _("Shared"),
            ]
        )


def build_annual(
    *, table, year: int, language: str, introduction: str = "", perspectives: str = ""
) -> AnnualReport:
    """Gather `table`'s `year`; a constant number of queries."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    with translation.override(language):
        labels = _labels()
        report = AnnualReport(
            language=language,
            title=_("Annual report %(year)s") % {"year": year},
            table_name=table.name,
            year=year,
            generated=labels["generated"] % {"date": format_date(timezone.localdate())},
            labels=labels,
            introduction=introduction.strip(),
            perspectives=perspectives.strip(),
        )
        report.composition = _composition(table, start, end)
        report.meetings = _meetings(table, start, end)
        decisions = _decisions(table, start, end)
        report.decision_count = len(decisions)
        if decisions:
            report.decisions = [[_("No."), _("Date"), _("Decision")], *decisions]
        report.plans = _plans(table, start, end)
        _evaluation(report, table, start, end)
    return report


def annual_filename(*, table, year: int, fmt: str) -> str:
    return f"{table.slug}-bilan-{year}.{fmt}"
