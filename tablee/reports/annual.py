"""The « bilan annuel »: a table's year gathered from what it already records.

Composition and its changes, meetings held and attendance, decisions taken,
action-plan progress with its indicators and the resources committed, the
evaluation of the year (aggregates only, see `annual_evaluation`) and the
coordination's free text. The result is a plain document: sections made of
parts (text, facts, grids, charts) whose every string is already translated
into the requested language; `annual_rendering` writes it as PDF or DOCX.

A constant number of queries whatever the size of the table: every list is
read in one query and counted in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models import Count, Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tablee.core.errors import DomainError
from tablee.reports.annual_charts import BAR, ChartSeries, ChartSpec
from tablee.reports.building import format_date

FIRST_YEAR = 2000
# Up to this many meetings in the year, the attendance chart has one bar per
# meeting; beyond, one bar per month (a bar per meeting would not be legible).
MEETING_BARS = 12

# Who the copy is for. Evaluation results stay private to the table unless
# it decided, by a recorded decision, to share them: the copy for partners
# and funders leaves out the results of campaigns not shared.
AUDIENCE_TABLE = "table"
AUDIENCE_OUTSIDE = "outside"
AUDIENCES = (AUDIENCE_TABLE, AUDIENCE_OUTSIDE)

SECTIONS = (
    "introduction",
    "composition",
    "meetings",
    "decisions",
    "plans",
    "evaluation",
    "perspectives",
)


# --- the document -----------------------------------------------------------


@dataclass
class Part:
    """One block of a section.

    kind: "heading" (text), "text" or "muted" (text), "facts" (rows of
    label and value), "grid" (rows, the first one the header; `widths` are
    relative column widths; `total_row` bolds the last row) or "chart"
    (`chart`, always followed by a grid holding its data).
    """

    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    widths: tuple[float, ...] = ()
    total_row: bool = False
    chart: ChartSpec | None = None


@dataclass
class Section:
    key: str
    title: str
    parts: list[Part] = field(default_factory=list)

    def heading(self, text: str) -> None:
        self.parts.append(Part("heading", text))

    def text(self, text: str) -> None:
        self.parts.append(Part("text", text))

    def muted(self, text: str) -> None:
        self.parts.append(Part("muted", text))

    def facts(self, rows: list[list[str]]) -> None:
        self.parts.append(Part("facts", rows=rows))

    def grid(self, rows: list[list[str]], widths=(), *, total_row: bool = False) -> None:
        self.parts.append(Part("grid", rows=rows, widths=tuple(widths), total_row=total_row))

    def chart(self, spec: ChartSpec, rows: list[list[str]], widths=()) -> None:
        """A chart, then its data table (the numbers, for every reader)."""
        self.parts.append(Part("chart", chart=spec))
        self.grid(rows, widths)

    def plain_text(self) -> str:
        """Every string of the section, one per line (tests and previews)."""
        lines = [self.title]
        for part in self.parts:
            if part.text:
                lines.append(part.text)
            if part.chart:
                lines += [part.chart.title, part.chart.summary]
            lines += [" | ".join(row) for row in part.rows]
        return "\n".join(lines)


@dataclass
class AnnualReport:
    language: str
    title: str
    table_name: str
    year: int
    generated: str
    audience: str
    audience_line: str
    labels: dict[str, str]
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def charts(self) -> list[ChartSpec]:
        return [p.chart for s in self.sections for p in s.parts if p.chart]


# --- input --------------------------------------------------------------------


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


# --- formatting ---------------------------------------------------------------


def _labels() -> dict[str, str]:
    return {
        "introduction": _("Introduction"),
        "composition": _("Composition of the table"),
        "meetings": _("Meetings and attendance"),
        "decisions": _("Decisions taken"),
        "plans": _("Action plan, indicators and resources"),
        "evaluation": _("Evaluation of the partnership"),
        "perspectives": _("Outlook"),
        "contents": _("Contents"),
        "page": _("Page"),
        "no_text": _("The coordination has not written this section."),
        "generated": _("Generated on %(date)s"),
    }


def no_data() -> str:
    return pgettext("report value", "no data")


def number(value, places: int = 1) -> str:
    """A decimal number in the report's language (3.5 → « 3,5 » in French)."""
    if value is None:
        return no_data()
    return formats.number_format(
        Decimal(str(round(float(value), places))),
        decimal_pos=places,
        use_l10n=True,
        force_grouping=True,
    )


def percent_value(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None


def percent(part: int, whole: int) -> str:
    if not whole:
        return no_data()
    return f"{round(100 * part / whole)} %"


def ticks(maximum: float, steps: int = 4, places: int = 0, unit: str = "") -> list:
    result = []
    for i in range(steps + 1):
        value = maximum * i / steps
        text = number(value, places if value != int(value) else 0)
        result.append((value, f"{text} {unit}".strip()))
    return result


def missing_word() -> str:
    return pgettext("chart value", "missing")


def year_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end, time.max), zone),
    )


def _free_text(section: Section, text: str, labels: dict) -> None:
    chunks = [c.strip() for c in text.replace("\r\n", "\n").split("\n\n") if c.strip()]
    if not chunks:
        section.muted(labels["no_text"])
    for chunk in chunks:
        section.text(chunk)


# --- sections -----------------------------------------------------------------


def _composition(section: Section, table, start: date, end: date) -> None:
    from tablee.members.models import SeatHolding

    counts = SeatHolding.objects.for_table(table).aggregate(
        held=Count(
            "seat",
            distinct=True,
            filter=Q(started_on__lte=end) & (Q(ended_on__isnull=True) | Q(ended_on__gte=end)),
        ),
        arrivals=Count("pk", filter=Q(started_on__gte=start, started_on__lte=end)),
        departures=Count("pk", filter=Q(ended_on__gte=start, ended_on__lte=end)),
    )
    section.facts(
        [
            [_("Seats held on December 31"), str(counts["held"])],
            [_("Arrivals of representatives during the year"), str(counts["arrivals"])],
            [_("Departures of representatives during the year"), str(counts["departures"])],
        ]
    )


def _meetings(section: Section, table, start: date, end: date) -> None:
    from tablee.meetings.models import Meeting, MeetingStatus

    first, last = year_bounds(start, end)
    rows = list(
        Meeting.objects.for_table(table)
        .filter(status=MeetingStatus.HELD, starts_at__gte=first, starts_at__lte=last)
        .annotate(
            recorded=Count("attendances", filter=Q(attendances__present__isnull=False)),
            present=Count("attendances", filter=Q(attendances__present=True)),
        )
        .order_by("starts_at", "pk")
        .values_list("starts_at", "title", "recorded", "present")
    )
    recorded = sum(r[2] for r in rows)
    present = sum(r[3] for r in rows)
    section.facts(
        [
            [_("Meetings held"), str(len(rows))],
            [_("Attendance marks recorded"), str(recorded)],
            [_("Attendance rate"), percent(present, recorded)],
        ]
    )
    if not rows:
        section.muted(_("No meeting was held this year."))
        return
    if len(rows) <= MEETING_BARS:
        _attendance_per_meeting(section, rows)
    else:
        _attendance_per_month(section, rows, start.year)


def _recorded_word() -> str:
    return pgettext("report column", "Recorded (present or absent)")


def _attendance_per_meeting(section: Section, rows: list) -> None:
    labels, values = [], []
    present = pgettext("report column", "Present")
    table_rows = [[_("Meeting"), present, _recorded_word(), _("Attendance rate")]]
    for starts_at, title, marks, came in rows:
        day = format_date(timezone.localdate(starts_at))
        labels.append(f"{day} — {title}" if title else day)
        values.append((came, marks))
        table_rows.append([labels[-1], str(came), str(marks), percent(came, marks)])
    rates = [percent_value(came, marks) for came, marks in values]
    summary = _attendance_summary(
        labels,
        rates,
        _(
            "Attendance was highest at %(high)s (%(high_value)s %%) and lowest at %(low)s "
            "(%(low_value)s %%)."
        ),
    )
    spec = _attendance_spec(_("Attendance rate per meeting (%)"), summary, labels, values)
    section.chart(spec, table_rows, (0.5, 0.15, 0.2, 0.15))


def _attendance_per_month(section: Section, rows: list, year: int) -> None:
    months: dict[int, list[int]] = {}
    for starts_at, _title, marks, came in rows:
        tally = months.setdefault(timezone.localtime(starts_at).month, [0, 0, 0])
        tally[0] += 1
        tally[1] += came
        tally[2] += marks
    names, labels, values = [], [], []
    table_rows = [
        [
            _("Month"),
            _("Meetings"),
            pgettext("report column", "Present"),
            _recorded_word(),
            _("Attendance rate"),
        ]
    ]
    for month, (count, came, marks) in sorted(months.items()):
        names.append(formats.date_format(date(year, month, 1), "F"))
        labels.append(names[-1][:1].upper() + names[-1][1:])
        values.append((came, marks))
        table_rows.append([labels[-1], str(count), str(came), str(marks), percent(came, marks)])
    rates = [percent_value(came, marks) for came, marks in values]
    summary = _attendance_summary(
        names,
        rates,
        _(
            "Attendance was highest in %(high)s (%(high_value)s %%) and lowest in %(low)s "
            "(%(low_value)s %%)."
        ),
    )
    spec = _attendance_spec(_("Attendance rate per month (%)"), summary, labels, values)
    section.chart(spec, table_rows, (0.28, 0.15, 0.15, 0.25, 0.17))


def _attendance_summary(names: list[str], rates: list, sentence: str) -> str:
    known = [(name, r) for name, r in zip(names, rates, strict=True) if r is not None]
    if not known:
        return _("No attendance was recorded at these meetings.")
    low = min(known, key=lambda item: item[1])
    high = max(known, key=lambda item: item[1])
    return sentence % {
        "high": high[0],
        "high_value": round(high[1]),
        "low": low[0],
        "low_value": round(low[1]),
    }


def _attendance_spec(title: str, summary: str, labels: list[str], values: list) -> ChartSpec:
    return ChartSpec(
        kind=BAR,
        title=title,
        summary=summary,
        labels=labels,
        series=[
            ChartSeries(
                _("Attendance rate"),
                [percent_value(came, marks) for came, marks in values],
                [percent(came, marks) for came, marks in values],
            )
        ],
        maximum=100.0,
        ticks=ticks(100.0, unit="%"),
        missing=missing_word(),
    )


def _decisions(section: Section, table, start: date, end: date) -> None:
    from tablee.decisions.models import Decision

    rows = (
        Decision.objects.for_table(table)
        .filter(decided_on__gte=start, decided_on__lte=end)
        .order_by("decided_on", "number")
        .only("number", "decided_on", "wording")
    )
    body = []
    for decision in rows:
        wording = " ".join(decision.wording.split())
        if len(wording) > 240:
            wording = wording[:239] + "…"
        body.append([str(decision.number), format_date(decision.decided_on), wording])
    section.facts([[_("Decisions recorded"), str(len(body))]])
    if body:
        section.grid([[_("No."), _("Date"), _("Decision")], *body], (0.1, 0.2, 0.7))
    else:
        section.muted(_("No decision was recorded this year."))


# --- assembly -----------------------------------------------------------------


def build_annual(
    *,
    table,
    year: int,
    language: str,
    introduction: str = "",
    perspectives: str = "",
    audience: str = AUDIENCE_TABLE,
) -> AnnualReport:
    """Gather `table`'s `year` in `language`; a constant number of queries."""
    from tablee.reports import annual_evaluation, annual_plan

    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    start, end = date(year, 1, 1), date(year, 12, 31)
    with translation.override(language):
        labels = _labels()
        report = AnnualReport(
            language=language,
            title=_("Annual report %(year)s") % {"year": year},
            table_name=table.name,
            year=year,
            generated=labels["generated"] % {"date": format_date(timezone.localdate())},
            audience=audience,
            audience_line=(
                _(
                    "Copy for the members of the table: it holds every evaluation result the "
                    "table reads, including those it has not decided to share outside."
                )
                if audience == AUDIENCE_TABLE
                else _(
                    "Copy for partners and funders: it holds only the evaluation results the "
                    "table decided to share, by a recorded decision."
                )
            ),
            labels=labels,
        )
        sections = {key: Section(key, labels[key]) for key in SECTIONS}
        report.sections = list(sections.values())
        _free_text(sections["introduction"], introduction, labels)
        _composition(sections["composition"], table, start, end)
        _meetings(sections["meetings"], table, start, end)
        _decisions(sections["decisions"], table, start, end)
        annual_plan.plan(sections["plans"], table=table, start=start, end=end)
        annual_evaluation.evaluation(
            sections["evaluation"], table=table, start=start, end=end, audience=audience
        )
        _free_text(sections["perspectives"], perspectives, labels)
    return report


def annual_filename(*, table, year: int, fmt: str) -> str:
    return f"{table.slug}-bilan-{year}.{fmt}"
