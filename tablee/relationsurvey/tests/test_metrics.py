"""Exact network measures on small known graphs (no database)."""

import pytest

from tablee.relationsurvey.metrics import BOTH, EITHER, Report, compute, pair_level


def both_ways(a, b, level, **extra):
    return [Report(a, b, level, **extra), Report(b, a, level, **extra)]


def measure(nodes, reports, *, respondents=None, sectors=None, **kwargs):
    return compute(
        nodes=nodes,
        sectors=sectors or {},
        respondents=set(nodes) if respondents is None else respondents,
        reports=reports,
        **kwargs,
    )


def test_pair_level_under_each_rule():
    assert pair_level(3, None, EITHER) == 3
    assert pair_level(1, 4, EITHER) == 4
    assert pair_level(3, None, BOTH) is None
    assert pair_level(1, 4, BOTH) == 1
    assert pair_level(None, None, EITHER) is None


def test_density_of_a_path_of_five():
    """1—2—3—4 plus an isolated 5: 3 ties of 10 possible pairs."""
    reports = [Report(1, 2, 3), Report(2, 3, 3), Report(3, 4, 3)]
    m = measure([1, 2, 3, 4, 5], reports)
    assert m.tie_count == 3
    assert m.density == pytest.approx(3 / 10)
    assert m.isolates == [5]
    assert m.pendants == [1, 4]
    assert m.articulation_points == [2, 3]
    assert m.components == 2
    assert m.mean_degree == pytest.approx(6 / 5)


def test_a_star_has_centralization_one_and_a_complete_graph_zero():
    star = measure([0, 1, 2, 3, 4], [Report(0, leaf, 2) for leaf in (1, 2, 3, 4)])
    assert star.centralization == pytest.approx(1.0)
    assert star.density == pytest.approx(4 / 10)
    assert star.most_connected[0] == (0, 4)
    assert star.brokers == [(0, 1.0)]
    assert star.articulation_points == [0]
    nodes = [0, 1, 2, 3]
    complete = measure(nodes, [Report(a, b, 5) for a in nodes for b in nodes if a < b])
    assert complete.centralization == 0
    assert complete.density == 1
    assert complete.brokers == []


def test_centralization_of_a_path_of_four():
    """Degrees 1, 2, 2, 1: Σ(2 − d) = 2, over (n−1)(n−2) = 6."""
    m = measure([1, 2, 3, 4], [Report(1, 2, 2), Report(2, 3, 2), Report(3, 4, 2)])
    assert m.centralization == pytest.approx(2 / 6)


def test_centralization_needs_three_organizations():
    assert measure([1, 2], [Report(1, 2, 3)]).centralization is None


def test_reciprocity_counts_reports_between_respondents_only():
    """1↔2 returned, 1→3 not returned by 3 (who answered), 1→4 about a non-respondent."""
    reports = [*both_ways(1, 2, 3), Report(1, 3, 2), Report(3, 1, 0), Report(1, 4, 4)]
    m = measure([1, 2, 3, 4], reports, respondents={1, 2, 3})
    # Eligible: 1→2, 2→1, 1→3 (1→4 targets a non-respondent; 3→1 is below k).
    assert (m.reports, m.reciprocated) == (3, 2)
    assert m.reciprocity == pytest.approx(2 / 3)


def test_reciprocity_uses_the_level_k():
    reports = [Report(1, 2, 3), Report(2, 1, 1)]
    assert measure([1, 2], reports, level=2).reciprocity == 0
    assert measure([1, 2], reports, level=1).reciprocity == 1


def test_either_rule_counts_one_sided_ties_and_both_rule_does_not():
    reports = [*both_ways(1, 2, 3), Report(1, 3, 4), Report(3, 1, 1), Report(2, 4, 2)]
    nodes = [1, 2, 3, 4]
    either = measure(nodes, reports, respondents={1, 2, 3}, rule=EITHER)
    both = measure(nodes, reports, respondents={1, 2, 3}, rule=BOTH)
    assert sorted(either.ties) == [(1, 2, 3), (1, 3, 4), (2, 4, 2)]
    # 1–3 is confirmed only at level 1 (< k), 2–4: 4 did not answer.
    assert both.ties == [(1, 2, 3)]
    assert either.density == pytest.approx(3 / 6)
    assert both.density == pytest.approx(1 / 6)
    assert both.isolates == [3, 4]


def test_level_k_decides_which_pairs_are_ties():
    reports = [Report(1, 2, 1), Report(2, 3, 2), Report(3, 4, 4)]
    nodes = [1, 2, 3, 4]
    assert measure(nodes, reports, level=1).tie_count == 3
    assert measure(nodes, reports, level=2).tie_count == 2
    assert measure(nodes, reports, level=4).tie_count == 1
    by_level = measure(nodes, reports, level=4).by_level
    assert by_level == {1: 1, 2: 1, 3: 0, 4: 1, 5: 0}


def test_ei_index_per_sector_and_for_the_network():
    """Sector 10: 1, 2, 3; sector 20: 4, 5; 6 without sector.

    Ties: 1–2, 2–3 (inside 10), 3–4 (across), 4–5 (inside 20), 5–6 (no sector, left out).
    """
    sectors = {1: 10, 2: 10, 3: 10, 4: 20, 5: 20, 6: None}
    reports = [Report(1, 2, 2), Report(2, 3, 2), Report(3, 4, 2), Report(4, 5, 2), Report(5, 6, 2)]
    m = measure([1, 2, 3, 4, 5, 6], reports, sectors=sectors)
    # E = 1, I = 3: (1 − 3) / 4
    assert m.ei_index == pytest.approx(-0.5)
    mix = {row.sector: row for row in m.ei_by_sector}
    assert (mix[10].external, mix[10].internal) == (1, 2)
    assert mix[10].index == pytest.approx(-1 / 3)
    assert (mix[20].external, mix[20].internal) == (1, 1)
    assert mix[20].index == 0


def test_ei_index_all_across_sectors_is_plus_one():
    m = measure([1, 2], [Report(1, 2, 3)], sectors={1: 10, 2: 20})
    assert m.ei_index == 1


def test_trust_is_hidden_below_the_threshold_and_shown_at_it():
    """Organization 9 rated by 4 organizations (threshold − 1), then by 5 (threshold)."""
    threshold = 5
    four = [Report(source, 9, 3, trust=source % 4 + 1) for source in (1, 2, 3, 4)]
    m = measure([1, 2, 3, 4, 5, 9], four, respondents={1, 2, 3, 4}, threshold=threshold)
    (received,) = m.trust
    assert received.raters == 4 and received.mean is None
    assert m.trust_mean is None and m.trust_raters == 4
    five = [*four, Report(5, 9, 3, trust=4)]
    m = measure([1, 2, 3, 4, 5, 9], five, respondents={1, 2, 3, 4, 5}, threshold=threshold)
    (received,) = m.trust
    # trusts: 2, 3, 4, 1, 4
    assert received.raters == 5 and received.mean == pytest.approx(14 / 5)
    assert m.trust_mean == pytest.approx(14 / 5)


def test_value_means_are_per_receiving_organization():
    reports = [Report(s, 7, 2, value=4) for s in (1, 2, 3)] + [Report(7, 1, 2, value=1)]
    m = measure([1, 2, 3, 7], reports, threshold=3)
    received = {r.organization: r for r in m.value}
    assert received[7].mean == 4
    assert received[1].mean is None and received[1].raters == 1
    # Network mean over every rating: (4 + 4 + 4 + 1) / 4, four organizations rated.
    assert m.value_mean == pytest.approx(13 / 4)


def test_gaps_of_two_levels_or_more_whatever_the_rule():
    reports = [Report(1, 2, 1), Report(2, 1, 4), Report(1, 3, 2), Report(3, 1, 3)]
    for rule in (EITHER, BOTH):
        m = measure([1, 2, 3], reports, rule=rule)
        assert [(g.first, g.second, g.low, g.high) for g in m.gaps] == [(1, 2, 1, 4)]


def test_response_rate_and_self_reports_ignored():
    m = measure([1, 2, 3, 4], [Report(1, 1, 5), Report(1, 2, 2)], respondents={1})
    assert m.response_rate == 0.25
    assert m.tie_count == 1


def test_an_empty_wave_has_no_measures():
    m = measure([1, 2, 3], [], respondents=set())
    assert m.density == 0 and m.tie_count == 0 and m.reciprocity is None
    assert m.components == 3 and m.brokers == [] and m.ei_index is None
