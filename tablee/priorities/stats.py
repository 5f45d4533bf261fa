"""Means and spread of a round's ratings: pure functions, no database.

Each cell (candidate × criterion) is summarised from the count, the sum,
the sum of squares, the lowest and the highest rating, which the database
aggregates in one query whatever the number of raters. The spread is the
standard deviation of the ratings given (the raters are the whole group
asked, so the population formula is used), with the range from lowest to
highest beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

SCALE_MIN = 1
SCALE_MAX = 5
# From this standard deviation on, a cell is said to show disagreement: on a
# 1–5 scale, 1.2 means the ratings typically sit more than one step away
# from their mean (e.g. 1, 3 and 4; or half the group at 2 and half at 4.5).
DISAGREEMENT_SD = 1.2
# A spread computed from fewer ratings than this says nothing.
DISAGREEMENT_MIN_RATERS = 2


@dataclass
class Cell:
    """The summary of the ratings of one candidate on one criterion."""

    criterion_id: int
    label: str
    raters: int = 0
    mean: float | None = None
    sd: float | None = None
    low: int | None = None
    high: int | None = None

    @property
    def disagreement(self) -> bool:
        return is_disagreement(self.sd, self.raters)


@dataclass
class CandidateResult:
    """One candidate with its cells, overall mean and rank (1 = highest)."""

    candidate_id: int
    title: str
    cells: list[Cell] = field(default_factory=list)
    overall: float | None = None
    rank: int | None = None

    @property
    def disagreements(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.disagreement]

    @property
    def raters(self) -> int:
        """The most raters of any criterion (each person may skip a criterion)."""
        return max((cell.raters for cell in self.cells), default=0)


def is_disagreement(sd: float | None, raters: int) -> bool:
    return sd is not None and raters >= DISAGREEMENT_MIN_RATERS and sd >= DISAGREEMENT_SD - 1e-9


def summarize(*, count: int, total: int, total_squares: int) -> tuple[float | None, float | None]:
    """Return (mean, standard deviation) from the aggregates, exactly rounded."""
    if not count:
        return None, None
    mean = Fraction(total, count)
    variance = Fraction(total_squares, count) - mean * mean
    sd = math.sqrt(max(variance, Fraction(0)))
    return round(float(mean), 2), round(sd, 2)


def cell_from_scores(criterion_id: int, label: str, scores: list[int]) -> Cell:
    """Summarise a list of ratings (used by tests and small computations)."""
    if not scores:
        return Cell(criterion_id=criterion_id, label=label)
    mean, sd = summarize(
        count=len(scores),
        total=sum(scores),
        total_squares=sum(s * s for s in scores),
    )
    return Cell(
        criterion_id=criterion_id,
        label=label,
        raters=len(scores),
        mean=mean,
        sd=sd,
        low=min(scores),
        high=max(scores),
    )


def rank(results: list[CandidateResult]) -> list[CandidateResult]:
    """Compute each overall mean and rank the candidates, highest first.

    The overall mean is the mean of the criterion means, so every criterion
    weighs the same even when some raters skipped one. Candidates nobody
    rated come last, unranked. Equal means share a rank.
    """
    for result in results:
        means = [cell.mean for cell in result.cells if cell.mean is not None]
        result.overall = round(sum(means) / len(means), 2) if means else None
    ordered = sorted(
        results,
        key=lambda r: (r.overall is None, -(r.overall or 0)),
    )
    previous: float | None = None
    current_rank = 0
    for index, result in enumerate(ordered, start=1):
        if result.overall is None:
            result.rank = None
            continue
        if result.overall != previous:
            current_rank = index
            previous = result.overall
        result.rank = current_rank
    return ordered
