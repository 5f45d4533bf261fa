"""Charts of the annual report: one layout, drawn for the PDF and as a PNG.

A `ChartSpec` holds what a chart says (labels, values already formatted in
the report's language, a one-sentence summary). `layout` turns it into a
handful of primitives in points, y pointing down; `pdf_drawing` hands them
to reportlab.graphics, `png_bytes` to Pillow (reportlab's own bitmap
renderer needs the rlPyCairo extension, which is not installed). Both read
in greyscale: each series has its own dash pattern and marker shape, as on
the web charts of `tablee.core.charts`.

Every chart is followed in the document by its data table, so a reader who
cannot see the picture loses nothing.
"""

from __future__ import annotations

import io
import itertools
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tablee.core.charts import DASHES, MARKERS, STROKES

BAR, RADAR = "bar", "radar"
WIDTH = 470.0  # points; fits the report's text width (Letter, 2.2 cm margins)
FONT_SIZE = 8.0
INK = "#1c2427"
MUTED = "#555555"
GRID = "#c8c8c8"


@dataclass
class ChartSeries:
    name: str
    values: list[float | None]
    texts: list[str]  # each value as the report writes it ("3,6", "75 %")


@dataclass
class ChartSpec:
    kind: str
    title: str
    summary: str
    labels: list[str]  # one per bar, or one per axis of a radar
    series: list[ChartSeries]
    maximum: float
    ticks: list[tuple[float, str]] = field(default_factory=list)
    missing: str = "—"

    @property
    def is_empty(self) -> bool:
        return not any(v is not None for s in self.series for v in s.values)


# --- primitives ---------------------------------------------------------------


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = GRID
    width: float = 0.5
    dash: str = ""


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass
class Shape:
    points: list[tuple[float, float]]
    stroke: str = ""
    fill: str = ""
    width: float = 1.0
    dash: str = ""
    closed: bool = True


@dataclass
class Dot:
    x: float
    y: float
    r: float
    fill: str


@dataclass
class Label:
    x: float
    y: float  # baseline
    text: str
    anchor: str = "start"  # start | middle | end
    colour: str = INK
    size: float = FONT_SIZE


@dataclass
class Scene:
    width: float
    height: float
    items: list = field(default_factory=list)


# --- text measurement -----------------------------------------------------------


@cache
def font_path() -> str | None:
    """The TrueType file of the PDF's font, so the PNG uses the same letters."""
    import reportlab

    from tablee.charters.exports import _FONT_CANDIDATES

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    for regular, _bold in _FONT_CANDIDATES:
        if Path(regular).exists():
            return regular
    return str(vera) if vera.exists() else None


def _text_width(text: str, size: float = FONT_SIZE) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from tablee.charters.exports import _pdf_fonts

    regular, _bold = _pdf_fonts()
    return stringWidth(text, regular, size)


def _fit(text: str, width: float, size: float = FONT_SIZE) -> str:
    if _text_width(text, size) <= width:
        return text
    while text and _text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, width: float, *, lines: int = 2, size: float = FONT_SIZE) -> list[str]:
    """Split `text` into at most `lines` lines of `width` points, the last one cut."""
    words = text.split()
    result: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if _text_width(candidate, size) <= width or not current:
            current = candidate
            continue
        result.append(current)
        current = word
        if len(result) == lines - 1:
            current = " ".join(words[index:])
            break
    if current:
        result.append(current)
    return [_fit(line, width, size) for line in result[:lines]] or [""]


def _marker(kind: str, x: float, y: float, colour: str) -> list:
    if kind == "square":
        return [Box(x - 3, y - 3, 6, 6, colour)]
    if kind == "diamond":
        return [Shape([(x, y - 4), (x + 4, y), (x, y + 4), (x - 4, y)], fill=colour)]
    if kind == "triangle":
        return [Shape([(x, y - 4), (x + 4, y + 3), (x - 4, y + 3)], fill=colour)]
    return [Dot(x, y, 3, colour)]


# --- layouts --------------------------------------------------------------------


def layout(spec: ChartSpec) -> Scene:
    return _radar(spec) if spec.kind == RADAR else _bars(spec)


def _bars(spec: ChartSpec) -> Scene:
    """Horizontal bars, one per label (long French labels wrap on two lines)."""
    label_w, value_w, row_h, bar_h, top = 170.0, 46.0, 24.0, 12.0, 6.0
    left = label_w + 8
    plot_w = WIDTH - left - value_w
    series = spec.series[0]
    height = top + row_h * len(spec.labels) + 18
    scene = Scene(WIDTH, height)
    top_of_axis, bottom = top, top + row_h * len(spec.labels)
    top_value = spec.maximum or 1.0
    for value, text in spec.ticks:
        x = left + plot_w * value / top_value
        scene.items.append(Line(x, top_of_axis, x, bottom))
        scene.items.append(Label(x, bottom + 11, text, "middle", MUTED, 7))
    for index, (label, value, text) in enumerate(
        zip(spec.labels, series.values, series.texts, strict=True)
    ):
        y = top + index * row_h
        lines = wrap(label, label_w)
        first = y + row_h / 2 + 3 - (len(lines) - 1) * 4.5
        for number, line in enumerate(lines):
            scene.items.append(Label(label_w, first + number * 9, line, "end"))
        centre = y + row_h / 2
        if value is None:
            scene.items.append(Label(left + 2, centre + 3, spec.missing, "start", MUTED))
            continue
        width = max(0.0, min(value, top_value)) / top_value * plot_w
        scene.items.append(Box(left, centre - bar_h / 2, width, bar_h, STROKES[0]))
        scene.items.append(Label(left + width + 4, centre + 3, text))
    scene.items.append(Line(left, top_of_axis, left, bottom, INK, 0.8))
    return scene


def _radar(spec: ChartSpec) -> Scene:
    """One polygon per series over shared axes; compared axis by axis, never by area."""
    height, radius = 300.0, 112.0
    cx, cy = 150.0, height / 2
    count = max(len(spec.labels), 1)
    top_value = spec.maximum or 1.0
    scene = Scene(WIDTH, height)

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * max(0.0, min(value, top_value)) / top_value
        return cx + distance * math.cos(angle), cy + distance * math.sin(angle)

    for value, text in spec.ticks:
        ring = [at(i, value) for i in range(count)]
        scene.items.append(Shape(ring, stroke=GRID, width=0.5))
        if value < top_value:  # the outer ring is the maximum, named in the title
            scene.items.append(Label(cx + 3, at(0, value)[1] - 2, text, "start", MUTED, 6.5))
    for index, label in enumerate(spec.labels):
        x, y = at(index, top_value)
        scene.items.append(Line(cx, cy, x, y, "#b0b0b0", 0.5))
        lx, ly = at(index, top_value * 1.14)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        lines = wrap(label, 88, size=7.5)
        if ly < cy - 8:
            ly -= (len(lines) - 1) * 8.5
        for number, line in enumerate(lines):
            scene.items.append(Label(lx, ly + 3 + number * 8.5, line, anchor, INK, 7.5))
    for number, one in enumerate(spec.series):
        colour = STROKES[number % len(STROKES)]
        dash = DASHES[number % len(DASHES)]
        corners = [at(i, v) for i, v in enumerate(one.values) if v is not None]
        if len(corners) >= 2:
            scene.items.append(Shape(corners, stroke=colour, width=1.6, dash=dash))
        for x, y in corners:
            scene.items.extend(_marker(MARKERS[number % len(MARKERS)], x, y, colour))
    # Legend, right of the wheel: a line sample with the series' dash and marker.
    legend_x, legend_y = 330.0, 40.0
    for number, one in enumerate(spec.series):
        colour = STROKES[number % len(STROKES)]
        y = legend_y + number * 30
        scene.items.append(
            Line(legend_x, y, legend_x + 26, y, colour, 1.6, DASHES[number % len(DASHES)])
        )
        scene.items.extend(_marker(MARKERS[number % len(MARKERS)], legend_x + 13, y, colour))
        for row, line in enumerate(wrap(one.name, WIDTH - legend_x - 34, size=7.5)):
            scene.items.append(Label(legend_x + 32, y + 3 + row * 9, line, "start", INK, 7.5))
    return scene


# --- PDF ------------------------------------------------------------------------


def _dash_list(dash: str) -> list[float] | None:
    return [float(part) for part in dash.split()] if dash else None


def pdf_drawing(spec: ChartSpec):
    """A reportlab Drawing (a flowable) of the chart."""
    from reportlab.graphics.shapes import Circle, Drawing, Polygon, PolyLine, Rect, String
    from reportlab.graphics.shapes import Line as RLine
    from reportlab.lib import colors

    from tablee.charters.exports import _pdf_fonts

    regular, _bold = _pdf_fonts()
    scene = layout(spec)
    height = scene.height
    drawing = Drawing(scene.width, height)
    for item in scene.items:
        if isinstance(item, Line):
            drawing.add(
                RLine(
                    item.x1,
                    height - item.y1,
                    item.x2,
                    height - item.y2,
                    strokeColor=colors.HexColor(item.colour),
                    strokeWidth=item.width,
                    strokeDashArray=_dash_list(item.dash),
                )
            )
        elif isinstance(item, Box):
            drawing.add(
                Rect(
                    item.x,
                    height - item.y - item.h,
                    item.w,
                    item.h,
                    fillColor=colors.HexColor(item.fill),
                    strokeColor=None,
                )
            )
        elif isinstance(item, Shape):
            flat = [c for x, y in item.points for c in (x, height - y)]
            stroke = colors.HexColor(item.stroke) if item.stroke else None
            fill = colors.HexColor(item.fill) if item.fill else None
            shape_class = Polygon if item.closed else PolyLine
            kwargs = {"strokeColor": stroke, "strokeWidth": item.width}
            if item.dash:
                kwargs["strokeDashArray"] = _dash_list(item.dash)
            if shape_class is Polygon:
                kwargs["fillColor"] = fill
            drawing.add(shape_class(flat, **kwargs))
        elif isinstance(item, Dot):
            drawing.add(
                Circle(
                    item.x,
                    height - item.y,
                    item.r,
                    fillColor=colors.HexColor(item.fill),
                    strokeColor=None,
                )
            )
        elif isinstance(item, Label):
            drawing.add(
                String(
                    item.x,
                    height - item.y,
                    item.text,
                    fontName=regular,
                    fontSize=item.size,
                    fillColor=colors.HexColor(item.colour),
                    textAnchor=item.anchor,
                )
            )
    return drawing


# --- PNG ------------------------------------------------------------------------

PNG_SCALE = 2.5  # 180 dpi: sharp once printed at the chart's size


def _dashed(points, dash: str, closed: bool):
    """Yield the visible segments of a polyline drawn with a dash pattern."""
    if closed:
        points = [*points, points[0]]
    pattern = _dash_list(dash) or []
    if not pattern:
        yield from itertools.pairwise(points)
        return
    index, left, on = 0, pattern[0], True
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        length = math.hypot(x2 - x1, y2 - y1)
        done = 0.0
        while done < length:
            step = min(left, length - done)
            if on:
                a, b = done / length, (done + step) / length
                yield (
                    (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                    (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
                )
            done += step
            left -= step
            if left <= 1e-9:
                index = (index + 1) % len(pattern)
                left, on = pattern[index], not on


def png_bytes(spec: ChartSpec) -> bytes:
    """The chart as a PNG drawn with Pillow, or b"" when Pillow cannot draw it."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # pragma: no cover - Pillow is a pinned dependency
        return b""
    scene = layout(spec)
    s = PNG_SCALE
    image = Image.new("RGB", (math.ceil(scene.width * s), math.ceil(scene.height * s)), "white")
    draw = ImageDraw.Draw(image)
    path = font_path()
    fonts: dict[float, object] = {}

    def font(size: float):
        if size not in fonts:
            fonts[size] = (
                ImageFont.truetype(path, round(size * s))
                if path
                else ImageFont.load_default(size * s)
            )
        return fonts[size]

    def px(point):
        return (point[0] * s, point[1] * s)

    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for item in scene.items:
        if isinstance(item, Line):
            width = max(1, round(item.width * s))
            for a, b in _dashed([(item.x1, item.y1), (item.x2, item.y2)], item.dash, False):
                draw.line([px(a), px(b)], fill=item.colour, width=width)
        elif isinstance(item, Box):
            if item.w > 0:
                draw.rectangle(
                    [px((item.x, item.y)), px((item.x + item.w, item.y + item.h))], fill=item.fill
                )
        elif isinstance(item, Shape):
            if item.fill:
                draw.polygon([px(p) for p in item.points], fill=item.fill)
            if item.stroke:
                width = max(1, round(item.width * s))
                for a, b in _dashed(item.points, item.dash, item.closed):
                    draw.line([px(a), px(b)], fill=item.stroke, width=width)
        elif isinstance(item, Dot):
            draw.ellipse(
                [px((item.x - item.r, item.y - item.r)), px((item.x + item.r, item.y + item.r))],
                fill=item.fill,
            )
        elif isinstance(item, Label):
            draw.text(
                px((item.x, item.y)),
                item.text,
                fill=item.colour,
                font=font(item.size),
                anchor=anchors[item.anchor],
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
