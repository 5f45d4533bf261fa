"""Scoring of the diagnostic on known cases."""

import pytest

from tablee.evaluation import scoring


def test_item_mean_shares_and_dont_know():
    s = scoring.summarize([5, 4, 3, 2, 1, None])
    assert s.answered == 5 and s.dont_know == 1
    assert s.mean == 3
    assert s.sd == pytest.approx(2**0.5)  # population SD of 1..5
    assert (s.favourable, s.neutral, s.unfavourable) == (0.4, 0.2, 0.4)
    assert s.band == scoring.DISCUSS
    assert s.divergent  # SD 1.41 ≥ 1.2, and 40 % at both ends


@pytest.mark.parametrize(
    ("value", "band"),
    [(4.0, "strength"), (3.99, "discuss"), (3.0, "discuss"), (2.99, "concern"), (None, None)],
)
def test_bands_at_their_limits(value, band):
    assert scoring.band(value) == band


def test_consensual_item_is_not_divergent():
    s = scoring.summarize([4, 4, 4, 5, 3])
    assert s.sd == pytest.approx(0.632, abs=0.001)
    assert not s.divergent
    assert s.band == scoring.STRENGTH


def test_polarisation_alone_flags_divergence():
    # SD 1.0 (< 1.2) but 25 % at 1–2 and 25 % at 4–5.
    s = scoring.summarize([2, 3, 3, 4])
    assert s.sd == pytest.approx(0.707, abs=0.001)
    assert s.divergent
    loose = scoring.Thresholds(divergence_sd=1.2, polarisation_share=0.3)
    assert not scoring.summarize([2, 3, 3, 4], thresholds=loose).divergent


def test_only_dont_know_gives_no_mean():
    s = scoring.summarize([None, None])
    assert s.mean is None and s.band is None and not s.divergent and s.dont_know == 2


def test_respondent_dimension_score_needs_sixty_percent():
    codes = ["a", "b", "c", "d", "e"]
    assert scoring.respondent_dimension_score({"a": 5, "b": 3, "c": 4}, codes) == 4
    assert scoring.respondent_dimension_score({"a": 5, "b": 3}, codes) is None


def test_dimension_mean_is_mean_of_respondent_scores():
    codes = ["a", "b"]
    sets = [{"a": 5, "b": 3}, {"a": 2, "b": 2}, {"a": None, "b": None}]
    s = scoring.summarize_dimension(sets, codes)
    assert s.answered == 2
    assert s.mean == 3  # (4 + 2) / 2
    assert s.sd == 1
    assert s.dont_know == 2
    assert s.favourable == 0.25 and s.unfavourable == 0.5


def _pairs(groups: dict[str, int]):
    return [({"sector": k}, {"x": 4}) for k, n in groups.items() for _ in range(n)]


def test_group_at_threshold_shown_and_below_hidden():
    b = scoring.group_breakdown(_pairs({"A": 5, "B": 5, "C": 4, "D": 1}), "sector", threshold=5)
    # C (4) and D (1) are hidden; together they reach 5, shown pooled.
    assert set(b.shown) == {"A", "B"}
    assert len(b.pooled) == 5 and b.hidden_groups == 2 and not b.suppressed


def test_hidden_remainder_below_threshold_hides_another_group():
    b = scoring.group_breakdown(_pairs({"A": 6, "B": 5, "C": 4}), "sector", threshold=5)
    # C alone could be worked out by subtraction: B (the smallest) joins it.
    assert set(b.shown) == {"A"}
    assert len(b.pooled) == 9


def test_breakdown_suppressed_when_one_group_is_below_threshold():
    b = scoring.group_breakdown(_pairs({"A": 5, "B": 4}), "sector", threshold=5)
    assert b.suppressed and not b.shown and not b.pooled


def test_two_groups_at_threshold_are_shown():
    b = scoring.group_breakdown(_pairs({"A": 5, "B": 5}), "sector", threshold=5)
    assert set(b.shown) == {"A", "B"} and not b.pooled


def test_lowest_and_divergent_items():
    items = []
    for code, values in {
        "i1": [1, 2, 1],
        "i2": [5, 5, 5],
        "i3": [1, 5, 3],
        "i4": [3, 3, 3],
    }.items():
        s = scoring.summarize(values)
        s.code = code
        items.append(s)
    lowest, divergent = scoring.lowest_and_divergent(items, count=2)
    assert [i.code for i in lowest] == ["i1", "i3"]
    assert divergent[0].code == "i3"
