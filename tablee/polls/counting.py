"""Counting of every kind of poll: pure functions over option ids and ballots.

Nothing here touches the database or knows who voted. Each function takes
the poll's option ids in their listed order and the ballots' `choices` as
stored (JSON: lists of option ids, or objects whose keys are option ids as
strings), and returns plain data that the pages and the API show as is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import median


@dataclass
class Tally:
    """Counts per option, in option order, with the leading options."""

    counts: dict[int, int]
    ballots: int
    winners: list[int] = field(default_factory=list)


def _leaders(counts: dict[int, int]) -> list[int]:
    if not counts:
        return []
    best = max(counts.values())
    if best == 0:
        return []
    return [option for option, count in counts.items() if count == best]


def count_single(option_ids: list[int], ballots: list) -> Tally:
    """One choice per ballot: the option with the most votes leads (ties are all shown)."""
    counts = dict.fromkeys(option_ids, 0)
    for choices in ballots:
        for option in choices[:1]:
            if option in counts:
                counts[option] += 1
    return Tally(counts=counts, ballots=len(ballots), winners=_leaders(counts))


def count_approval(option_ids: list[int], ballots: list) -> Tally:
    """Each ballot approves any number of options; the most approved leads."""
    counts = dict.fromkeys(option_ids, 0)
    for choices in ballots:
        for option in set(choices):
            if option in counts:
                counts[option] += 1
    return Tally(counts=counts, ballots=len(ballots), winners=_leaders(counts))


def count_dots(option_ids: list[int], ballots: list) -> Tally:
    """Each ballot spreads its dots freely; the option with the most dots leads."""
    counts = dict.fromkeys(option_ids, 0)
    for choices in ballots:
        for key, dots in choices.items():
            option = int(key)
            if option in counts:
                counts[option] += int(dots)
    return Tally(counts=counts, ballots=len(ballots), winners=_leaders(counts))


@dataclass
class ScaleResult:
    """Per option: how many rated it, the mean, the median and the distribution."""

    option: int
    responses: int
    mean: Fraction | None
    median: Fraction | None
    distribution: dict[int, int]


def count_scale(option_ids: list[int], ballots: list) -> list[ScaleResult]:
    """Each ballot rates options from 1 to 5; an option not rated is left out.

    The mean and the median are exact fractions (the median of an even
    number of ratings is the midpoint of the two middle ones).
    """
    ratings: dict[int, list[int]] = {option: [] for option in option_ids}
    for choices in ballots:
        for key, value in choices.items():
            option = int(key)
            if option in ratings and 1 <= int(value) <= 5:
                ratings[option].append(int(value))
    results = []
    for option in option_ids:
        values = ratings[option]
        distribution = Counter(values)
        results.append(
            ScaleResult(
                option=option,
                responses=len(values),
                mean=Fraction(sum(values), len(values)) if values else None,
                median=Fraction(median(Fraction(v) for v in values)) if values else None,
                distribution={level: distribution.get(level, 0) for level in range(1, 6)},
            )
        )
    return results


@dataclass
class Round:
    """One round of instant runoff: first preferences among continuing options."""

    number: int
    counts: dict[int, int]
    continuing_ballots: int
    exhausted: int
    eliminated: list[int] = field(default_factory=list)
    tie_broken: bool = False


@dataclass
class RankedResult:
    rounds: list[Round]
    winner: int | None
    ballots: int


def count_ranked(option_ids: list[int], ballots: list) -> RankedResult:
    """Count ranked ballots by instant runoff (« vote préférentiel »).

    Method, as shown on the poll page:

    1. Each ballot counts for its highest-ranked option still in the race.
    2. An option with more than half of the continuing ballots wins. A
       ballot whose ranked options have all been eliminated is *exhausted*:
       it no longer counts, and the majority is of the ballots still in play.
    3. Otherwise the option with the fewest votes is eliminated and its
       ballots move to their next choice; then count again.
    4. Ties for last place: eliminate the tied option that had fewer votes
       in the earliest round where the tied options differ; if they were
       equal in every round, eliminate the one listed last on the ballot.
    5. When a single option remains it wins, even without a majority (all
       other ballots are then exhausted). With no ballot, nobody wins.
    """
    position = {option: index for index, option in enumerate(option_ids)}
    continuing = list(option_ids)
    rounds: list[Round] = []
    winner = None
    while continuing and ballots:
        counts = dict.fromkeys(continuing, 0)
        exhausted = 0
        for choices in ballots:
            top = next((option for option in choices if option in counts), None)
            if top is None:
                exhausted += 1
            else:
                counts[top] += 1
        in_play = len(ballots) - exhausted
        current = Round(
            number=len(rounds) + 1, counts=counts, continuing_ballots=in_play, exhausted=exhausted
        )
        rounds.append(current)
        leader = max(continuing, key=lambda option: counts[option])
        if counts[leader] * 2 > in_play or len(continuing) == 1:
            winner = leader if counts[leader] > 0 else None
            break
        lowest = min(counts[option] for option in continuing)
        tied = [option for option in continuing if counts[option] == lowest]
        loser = tied[0]
        if len(tied) > 1:
            current.tie_broken = True
            loser = _break_tie(tied, rounds, position)
        current.eliminated = [loser]
        continuing.remove(loser)
    return RankedResult(rounds=rounds, winner=winner, ballots=len(ballots))


def _break_tie(tied: list[int], rounds: list[Round], position: dict[int, int]) -> int:
    """Pick the option to eliminate among `tied` (rule 4 of count_ranked)."""
    candidates = list(tied)
    for earlier in rounds:
        fewest = min(earlier.counts[option] for option in candidates)
        narrowed = [option for option in candidates if earlier.counts[option] == fewest]
        if len(narrowed) < len(candidates):
            candidates = narrowed
            if len(candidates) == 1:
                return candidates[0]
    return max(candidates, key=lambda option: position[option])
