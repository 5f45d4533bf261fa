"""Early warnings of mobilisation health, as pure functions.

Each function takes plain data already read by the selectors (no query) and
returns `Alert` objects carrying one sentence that explains the warning.
Thresholds are inclusive: a seat absent exactly `threshold` times in a row
is flagged, one absence fewer is not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SEAT_ABSENT = "seat_absent"
SECTOR_SILENT = "sector_silent"
STAGE_GROUP_ABSENT = "stage_group_absent"
FALLING_TREND = "falling_trend"
REPORTING_LATE_ACTIONS = "reporting_late_actions"

RECENT_MEETINGS = 3
PREVIOUS_MEETINGS = 6


@dataclass(frozen=True)
class Alert:
    """One early warning: its kind, what it is about, and the sentence saying why."""

    kind: str
    subject: str
    sentence: str
    # True when the warning names a seat or a person (hidden from members).
    names_someone: bool = False


def trailing_absences(presence: Sequence[bool | None]) -> int:
    """Return how many recorded meetings in a row, ending with the latest, were missed.

    `presence` is chronological (oldest first); `None` means attendance was not
    recorded for that meeting and is skipped rather than counted either way.
    """
    run = 0
    for value in reversed(presence):
        if value is None:
            continue
        if value:
            break
        run += 1
    return run


def seat_absence_alerts(
    presence_by_seat: dict[str, Sequence[bool | None]], *, threshold: int
) -> list[Alert]:
    """Flag each seat absent at `threshold` or more recorded meetings in a row."""
    alerts = []
    for seat, presence in presence_by_seat.items():
        run = trailing_absences(presence)
        if run >= threshold:
            alerts.append(
                Alert(
                    kind=SEAT_ABSENT,
                    subject=seat,
                    sentence=ngettext(
                        "The seat “%(seat)s” was absent from the last %(count)d meeting.",
                        "The seat “%(seat)s” was absent from the last %(count)d meetings in "
                        "a row.",
                        run,
                    )
                    % {"seat": seat, "count": run},
                    names_someone=True,
                )
            )
    return alerts


def sector_silence_alerts(
    attended_by_sector: dict[str, Sequence[bool]], *, threshold: int
) -> list[Alert]:
    """Flag each sector with nobody present at its last `threshold` meetings.

    `attended_by_sector` holds, per sector, whether anyone of its seats was
    present at each meeting where it had a seat convened (oldest first).
    """
    alerts = []
    for sector, attended in attended_by_sector.items():
        if len(attended) < threshold:
            continue
        if not any(attended[-threshold:]):
            alerts.append(
                Alert(
                    kind=SECTOR_SILENT,
                    subject=sector,
                    sentence=ngettext(
                        "Nobody from the sector “%(sector)s” came to the last %(count)d meeting.",
                        "Nobody from the sector “%(sector)s” came to any of the last "
                        "%(count)d meetings.",
                        threshold,
                    )
                    % {"sector": sector, "count": threshold},
                )
            )
    return alerts


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values)


def falling_trend_alert(
    rates: Sequence[float | None],
    *,
    drop_points: float,
    recent: int = RECENT_MEETINGS,
    previous: int = PREVIOUS_MEETINGS,
) -> Alert | None:
    """Flag attendance falling: the last `recent` meetings' mean rate is more
    than `drop_points` below the mean of the `previous` meetings before them.

    `rates` are percentages, oldest first; meetings without recorded
    attendance (`None`) are left out. Returns None without enough meetings.
    """
    known = [rate for rate in rates if rate is not None]
    if len(known) < recent + previous:
        return None
    last = _mean(known[-recent:])
    before = _mean(known[-(recent + previous) : -recent])
    drop = before - last
    if drop <= drop_points:
        return None
    return Alert(
        kind=FALLING_TREND,
        subject=_("Attendance"),
        sentence=_(
            "Attendance is falling: %(last).0f %% on average at the last %(recent)d "
            "meetings, against %(before).0f %% at the %(previous)d before "
            "(%(drop).0f points lower)."
        )
        % {
            "last": last,
            "before": before,
            "drop": drop,
            "recent": recent,
            "previous": previous,
        },
    )


@dataclass(frozen=True)
class StageGap:
    """A stage under way or done, and the needed groups nobody engaged for."""

    process: str
    stage: str
    absent_groups: tuple[str, ...]


def stage_alerts(gaps: Iterable[StageGap]) -> list[Alert]:
    """Flag each stage where a needed group has nobody engaged."""
    alerts = []
    for gap in gaps:
        if not gap.absent_groups:
            continue
        alerts.append(
            Alert(
                kind=STAGE_GROUP_ABSENT,
                subject=f"{gap.process} — {gap.stage}",
                sentence=ngettext(
                    "At the stage “%(stage)s” of “%(process)s”, %(count)d needed group "
                    "has nobody engaged: %(groups)s.",
                    "At the stage “%(stage)s” of “%(process)s”, %(count)d needed groups "
                    "have nobody engaged: %(groups)s.",
                    len(gap.absent_groups),
                )
                % {
                    "stage": gap.stage,
                    "process": gap.process,
                    "count": len(gap.absent_groups),
                    "groups": ", ".join(gap.absent_groups),
                },
            )
        )
    return alerts


@dataclass(frozen=True)
class ReportingDue:
    """A funder's open reporting date and the late actions of its process."""

    what: str
    funder: str
    due_on: date
    late_actions: int


def reporting_alerts(dues: Iterable[ReportingDue], *, today: date, days: int) -> list[Alert]:
    """Flag each open reporting date due within `days` (or already past)
    while actions of the process it reports on are late."""
    alerts = []
    for due in dues:
        days_left = (due.due_on - today).days
        if days_left > days or due.late_actions <= 0:
            continue
        values = {
            "what": due.what,
            "funder": due.funder,
            "days": days_left,
            "late": due.late_actions,
            "date": date_format(due.due_on, "SHORT_DATE_FORMAT"),
        }
        if days_left < 0:
            sentence = ngettext(
                "The report “%(what)s” for %(funder)s was due on %(date)s and "
                "%(late)d action is late.",
                "The report “%(what)s” for %(funder)s was due on %(date)s and "
                "%(late)d actions are late.",
                due.late_actions,
            )
        else:
            sentence = ngettext(
                "The report “%(what)s” for %(funder)s is due on %(date)s (in %(days)d "
                "days) and %(late)d action is late.",
                "The report “%(what)s” for %(funder)s is due on %(date)s (in %(days)d "
                "days) and %(late)d actions are late.",
                due.late_actions,
            )
        alerts.append(
            Alert(kind=REPORTING_LATE_ACTIONS, subject=due.what, sentence=sentence % values)
        )
    return alerts
