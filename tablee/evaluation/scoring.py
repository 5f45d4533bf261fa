"""Scoring of the partnership diagnostic: pure functions, no database.

Values are 1–5; None is "don't know" (excluded from means, counted).
Spreads are population standard deviations (the spread of the group that
answered, not an estimate of a larger population).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import mean, median, pstdev, quantiles

from django.utils.translation import gettext_lazy as _

# Bands, read as words, never as grades.
BAND_STRENGTH = 4.0  # mean ≥ 4.0
BAND_DISCUSS = 3.0  # 3.0 ≤ mean < 4.0; below: concern
# "Divergent perceptions", checked independently of the band.
DIVERGENCE_SD = 1.2
POLARISATION_SHARE = 0.25  # ≥ 25 % unfavourable and ≥ 25 % favourable
# A respondent's dimension score needs this share of its items answered.
MIN_ANSWERED_SHARE = 0.6

STRENGTH, DISCUSS, CONCERN = "strength", "discuss", "concern"
BAND_LABELS = {
    STRENGTH: _("Strength"),
    DISCUSS: _("To discuss"),
    CONCERN: _("Concern"),
}


@dataclass(frozen=True)
class Thresholds:
    divergence_sd: float = DIVERGENCE_SD
    polarisation_share: float = POLARISATION_SHARE


DEFAULT = Thresholds()


@dataclass
class Summary:
    """Aggregates of a list of answers (an item, or a dimension)."""

    answered: int
    dont_know: int
    mean: float | None
    sd: float | None
    favourable: float | None  # shares 0..1 of valid answers
    neutral: float | None
    unfavourable: float | None
    band: str | None
    divergent: bool
    code: str = ""
    label: str = ""
    children: list[Summary] = field(default_factory=list)

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS[self.band]) if self.band else ""


def band(value: float | None) -> str | None:
    if value is None:
        return None
    if value >= BAND_STRENGTH:
        return STRENGTH
    if value >= BAND_DISCUSS:
        return DISCUSS
    return CONCERN


def shares(values: Sequence[int]) -> tuple[float, float, float] | tuple[None, None, None]:
    """Return the (favourable 4–5, neutral 3, unfavourable 1–2) shares."""
    if not values:
        return None, None, None
    n = len(values)
    return (
        sum(1 for v in values if v >= 4) / n,
        sum(1 for v in values if v == 3) / n,
        sum(1 for v in values if v <= 2) / n,
    )


def is_divergent(
    *, sd: float | None, favourable: float | None, unfavourable: float | None, thresholds=DEFAULT
) -> bool:
    if sd is not None and sd >= thresholds.divergence_sd:
        return True
    return (
        favourable is not None
        and unfavourable is not None
        and favourable >= thresholds.polarisation_share
        and unfavourable >= thresholds.polarisation_share
    )


def summarize(values: Iterable[int | None], *, thresholds: Thresholds = DEFAULT) -> Summary:
    """Summarize the answers to one item."""
    raw = list(values)
    valid = [v for v in raw if v is not None]
    m = mean(valid) if valid else None
    sd = pstdev(valid) if valid else None
    fav, neu, unf = shares(valid)
    return Summary(
        answered=len(valid),
        dont_know=len(raw) - len(valid),
        mean=m,
        sd=sd,
        favourable=fav,
        neutral=neu,
        unfavourable=unf,
        band=band(m),
        divergent=is_divergent(sd=sd, favourable=fav, unfavourable=unf, thresholds=thresholds),
    )


def respondent_dimension_score(answers: Mapping[str, int | None], codes: Sequence[str]):
    """Mean of one respondent's valid answers in a dimension, or None if < 60 % answered."""
    valid = [answers[c] for c in codes if answers.get(c) is not None]
    if not codes or len(valid) < MIN_ANSWERED_SHARE * len(codes):
        return None
    return mean(valid)


def summarize_dimension(
    answer_sets: Sequence[Mapping[str, int | None]],
    codes: Sequence[str],
    *,
    thresholds: Thresholds = DEFAULT,
) -> Summary:
    """Dimension mean and SD over respondent scores; shares over every valid answer."""
    scores = [respondent_dimension_score(a, codes) for a in answer_sets]
    scores = [s for s in scores if s is not None]
    pooled = [a.get(c) for a in answer_sets for c in codes]
    valid = [v for v in pooled if v is not None]
    m = mean(scores) if scores else None
    sd = pstdev(scores) if scores else None
    fav, neu, unf = shares(valid)
    return Summary(
        answered=len(scores),
        dont_know=len(pooled) - len(valid),
        mean=m,
        sd=sd,
        favourable=fav,
        neutral=neu,
        unfavourable=unf,
        band=band(m),
        divergent=is_divergent(sd=sd, favourable=fav, unfavourable=unf, thresholds=thresholds),
    )


def score(
    answer_sets: Sequence[Mapping[str, int | None]],
    dimensions: Sequence[tuple[str, str, Sequence[tuple[str, str]]]],
    *,
    thresholds: Thresholds = DEFAULT,
) -> list[Summary]:
    """Score every dimension and item.

    `dimensions` is [(code, label, [(item code, item label), …]), …].
    """
    result = []
    for code, label, items in dimensions:
        dim = summarize_dimension(answer_sets, [c for c, _l in items], thresholds=thresholds)
        dim.code, dim.label = code, label
        for item_code, item_label in items:
            item = summarize([a.get(item_code) for a in answer_sets], thresholds=thresholds)
            item.code, item.label = item_code, item_label
            dim.children.append(item)
        result.append(dim)
    return result


@dataclass
class Breakdown:
    """Groups of respondents by one attribute that may be shown."""

    shown: dict[str, list]  # group value → its answer sets
    pooled: list  # answer sets of suppressed groups, shown together (≥ threshold)
    hidden_groups: int
    suppressed: bool  # nothing at all can be shown


def group_breakdown(
    respondents: Sequence[tuple[Mapping[str, str], Mapping[str, int | None]]],
    attribute: str,
    *,
    threshold: int,
) -> Breakdown:
    """Split (attributes, answers) pairs by `attribute`, protecting small groups.

    A group is shown only with n ≥ threshold. Groups below it are hidden;
    the hidden ones are shown together only if they total ≥ threshold.
    Otherwise the smallest shown groups are hidden too (so the hidden
    remainder cannot be worked out from the total by subtraction), and if
    fewer than two groups are left nothing is shown.
    """
    groups: dict[str, list] = {}
    for attributes, answers in respondents:
        groups.setdefault(str(attributes.get(attribute) or ""), []).append(answers)
    shown = {k: v for k, v in groups.items() if len(v) >= threshold}
    pooled = [a for k, v in groups.items() if k not in shown for a in v]
    while pooled and len(pooled) < threshold and shown:
        smallest = min(shown, key=lambda k: (len(shown[k]), k))
        pooled.extend(shown.pop(smallest))
    visible = len(shown) + (1 if pooled else 0)
    if visible < 2 or (len(pooled) and len(pooled) < threshold):
        return Breakdown(shown={}, pooled=[], hidden_groups=len(groups), suppressed=True)
    return Breakdown(
        shown=shown,
        pooled=pooled,
        hidden_groups=len(groups) - len(shown),
        suppressed=False,
    )


def lowest_and_divergent(items: Sequence[Summary], *, count: int = 3):
    """Return (lowest items by mean, most divergent items by SD), answered only."""
    valid = [i for i in items if i.mean is not None]
    lowest = sorted(valid, key=lambda i: (i.mean, i.code))[:count]
    divergent = sorted(valid, key=lambda i: (-(i.sd or 0), i.code))[:count]
    return lowest, divergent


# --- appreciation wheel -----------------------------------------------------
#
# Scores are 0–10 per axis. Each axis is read on its own: the median (robust
# to one extreme answer) and the interquartile range Q1–Q3 ("inclusive"
# quartiles, i.e. linear interpolation between the answers). Groups are
# compared axis by axis. We NEVER rank, compare or summarize wheels by the
# area of their polygon: the area depends on the order of the axes and
# squares the scores, so it measures nothing the table agreed on.

WHEEL_GAP = 2.0  # a gap between two groups' medians of 2 points or more is flagged


@dataclass
class AxisSummary:
    """Aggregates of one wheel axis for one group of respondents."""

    n: int
    median: float | None
    q1: float | None
    q3: float | None
    desired_median: float | None = None

    @property
    def iqr(self) -> float | None:
        if self.q1 is None or self.q3 is None:
            return None
        return self.q3 - self.q1


def _quartiles(values: Sequence[float]) -> tuple[float, float]:
    if len(values) == 1:
        return float(values[0]), float(values[0])
    q1, _q2, q3 = quantiles(values, n=4, method="inclusive")
    return q1, q3


def summarize_axis(
    scores: Iterable[float | None], desired: Iterable[float | None] = ()
) -> AxisSummary:
    """Median and interquartile range of one axis's scores (None ignored)."""
    valid = sorted(v for v in scores if v is not None)
    wished = [v for v in desired if v is not None]
    if not valid:
        return AxisSummary(0, None, None, None, median(wished) if wished else None)
    q1, q3 = _quartiles(valid)
    return AxisSummary(
        len(valid), float(median(valid)), q1, q3, median(wished) if wished else None
    )


def _axis_values(answer_sets: Sequence[Mapping], key: str, field_name: str) -> list:
    values = []
    for answers in answer_sets:
        entry = answers.get(key)
        if isinstance(entry, Mapping):
            values.append(entry.get(field_name))
    return values


def summarize_wheel(answer_sets: Sequence[Mapping], keys: Sequence[str]) -> dict[str, AxisSummary]:
    """`answer_sets` are {axis key: {"score": 0–10, "desired": 0–10|None, …}}."""
    return {
        key: summarize_axis(
            _axis_values(answer_sets, key, "score"), _axis_values(answer_sets, key, "desired")
        )
        for key in keys
    }


@dataclass(frozen=True)
class Gap:
    axis: str
    high_group: str
    high: float
    low_group: str
    low: float

    @property
    def size(self) -> float:
        return self.high - self.low


def wheel_gaps(
    medians: Mapping[str, Mapping[str, float | None]],
    keys: Sequence[str],
    *,
    minimum: float = WHEEL_GAP,
) -> list[Gap]:
    """Per axis, the widest gap between two groups' medians, when ≥ `minimum`.

    `medians` is {group: {axis key: median}}.
    """
    gaps = []
    for key in keys:
        known = [(g, m[key]) for g, m in medians.items() if m.get(key) is not None]
        if len(known) < 2:
            continue
        high = max(known, key=lambda item: (item[1], item[0]))
        low = min(known, key=lambda item: (item[1], item[0]))
        # rounded, so 7.0 - 5.0 and 6.9 - 4.9 compare as they read
        if round(high[1] - low[1], 6) >= minimum:
            gaps.append(Gap(key, high[0], high[1], low[0], low[1]))
    return gaps


@dataclass
class TrendRow:
    axis: str
    values: list  # medians, one per campaign, oldest first (None: not shown)
    changes: list  # change from the previous campaign, None for the first or missing


def wheel_trend(
    series: Sequence[Mapping[str, float | None]], keys: Sequence[str]
) -> list[TrendRow]:
    """The same axes' medians campaign after campaign, with the change per axis."""
    rows = []
    for key in keys:
        values = [s.get(key) for s in series]
        changes = [None] + [
            None if a is None or b is None else round(b - a, 6)
            for a, b in itertools.pairwise(values)
        ]
        rows.append(TrendRow(key, values, changes))
    return rows
