"""Reads of mobilisation health, in a constant number of aggregate queries.

Attendance counts seats at held meetings of the whole table (committee
meetings are left out): a seat is present when its representative or
alternate came. A rate is present ÷ recorded, where recorded excludes
meetings whose attendance was never taken; no recorded meeting gives
`None` (missing data), never 0.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tablee.engagement import warnings as rules_of_warning
from tablee.engagement.models import HealthSettings

PERIODS = ("year", "quarter")
LAST_MEETINGS_SHOWN = 12
MAX_PROCESSES = 5


# ---------------------------------------------------------------- settings


def settings_get(*, table) -> HealthSettings:
    """Return the table's health settings, or unsaved defaults."""
    found = HealthSettings.objects.for_table(table).first()
    return found if found is not None else HealthSettings(table=table)


def _table_with_rules(table):
    """Return (settings, meeting rules) in one query (both may be unsaved)."""
    from tablee.meetings.models import MeetingRules, QuorumRule
    from tablee.tables.models import Table

    row = (
        Table.objects.select_related("health_settings", "meeting_rules")
        .filter(pk=table.pk)
        .first()
    )
    settings = getattr(row, "health_settings", None) if row else None
    rules = getattr(row, "meeting_rules", None) if row else None
    if settings is None:
        settings = HealthSettings(table=table)
    if rules is None:
        rules = MeetingRules(table=table, quorum_rule=QuorumRule.MAJORITY)
    return settings, rules


# ---------------------------------------------------------------- shapes


def rate(present: int, recorded: int) -> float | None:
    """Return present ÷ recorded as a percentage, or None without a record."""
    return round(100 * present / recorded, 1) if recorded else None


@dataclass
class Tally:
    present: int = 0
    recorded: int = 0

    def add(self, present: int, recorded: int) -> None:
        self.present += present
        self.recorded += recorded

    @property
    def rate(self) -> float | None:
        return rate(self.present, self.recorded)


@dataclass
class RateRow:
    """A seat, sector or type of actor, with its rate per period and overall."""

    label: str
    cells: list[float | None]
    overall: float | None


@dataclass
class MeetingRow:
    meeting_id: int
    title: str
    starts_at: object
    present: int
    recorded: int
    quorum_required: int
    quorum_total: int
    quorum_met: bool | None

    @property
    def rate(self) -> float | None:
        return rate(self.present, self.recorded)


@dataclass
class TurnoverRow:
    year: int
    arrivals: int
    departures: int


@dataclass
class Movement:
    when: date
    kind: str  # "arrival" or "departure"
    seat: str
    person: str


@dataclass
class VacantSeat:
    seat: str
    since: date | None
    days: int | None
    for_long: bool = False


@dataclass
class PollYear:
    year: int
    polls: int
    votes: int

    @property
    def mean_votes(self) -> float | None:
        return round(self.votes / self.polls, 1) if self.polls else None


@dataclass
class HealthReport:
    settings: HealthSettings
    period: str
    periods: list[str]
    overall: list[float | None]
    by_seat: list[RateRow]
    by_sector: list[RateRow]
    by_actor_type: list[RateRow]
    meetings: list[MeetingRow]
    meetings_held: int
    quorum_missed: int
    turnover: list[TurnoverRow]
    movements: list[Movement]
    vacant_seats: list[VacantSeat]
    vacant_for_long: list[VacantSeat]
    polls: list[PollYear]
    names_visible: bool
    vacant_count: int = 0
    vacant_for_long_count: int = 0
    alerts: list[rules_of_warning.Alert] = field(default_factory=list)
    warnings_visible: bool = False


# ---------------------------------------------------------------- helpers


def _period_label(moment, period: str) -> str:
    if moment is None:
        return "—"
    if period == "quarter":
        quarter = (moment.month - 1) // 3 + 1
        return _("%(year)d Q%(quarter)d") % {"year": moment.year, "quarter": quarter}
    return str(moment.year)


def _sector_name(name_fr: str | None, name_en: str | None) -> str:
    english = (get_language() or "fr").startswith("en")
    name = (name_en if english else name_fr) or name_fr or name_en
    return name or _("No sector")


def _seat_rows(table) -> dict[int, dict]:
    """Return every seat of the table (open and closed) with its groups (one query)."""
    from tablee.members.models import ActorType, Seat

    seats = {}
    for (
        seat_id,
        label,
        organization,
        sector_fr,
        sector_en,
        actor_type,
        created_at,
        closed_at,
    ) in (
        Seat.objects.for_table(table)
        .order_by()
        .values_list(
            "id",
            "label",
            "organization__name",
            Coalesce("sector__name_fr", "organization__sector__name_fr"),
            Coalesce("sector__name_en", "organization__sector__name_en"),
            "actor_type",
            "created_at",
            "closed_at",
        )
    ):
        seats[seat_id] = {
            "label": label or organization or _("Seat %(id)d") % {"id": seat_id},
            "sector": _sector_name(sector_fr, sector_en),
            "actor_type": str(ActorType(actor_type).label) if actor_type else "—",
            "created_at": created_at,
            "closed_at": closed_at,
        }
    return seats


def _held_meetings(table) -> list[tuple]:
    """(id, title, starts_at, present, recorded, convened) per held table meeting (one query)."""
    from tablee.meetings.models import Meeting, MeetingStatus

    seat_rows = Q(attendances__seat__isnull=False)
    return list(
        Meeting.objects.for_table(table)
        .filter(committee__isnull=True, status=MeetingStatus.HELD, starts_at__isnull=False)
        .annotate(
            n_present=Count("attendances", filter=seat_rows & Q(attendances__present=True)),
            n_recorded=Count(
                "attendances", filter=seat_rows & Q(attendances__present__isnull=False)
            ),
            n_convened=Count("attendances", filter=seat_rows),
        )
        .order_by("starts_at", "id")
        .values_list("id", "title", "starts_at", "n_present", "n_recorded", "n_convened")
    )


def _period_starts(first, last, period: str) -> list:
    """Local starts of every year or quarter from `first` to `last` (aware datetimes)."""
    first, last = timezone.localtime(first), timezone.localtime(last)
    step = 3 if period == "quarter" else 12
    month = 1 if period == "year" else (first.month - 1) // 3 * 3 + 1
    current = first.replace(month=month, day=1, hour=0, minute=0, second=0, microsecond=0)
    starts = []
    while current <= last:
        starts.append(current)
        total = current.month - 1 + step
        current = current.replace(year=current.year + total // 12, month=total % 12 + 1)
    return starts


def _seat_period_tallies(table, period: str, held: list[tuple]) -> list[tuple]:
    """(period start, seat id, present, recorded) rows (one aggregate query).

    The period is a CASE over the period boundaries (compared natively by the
    database) rather than a date truncation, which SQLite runs as a Python
    function on every attendance row.
    """
    from tablee.meetings.models import Attendance, MeetingStatus

    moments = [row[2] for row in held if row[2] is not None]
    if not moments:
        return []
    starts = _period_starts(min(moments), max(moments), period)
    period_of = Case(
        *[When(meeting__starts_at__gte=start, then=Value(start)) for start in reversed(starts)],
        default=Value(None),
        output_field=DateTimeField(),
    )

    return list(
        Attendance.objects.for_table(table)
        .filter(
            seat__isnull=False,
            present__isnull=False,
            meeting__committee__isnull=True,
            meeting__status=MeetingStatus.HELD,
            meeting__starts_at__isnull=False,
        )
        .annotate(period=period_of)
        .order_by()
        .values("period", "seat_id")
        .annotate(n_present=Count("pk", filter=Q(present=True)), n_recorded=Count("pk"))
        .values_list("period", "seat_id", "n_present", "n_recorded")
    )


def _recent_presence(table, meeting_ids: list[int]) -> list[tuple]:
    """(meeting id, seat id, present) for the given meetings (one query)."""
    from tablee.meetings.models import Attendance

    if not meeting_ids:
        return []
    return list(
        Attendance.objects.for_table(table)
        .filter(meeting_id__in=meeting_ids, seat__isnull=False)
        .order_by()
        .values_list("meeting_id", "seat_id", "present")
    )


def _holdings(table) -> list[tuple]:
    from tablee.members.models import SeatHolding

    return list(
        SeatHolding.objects.for_table(table)
        .order_by("started_on", "id")
        .values_list(
            "seat_id", "position", "started_on", "ended_on", "person__full_name", "person__email"
        )
    )


def _poll_years(table) -> list[PollYear]:
    from tablee.polls.models import Poll, PollStatus

    rows = (
        Poll.objects.for_table(table)
        .exclude(status=PollStatus.DRAFT)
        .annotate(year=ExtractYear("opens_at"))
        .order_by()
        .values("year")
        .annotate(n_polls=Count("pk", distinct=True), n_votes=Count("participations"))
        .values_list("year", "n_polls", "n_votes")
    )
    return [PollYear(year=y, polls=p, votes=v) for y, p, v in sorted(rows)]


def _sort_key(label: str) -> str:
    """Sort « Économie » with the E's, not after Z."""
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()


def _rate_rows(groups: dict[str, dict[str, Tally]], periods: list[str]) -> list[RateRow]:
    rows = []
    for label in sorted(groups, key=_sort_key):
        by_period = groups[label]
        total = Tally()
        for tally in by_period.values():
            total.add(tally.present, tally.recorded)
        rows.append(
            RateRow(
                label=label,
                cells=[by_period[p].rate if p in by_period else None for p in periods],
                overall=total.rate,
            )
        )
    return rows


def _open_seat_counter(seats) -> Callable[[object], int]:
    """Return `count(moment)`: how many seats were open at `moment`.

    A seat is open from its creation (or always, without one) until it is
    closed. Counted by binary search over the sorted opening and
    closing times, so a table with five years of meetings and hundreds of
    seats does not cost meetings × seats comparisons. A seat closes after it
    opens, so those closed by `moment` are among those opened by then.
    """
    opened = sorted(seat["created_at"] for seat in seats if seat["created_at"] is not None)
    always_open = sum(1 for seat in seats if seat["created_at"] is None)
    closed = sorted(seat["closed_at"] for seat in seats if seat["closed_at"] is not None)

    def count(moment) -> int:
        return always_open + bisect_right(opened, moment) - bisect_right(closed, moment)

    return count


# ---------------------------------------------------------------- the report


def health_report(
    *,
    table,
    period: str = "year",
    names_visible: bool | None = None,
    warnings_visible: bool = False,
    viewer_is_coordinator: bool = False,
    today: date | None = None,
) -> HealthReport:
    """Return the mobilisation health of a table (about nine queries).

    Names (seats, representatives) are included for coordinators, or for
    everyone when the table's settings allow it. Warnings are computed only
    when `warnings_visible` (coordinators); the stage warnings, which need the
    action cycle, come from `stage_alerts_for` (see the mobilisation page).
    """
    from tablee.meetings.selectors import quorum_compute
    from tablee.members.models import Position

    today = today or timezone.localdate()
    period = period if period in PERIODS else "year"
    settings, meeting_rules = _table_with_rules(table)
    if names_visible is None:
        names_visible = viewer_is_coordinator or settings.show_names_to_members

    seats = _seat_rows(table)
    held = _held_meetings(table)

    # Per meeting: rate and quorum (seats open on the day, else those convened).
    meetings: list[MeetingRow] = []
    open_seats = _open_seat_counter(list(seats.values()))
    for meeting_id, title, starts_at, present, recorded, convened in held:
        total = open_seats(starts_at) or convened
        quorum = quorum_compute(rules=meeting_rules, total=total, present=present)
        meetings.append(
            MeetingRow(
                meeting_id=meeting_id,
                title=title,
                starts_at=starts_at,
                present=present,
                recorded=recorded,
                quorum_required=quorum.required,
                quorum_total=total,
                quorum_met=quorum.met if recorded else None,
            )
        )

    # Per period: overall, by seat, by sector, by type of actor.
    tallies = _seat_period_tallies(table, period, held)
    period_keys = sorted({row[0] for row in tallies if row[0] is not None})
    labels = {key: _period_label(timezone.localtime(key), period) for key in period_keys}
    periods = [labels[key] for key in period_keys]
    overall: dict[str, Tally] = defaultdict(Tally)
    by_seat: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    by_sector: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    by_type: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for key, seat_id, present, recorded in tallies:
        if key is None or seat_id not in seats:
            continue
        label = labels[key]
        seat = seats[seat_id]
        overall[label].add(present, recorded)
        by_seat[seat["label"]][label].add(present, recorded)
        by_sector[seat["sector"]][label].add(present, recorded)
        by_type[seat["actor_type"]][label].add(present, recorded)

    # Arrivals and departures of representatives, seats vacant.
    holdings = _holdings(table)
    turnover: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    movements: list[Movement] = []
    current_rep: set[int] = set()
    last_rep_end: dict[int, date] = {}
    for seat_id, position, started_on, ended_on, full_name, email in holdings:
        if position != Position.REPRESENTATIVE:
            continue
        seat_label = seats.get(seat_id, {}).get("label", "—")
        person = full_name or email
        turnover[started_on.year][0] += 1
        movements.append(Movement(started_on, "arrival", seat_label, person))
        if ended_on is None:
            current_rep.add(seat_id)
        else:
            turnover[ended_on.year][1] += 1
            movements.append(Movement(ended_on, "departure", seat_label, person))
            if ended_on > last_rep_end.get(seat_id, date.min):
                last_rep_end[seat_id] = ended_on
    vacant = []
    for seat_id, seat in seats.items():
        if seat["closed_at"] is not None or seat_id in current_rep:
            continue
        since = last_rep_end.get(seat_id) or (
            timezone.localtime(seat["created_at"]).date() if seat["created_at"] else None
        )
        days = (today - since).days if since else None
        vacant.append(VacantSeat(seat=seat["label"], since=since, days=days))
    vacant.sort(key=lambda v: (v.since or date.min, v.seat))
    for vacancy in vacant:
        vacancy.for_long = vacancy.days is not None and vacancy.days >= settings.vacancy_days
    vacant_for_long = [v for v in vacant if v.for_long]
    one_year_ago = today - timedelta(days=365)
    recent_movements = sorted(
        (m for m in movements if m.when >= one_year_ago), key=lambda m: m.when, reverse=True
    )

    report = HealthReport(
        settings=settings,
        period=period,
        periods=periods,
        overall=[overall[p].rate for p in periods],
        by_seat=_rate_rows(by_seat, periods) if names_visible else [],
        by_sector=_rate_rows(by_sector, periods),
        by_actor_type=_rate_rows(by_type, periods),
        meetings=list(reversed(meetings[-LAST_MEETINGS_SHOWN:])),
        meetings_held=len(meetings),
        quorum_missed=sum(1 for m in meetings if m.quorum_met is False),
        turnover=[TurnoverRow(y, a, d) for y, (a, d) in sorted(turnover.items())],
        movements=recent_movements if names_visible else [],
        vacant_seats=vacant if names_visible else [],
        vacant_for_long=vacant_for_long if names_visible else [],
        polls=_poll_years(table),
        names_visible=names_visible,
        # Counts stay visible without names.
        vacant_count=len(vacant),
        vacant_for_long_count=len(vacant_for_long),
        warnings_visible=warnings_visible,
    )
    if warnings_visible:
        report.alerts = _alerts(table, settings, seats, meetings, today)
    return report


def _alerts(table, settings, seats, meetings: list[MeetingRow], today) -> list:
    """Attendance and reporting warnings (two queries)."""
    window = max(settings.absence_streak, settings.sector_silence)
    recent_ids = [m.meeting_id for m in meetings[-window:]]
    order = {meeting_id: index for index, meeting_id in enumerate(recent_ids)}
    per_seat: dict[int, list[bool | None]] = defaultdict(lambda: [None] * len(recent_ids))
    sector_seen: dict[str, list[bool | None]] = defaultdict(lambda: [None] * len(recent_ids))
    for meeting_id, seat_id, present in _recent_presence(table, recent_ids):
        seat = seats.get(seat_id)
        if seat is None or seat["closed_at"] is not None:
            continue
        index = order[meeting_id]
        per_seat[seat_id][index] = present
        # A sector counts as convened at a meeting if any of its seats was.
        sector = seat["sector"]
        before = sector_seen[sector][index]
        sector_seen[sector][index] = bool(before) or bool(present)
    presence_by_seat = {seats[seat_id]["label"]: values for seat_id, values in per_seat.items()}
    attended_by_sector = {
        sector: [value for value in values if value is not None]
        for sector, values in sector_seen.items()
    }
    alerts = rules_of_warning.seat_absence_alerts(
        presence_by_seat, threshold=settings.absence_streak
    )
    alerts += rules_of_warning.sector_silence_alerts(
        attended_by_sector, threshold=settings.sector_silence
    )
    trend = rules_of_warning.falling_trend_alert(
        [m.rate for m in meetings], drop_points=settings.trend_drop_points
    )
    if trend is not None:
        alerts.append(trend)
    alerts += rules_of_warning.reporting_alerts(
        reporting_dues(table=table, today=today, days=settings.reporting_days),
        today=today,
        days=settings.reporting_days,
    )
    return alerts


def reporting_dues(*, table, today: date, days: int) -> list[rules_of_warning.ReportingDue]:
    """Open reporting dates due within `days` (or past), with the late actions
    of the process they report on, or of every current process when the
    program names none (one query)."""
    from tablee.funding.models import ReportingDate
    from tablee.plans.models import PlanAction
    from tablee.plans.selectors import HEALTH_LATE, health_conditions

    late = health_conditions(today)[HEALTH_LATE]

    def count(queryset):
        return Coalesce(
            Subquery(
                queryset.filter(late)
                .order_by()
                .values("table_id")
                .annotate(n=Count("pk"))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
            Value(0),
        )

    rows = (
        ReportingDate.objects.for_table(table)
        .filter(is_done=False, due_on__lte=today + timedelta(days=days))
        .annotate(
            late_in_process=count(PlanAction.objects.filter(process=OuterRef("program__process"))),
            late_in_table=count(
                PlanAction.objects.filter(
                    process__table=OuterRef("table"), process__archived_at__isnull=True
                )
            ),
        )
        .order_by("due_on", "id")
        .values_list(
            "what",
            "program__funder__name",
            "due_on",
            "program__process_id",
            "late_in_process",
            "late_in_table",
        )
    )
    return [
        rules_of_warning.ReportingDue(
            what=what,
            funder=funder,
            due_on=due_on,
            late_actions=late_in_process if process_id else late_in_table,
        )
        for what, funder, due_on, process_id, late_in_process, late_in_table in rows
    ]


# ---------------------------------------------------------------- needed versus engaged


def current_processes(*, table) -> list:
    """Return the table's processes not archived, latest start first (one query)."""
    from tablee.processes.models import Process

    return list(
        Process.objects.for_table(table)
        .filter(archived_at__isnull=True)
        .order_by("-starts_on", "-id")[:MAX_PROCESSES]
    )


def mobilisation(*, process) -> list:
    """Return the needed-versus-engaged picture of one process (about seven queries)."""
    from tablee.processes.selectors import mobilisation_for_process

    return mobilisation_for_process(process)


def stage_gaps(*, process, picture) -> list[rules_of_warning.StageGap]:
    """Return the stages under way or done where a needed group is absent."""
    return [
        rules_of_warning.StageGap(
            process=process.title,
            stage=str(entry.stage.get_kind_display()),
            absent_groups=tuple(group.label for group in entry.absent_groups),
        )
        for entry in picture
        if entry.flagged
    ]


def stage_alerts_for(*, processes) -> list[rules_of_warning.Alert]:
    """Stage warnings of several processes (about seven queries each)."""
    gaps = []
    for process in processes:
        gaps += stage_gaps(process=process, picture=mobilisation(process=process))
    return rules_of_warning.stage_alerts(gaps)
