"""Means, spread and ranking on known cases."""

import pytest

from tablee.priorities import stats
from tablee.priorities.stats import CandidateResult, cell_from_scores


def test_disagreement_threshold_is_named_and_documented():
    assert stats.DISAGREEMENT_SD == 1.2


@pytest.mark.parametrize(
    "scores, mean, sd",
    [
        ([3, 3, 3], 3.0, 0.0),
        ([1, 5], 3.0, 2.0),
        ([2, 4], 3.0, 1.0),
        ([1, 2, 3, 4, 5], 3.0, 1.41),
        ([4, 5, 5, 5], 4.75, 0.43),
        ([1, 3, 4], 2.67, 1.25),
    ],
)
def test_mean_and_standard_deviation(scores, mean, sd):
    cell = cell_from_scores(1, "Urgence", scores)
    assert cell.mean == mean
    assert cell.sd == sd
    assert (cell.low, cell.high, cell.raters) == (min(scores), max(scores), len(scores))


@pytest.mark.parametrize(
    "scores, flagged",
    [
        ([2, 4], False),  # sd 1.0
        ([1, 3, 4], True),  # sd 1.25
        ([1, 5], True),  # sd 2.0
        ([5], False),  # one rating says nothing about spread
        ([3, 3, 3, 3], False),
    ],
)
def test_disagreement_is_flagged_from_the_threshold(scores, flagged):
    assert cell_from_scores(1, "Urgence", scores).disagreement is flagged


def test_exact_threshold_counts_as_disagreement():
    assert stats.is_disagreement(stats.DISAGREEMENT_SD, 5)
    assert not stats.is_disagreement(stats.DISAGREEMENT_SD - 0.01, 5)


def test_no_rating_gives_no_mean():
    cell = cell_from_scores(1, "Urgence", [])
    assert cell.mean is None and cell.sd is None and not cell.disagreement


def test_ranking_uses_mean_of_criterion_means_and_shares_ties():
    a = CandidateResult(1, "A", [cell_from_scores(1, "x", [5, 5]), cell_from_scores(2, "y", [3])])
    b = CandidateResult(2, "B", [cell_from_scores(1, "x", [4]), cell_from_scores(2, "y", [4])])
    c = CandidateResult(3, "C", [cell_from_scores(1, "x", [2]), cell_from_scores(2, "y", [])])
    d = CandidateResult(4, "D", [cell_from_scores(1, "x", []), cell_from_scores(2, "y", [])])
    ranked = stats.rank([c, d, a, b])
    assert [(r.title, r.rank, r.overall) for r in ranked] == [
        ("A", 1, 4.0),
        ("B", 1, 4.0),
        ("C", 3, 2.0),
        ("D", None, None),
    ]
