"""Small charts rendered on the server as SVG, each with its data table.

No JavaScript and no chart library: a chart is a few dozen SVG elements that
read the same in print, in greyscale (each series has its own dash pattern
and marker shape, not only a colour) and to a screen reader (the SVG has a
title and a one-sentence summary; the data table beside it carries the
numbers). Missing data (`None`) is a gap in the line and « missing » in the
table, never a zero.

    chart = line_chart([Series("Ménages", [Point("2022", 12.5), Point("2023", None)])],
                       title="Ménages en insécurité alimentaire", unit="%")
    {% include "core/includes/chart.html" with chart=chart %}
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

Number = int | float | Decimal

WIDTH = 640
HEIGHT = 300
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 48

# Distinct in greyscale: dark-to-mid tones, each with its own dash and marker.
STROKES = ["#1f4e79", "#8a3b12", "#2e6b30", "#5b3f8c", "#6b6b00", "#7a1f4e"]
DASHES = ["", "6 4", "2 3", "10 3 2 3", "1 5", "12 6"]
MARKERS = ["circle", "square", "diamond", "triangle", "circle", "square"]


_chart_ids = itertools.count(1)


@dataclass(frozen=True)
class Point:
    label: str
    value: Number | None


@dataclass(frozen=True)
class Series:
    name: str
    points: list[Point] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    title: str
    svg: SafeString
    columns: list[str]
    rows: list[list[str]]
    summary: str
    unit: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.rows


def _format(value: Number | None, unit: str = "", decimals: int = 1) -> str:
    if value is None:
        return pgettext("chart value", "missing")
    value = float(value)
    shown = number_format(value, decimal_pos=0 if value == int(value) else decimals, use_l10n=True)
    return f"{shown} {unit}".strip() if unit else shown


def _nice_ceiling(value: float) -> float:
    """A round upper bound for the axis (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        bound = factor * 10**exponent
        if bound >= value:
            return float(bound)
    return float(10 ** (exponent + 1))


def _axis_bounds(values: list[float]) -> tuple[float, float]:
    low = min([0.0, *values])
    high = _nice_ceiling(max([*values, 0.0]) or 1.0)
    if low < 0:
        low = -_nice_ceiling(-low)
    return low, high


def _svg_open(title: str, summary: str, height: int = HEIGHT) -> list[str]:
    # A fixed id would clash when a page shows several charts.
    key = f"chart{next(_chart_ids)}"
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{key}-t {key}-d" preserveAspectRatio="xMidYMid meet" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
        f'<title id="{key}-t">{escape(title)}</title>',
        f'<desc id="{key}-d">{escape(summary)}</desc>',
    ]


def _y_axis(lines: list[str], low: float, high: float, unit: str, plot_h: float) -> None:
    steps = 4
    for i in range(steps + 1):
        value = low + (high - low) * i / steps
        y = MARGIN_TOP + plot_h - plot_h * i / steps
        lines.append(
            f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
        )
        lines.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">'
            f"{escape(_format(value, decimals=1))}</text>"
        )
    if unit:
        lines.append(f'<text x="4" y="{MARGIN_TOP - 4}" fill="#333">{escape(unit)}</text>')


def _x_labels(lines: list[str], labels: list[str], xs: list[float]) -> None:
    # Show at most ~12 labels so they stay legible on a phone.
    every = max(1, math.ceil(len(labels) / 12))
    for index, (label, x) in enumerate(zip(labels, xs, strict=True)):
        if index % every and index != len(labels) - 1:
            continue
        lines.append(
            f'<text x="{x:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" text-anchor="middle" '
            f'fill="#333">{escape(label)}</text>'
        )


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "diamond":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y:.1f}L{x:.1f} {y + 5:.1f}'
            f'L{x - 5:.1f} {y:.1f}Z" fill="{colour}"/>'
        )
    if kind == "triangle":
        return (
            f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 4:.1f}L{x - 5:.1f} {y + 4:.1f}Z" '
            f'fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def _summary_of(series: list[Series], unit: str) -> str:
    parts = []
    for one in series:
        known = [p for p in one.points if p.value is not None]
        missing = len(one.points) - len(known)
        if not known:
            parts.append(_("%(name)s: no data.") % {"name": one.name})
            continue
        first, last = known[0], known[-1]
        text = _("%(name)s: from %(first)s (%(first_label)s) to %(last)s (%(last_label)s).") % {
            "name": one.name,
            "first": _format(first.value, unit),
            "first_label": first.label,
            "last": _format(last.value, unit),
            "last_label": last.label,
        }
        if missing:
            text += " " + _("%(count)s value(s) missing.") % {"count": missing}
        parts.append(text)
    return " ".join(parts)


def line_chart(
    series: list[Series],
    *,
    title: str,
    unit: str = "",
    target: Number | None = None,
    baseline: Number | None = None,
) -> Chart:
    """Lines over shared labels (years, months…), with optional target and baseline."""
    labels: list[str] = []
    for one in series:
        for point in one.points:
            if point.label not in labels:
                labels.append(point.label)
    values = [float(p.value) for s in series for p in s.points if p.value is not None]
    references = [float(v) for v in (target, baseline) if v is not None]
    summary = _summary_of(series, unit)
    if target is not None:
        summary += " " + _("Target: %(value)s.") % {"value": _format(target, unit)}
    if baseline is not None:
        summary += " " + _("Baseline: %(value)s.") % {"value": _format(baseline, unit)}

    lines = _svg_open(title, summary)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    if values or references:
        low, high = _axis_bounds(values + references)
        _y_axis(lines, low, high, unit, plot_h)

        def y_of(value: float) -> float:
            return MARGIN_TOP + plot_h - (value - low) / (high - low) * plot_h

        count = len(labels)
        xs = [MARGIN_LEFT + (plot_w * (i + 0.5) / count if count else 0) for i in range(count)]
        _x_labels(lines, labels, xs)
        for value, name, dash in (
            (target, _("Target"), "8 4"),
            (baseline, _("Baseline"), "2 4"),
        ):
            if value is None:
                continue
            y = y_of(float(value))
            lines.append(
                f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" '
                f'y2="{y:.1f}" stroke="#000" stroke-width="1.5" stroke-dasharray="{dash}"/>'
            )
            lines.append(
                f'<text x="{WIDTH - MARGIN_RIGHT - 2}" y="{y - 4:.1f}" text-anchor="end" '
                f'fill="#000">{escape(str(name))}</text>'
            )
        position = dict(zip(labels, xs, strict=True))
        for index, one in enumerate(series):
            colour = STROKES[index % len(STROKES)]
            dash = DASHES[index % len(DASHES)]
            # A None value breaks the line: missing data is a gap, never a zero.
            for is_known, run in itertools.groupby(one.points, key=lambda p: p.value is not None):
                run = list(run)
                if not is_known:
                    continue
                path = " ".join(
                    f"{'M' if i == 0 else 'L'}{position[p.label]:.1f} {y_of(float(p.value)):.1f}"
                    for i, p in enumerate(run)
                )
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                lines.append(
                    f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>'
                )
                if len(run) <= 40:
                    lines.extend(
                        _marker(
                            MARKERS[index % len(MARKERS)],
                            position[p.label],
                            y_of(float(p.value)),
                            colour,
                        )
                        for p in run
                    )
    lines.append("</svg>")

    columns = [_("Period"), *[s.name for s in series]]
    by_series = [{p.label: p.value for p in s.points} for s in series]
    rows = [
        [label, *[_format(values_of.get(label), unit) for values_of in by_series]]
        for label in labels
    ]
    return Chart(
        title=title,
        svg=mark_safe("".join(lines)),  # noqa: S308 — every text node is escaped above
        columns=columns,
        rows=rows,
        summary=summary,
        unit=unit,
    )


def bar_chart(points: list[Point], *, title: str, unit: str = "") -> Chart:
    """Horizontal bars, one per labelled value (long French labels fit on a phone)."""
    known = [float(p.value) for p in points if p.value is not None]
    bar_h, gap = 22, 10
    label_w = 200
    height = max(80, MARGIN_TOP + len(points) * (bar_h + gap) + 24)
    summary = (
        _("%(count)s values; highest %(label)s (%(value)s).")
        % {
            "count": len(points),
            "label": max((p for p in points if p.value is not None), key=lambda p: p.value).label,
            "value": _format(max(known), unit),
        }
        if known
        else _("No data.")
    )
    lines = _svg_open(title, summary, height)
    high = _nice_ceiling(max(known)) if known and max(known) > 0 else 1.0
    plot_w = WIDTH - label_w - MARGIN_RIGHT - 70
    for index, point in enumerate(points):
        y = MARGIN_TOP + index * (bar_h + gap)
        label = point.label if len(point.label) <= 30 else point.label[:29] + "…"
        lines.append(
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#333">'
            f"{escape(label)}</text>"
        )
        if point.value is None:
            lines.append(
                f'<text x="{label_w}" y="{y + bar_h * 0.7:.1f}" fill="#555" font-style="italic">'
                f"{escape(pgettext('chart value', 'missing'))}</text>"
            )
            continue
        width = max(0.0, float(point.value)) / high * plot_w
        lines.append(
            f'<rect x="{label_w}" y="{y}" width="{width:.1f}" height="{bar_h}" '
            f'fill="{STROKES[0]}"/>'
        )
        lines.append(
            f'<text x="{label_w + width + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#000">'
            f"{escape(_format(point.value, unit))}</text>"
        )
    lines.append("</svg>")
    return Chart(
        title=title,
        svg=mark_safe("".join(lines)),  # noqa: S308 — every text node is escaped above
        columns=[pgettext("chart column", "Item"), _("Value")],
        rows=[[p.label, _format(p.value, unit)] for p in points],
        summary=summary,
        unit=unit,
    )


def _wrap(text: str, width: int, *, lines_max: int) -> list[str]:
    """Split `text` on spaces into at most `lines_max` lines of about `width` characters."""
    parts: list[str] = []
    for word in text.split():
        if parts and len(parts[-1]) + 1 + len(word) <= width:
            parts[-1] += " " + word
        else:
            parts.append(word)
    if len(parts) > lines_max:
        parts = [*parts[: lines_max - 1], " ".join(parts[lines_max - 1 :])]
    return [p if len(p) <= width + 4 else p[: width + 3] + "…" for p in parts]


def radar_chart(
    axes: list[str], series: list[Series], *, title: str, max_value: Number = 10
) -> Chart:
    """One polygon per series over shared axes (an appreciation wheel).

    Each series has one point per axis, labelled with the axis name. Polygons
    are compared axis by axis; their area means nothing and is never shown.
    A missing value leaves that axis out of the polygon and says so.
    """
    # Wide enough for two-line French axis names on both sides of the wheel.
    width, plot = 540, 400
    cx, cy = width / 2, plot / 2 + 10
    radius = plot / 2 - 70
    height = plot + 20 + 22 * len(series)
    top = float(max_value) or 1.0
    summary_parts = []
    for one in series:
        values = {p.label: p.value for p in one.points}
        known = [(a, values.get(a)) for a in axes if values.get(a) is not None]
        if known:
            low = min(known, key=lambda item: item[1])
            high = max(known, key=lambda item: item[1])
            summary_parts.append(
                _(
                    "%(name)s: highest on %(high)s (%(high_value)s), lowest on %(low)s "
                    "(%(low_value)s)."
                )
                % {
                    "name": one.name,
                    "high": high[0],
                    "high_value": _format(high[1]),
                    "low": low[0],
                    "low_value": _format(low[1]),
                }
            )
        else:
            summary_parts.append(_("%(name)s: no data.") % {"name": one.name})
    summary = " ".join(summary_parts)
    lines = [
        line.replace(f'viewBox="0 0 {WIDTH} {height}"', f'viewBox="0 0 {width} {height}"')
        for line in _svg_open(title, summary, height)
    ]

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(axes), 1)
        distance = radius * max(0.0, min(value, top)) / top
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    for ring in (0.25, 0.5, 0.75, 1.0):
        points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (at(i, top * ring) for i in range(len(axes)))
        )
        lines.append(f'<polygon points="{points}" fill="none" stroke="#d0d0d0"/>')
    for index, axis in enumerate(axes):
        x, y = at(index, top)
        lines.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#bbb"/>')
        lx, ly = at(index, top * 1.1)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        wrapped = _wrap(axis, 16, lines_max=2)
        if ly < cy - radius * 0.9:
            ly -= 16 * (len(wrapped) - 1)  # top label: grow upwards
        tspans = "".join(
            f'<tspan x="{lx:.1f}" dy="{0 if n == 0 else 16}">{escape(part)}</tspan>'
            for n, part in enumerate(wrapped)
        )
        lines.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" fill="#333" '
            f'font-size="14">{tspans}</text>'
        )
    for number, one in enumerate(series):
        colour = STROKES[number % len(STROKES)]
        dash = DASHES[number % len(DASHES)]
        values = {p.label: p.value for p in one.points}
        corners = [
            (i, at(i, float(values[a]))) for i, a in enumerate(axes) if values.get(a) is not None
        ]
        if len(corners) >= 2:
            points = " ".join(f"{x:.1f},{y:.1f}" for _i, (x, y) in corners)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            lines.append(
                f'<polygon points="{points}" fill="none" stroke="{colour}" stroke-width="2"'
                f"{dash_attr}/>"
            )
        lines.extend(
            _marker(MARKERS[number % len(MARKERS)], x, y, colour) for _i, (x, y) in corners
        )
        # Legend: marker, line style and name, since colour is never the only cue.
        ly = plot + 22 + 22 * number
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        lines.append(
            f'<line x1="{MARGIN_LEFT}" y1="{ly}" x2="{MARGIN_LEFT + 36}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        lines.append(_marker(MARKERS[number % len(MARKERS)], MARGIN_LEFT + 18, ly, colour))
        lines.append(
            f'<text x="{MARGIN_LEFT + 46}" y="{ly + 4}" fill="#000">{escape(one.name)}</text>'
        )
    lines.append("</svg>")
    by_series = [{p.label: p.value for p in s.points} for s in series]
    return Chart(
        title=title,
        svg=mark_safe("".join(lines)),  # noqa: S308 — every text node is escaped above
        columns=[pgettext("chart column", "Axis"), *[s.name for s in series]],
        rows=[[axis, *[_format(values.get(axis)) for values in by_series]] for axis in axes],
        summary=summary,
    )
