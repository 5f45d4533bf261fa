"""The Gantt-like timeline of a plan, drawn on the server as SVG.

Presentation attributes only (no inline style), so the page keeps its strict
Content-Security-Policy. Every bar also carries its status in words, and
the page shows the same facts as a table.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tablee.plans.selectors import HEALTH_LABELS

LABEL_WIDTH = 210
MONTH_WIDTH = 34
ROW_HEIGHT = 26
HEADER_HEIGHT = 44
RIGHT_MARGIN = 120
MAX_MONTHS = 120
TITLE_CHARS = 29

# Fill of a bar by health; the status is also written beside the bar.
FILLS = {
    "on_track": "#2f6f9f",
    "late": "#a33a1f",
    "blocked": "#7a5a00",
    "done": "#2e7d32",
    "abandoned": "#6b6b6b",
}


@dataclass
class TimelineGroup:
    objective: object
    actions: list = field(default_factory=list)


@dataclass
class Timeline:
    groups: list[TimelineGroup]
    svg: SafeString | str = ""
    first_month: date | None = None
    last_month: date | None = None
    undated: int = 0
    width: int = 0
    height: int = 0


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def _x(day: date, first: date) -> float:
    months = _months_between(first, day)
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    fraction = (day.day - 1) / days_in_month
    return LABEL_WIDTH + (months + fraction) * MONTH_WIDTH


def _short(text: str, size: int = TITLE_CHARS) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def build_timeline(*, actions: list, process=None, today: date) -> Timeline:
    """Group `actions` (in plan order) by objective and draw them across months."""
    groups: list[TimelineGroup] = []
    for action in actions:
        if not groups or groups[-1].objective.pk != action.objective_id:
            groups.append(TimelineGroup(objective=action.objective))
        groups[-1].actions.append(action)
    days = [d for a in actions for d in (a.starts_on, a.ends_on) if d is not None]
    undated = sum(1 for a in actions if a.starts_on is None and a.ends_on is None)
    timeline = Timeline(groups=groups, undated=undated)
    if not days:
        return timeline
    first = _month_start(min(days))
    last = _month_start(max(days))
    if _months_between(first, last) >= MAX_MONTHS:
        last = _add_months(first, MAX_MONTHS - 1)
    months = _months_between(first, last) + 1
    timeline.first_month, timeline.last_month = first, last
    rows = sum(1 + len(group.actions) for group in groups)
    width = LABEL_WIDTH + months * MONTH_WIDTH + RIGHT_MARGIN
    height = HEADER_HEIGHT + rows * ROW_HEIGHT + 8
    timeline.width, timeline.height = width, height
    end_x = LABEL_WIDTH + months * MONTH_WIDTH

    parts: list[str] = []
    title = _("Timeline of the plan's actions")
    desc = _(
        "%(count)s actions from %(first)s to %(last)s, grouped by objective. "
        "The table below gives the same dates and statuses."
    ) % {
        "count": len(actions),
        "first": date_format(first, "F Y"),
        "last": date_format(last, "F Y"),
    }
    parts.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="gantt-title gantt-desc" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="gantt-title">{escape(title)}</title>'
        f'<desc id="gantt-desc">{escape(desc)}</desc>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    )
    # Month grid and labels: the year above January (and the first month).
    for index in range(months):
        month = _add_months(first, index)
        x = LABEL_WIDTH + index * MONTH_WIDTH
        shade = "#f4f6f8" if month.year % 2 else "#ffffff"
        parts.append(
            f'<rect x="{x}" y="{HEADER_HEIGHT - 4}" width="{MONTH_WIDTH}" '
            f'height="{height - HEADER_HEIGHT}" fill="{shade}" '
            f'stroke="#dde3e8" stroke-width="0.5"/>'
        )
        if index == 0 or month.month == 1:
            parts.append(
                f'<text x="{x + 2}" y="14" font-weight="600" fill="#1f2933">{month.year}</text>'
            )
        parts.append(
            f'<text x="{x + 2}" y="{HEADER_HEIGHT - 10}" fill="#3e4c59">'
            f"{escape(date_format(month, 'M'))}</text>"
        )
    y = HEADER_HEIGHT
    for group in groups:
        parts.append(
            f'<text x="6" y="{y + 17}" font-weight="700" fill="#1f2933">'
            f"<title>{escape(group.objective.title)}</title>"
            f"{escape(_short(group.objective.title, 40))}</text>"
        )
        y += ROW_HEIGHT
        for action in group.actions:
            health = getattr(action, "health", "on_track")
            status = str(action.status_label)
            parts.append("<g>")
            parts.append(f"<title>{escape(action.title)} — {escape(status)}</title>")
            parts.append(
                f'<text x="14" y="{y + 17}" fill="#1f2933">{escape(_short(action.title))}</text>'
            )
            start = action.starts_on or action.ends_on
            end = action.ends_on or action.starts_on
            if start is not None and start <= _add_months(last, 1):
                bar_x = max(_x(start, first), LABEL_WIDTH)
                bar_end = min(_x(end, first) + MONTH_WIDTH / 30, end_x)
                bar_width = max(bar_end - bar_x, 4)
                parts.append(
                    f'<rect x="{bar_x:.1f}" y="{y + 6}" width="{bar_width:.1f}" '
                    f'height="{ROW_HEIGHT - 12}" '
                    f'rx="3" fill="{FILLS.get(health, FILLS["on_track"])}"/>'
                )
                label = status
                if health == "late" and action.status != "late":
                    label = f"{status} — {HEALTH_LABELS['late']}"
                parts.append(
                    f'<text x="{bar_x + bar_width + 4:.1f}" y="{y + 17}" font-size="11" '
                    f'fill="#3e4c59">{escape(label)}</text>'
                )
            else:
                parts.append(
                    f'<text x="{LABEL_WIDTH + 4}" y="{y + 17}" font-size="11" fill="#3e4c59">'
                    f"{escape(_('no dates'))}</text>"
                )
            parts.append("</g>")
            y += ROW_HEIGHT
    if first <= today <= _add_months(last, 1):
        today_x = _x(today, first)
        if today_x <= end_x:
            parts.append(
                f'<line x1="{today_x:.1f}" y1="{HEADER_HEIGHT - 4}" x2="{today_x:.1f}" '
                f'y2="{height}" stroke="#c2185b" stroke-width="2" stroke-dasharray="4 3"/>'
                f'<text x="{today_x + 3:.1f}" y="26" font-size="11" fill="#c2185b">'
                f"{escape(_('Today'))}</text>"
            )
    parts.append("</svg>")
    timeline.svg = mark_safe("".join(parts))  # noqa: S308 (every text is escaped above)
    return timeline
