"""Counting on hand-computed cases; option ids are 1, 2, 3, 4 in listed order."""

from fractions import Fraction

from tablee.polls import counting

A, B, C, D = 1, 2, 3, 4
OPTIONS = [A, B, C, D]


def test_single_choice_counts_one_vote_per_ballot_and_shows_ties():
    tally = counting.count_single(OPTIONS, [[A], [B], [A], [C], [B]])
    assert tally.counts == {A: 2, B: 2, C: 1, D: 0}
    assert tally.winners == [A, B]
    assert tally.ballots == 5


def test_single_choice_without_ballots_has_no_winner():
    assert counting.count_single(OPTIONS, []).winners == []


def test_approval_counts_each_approved_option_once():
    tally = counting.count_approval(OPTIONS, [[A, B], [B], [B, C, D], [A, A]])
    assert tally.counts == {A: 2, B: 3, C: 1, D: 1}
    assert tally.winners == [B]


def test_dots_add_up_per_option():
    ballots = [{"1": 3, "2": 2}, {"2": 5}, {"3": 1, "4": 4}]
    tally = counting.count_dots(OPTIONS, ballots)
    assert tally.counts == {A: 3, B: 7, C: 1, D: 4}
    assert tally.winners == [B]


def test_scale_gives_exact_mean_median_and_distribution():
    ballots = [{"1": 5, "2": 1}, {"1": 4, "2": 2}, {"1": 4}, {"1": 1, "2": 2}]
    results = {item.option: item for item in counting.count_scale([A, B], ballots)}
    assert results[A].responses == 4
    assert results[A].mean == Fraction(14, 4)
    assert results[A].median == 4
    assert results[A].distribution == {1: 1, 2: 0, 3: 0, 4: 2, 5: 1}
    assert results[B].responses == 3
    assert results[B].mean == Fraction(5, 3)
    assert results[B].median == 2


def test_scale_median_of_an_even_count_is_the_midpoint():
    results = counting.count_scale([A], [{"1": 2}, {"1": 5}])
    assert results[0].median == Fraction(7, 2)


def test_ranked_first_round_majority_wins_at_once():
    result = counting.count_ranked(OPTIONS, [[A, B], [A], [A, C], [B, A], [C]])
    assert result.winner == A
    assert len(result.rounds) == 1
    assert result.rounds[0].counts == {A: 3, B: 1, C: 1, D: 0}


def test_ranked_three_rounds_with_transfers():
    """Round 1: A4 B3 C2 D1 → drop D (its ballot goes to C).
    Round 2: A4 B3 C3 → no majority of 10; B and C tie for last: round 1 had
    B3 C2, so C is dropped; C's ballots go to B (2) and A (1).
    Round 3: A5 B5 → no majority (5 of 10 is not more than half); B and A tie:
    round 1 had A4 B3, so B is dropped. Round 4: A alone wins with 10.
    """
    ballots = [[A]] * 4 + [[B]] * 3 + [[C, B]] * 2 + [[D, C, A]]
    result = counting.count_ranked(OPTIONS, ballots)
    assert [r.counts for r in result.rounds] == [
        {A: 4, B: 3, C: 2, D: 1},
        {A: 4, B: 3, C: 3},
        {A: 5, B: 5},
        {A: 5},
    ]
    assert [r.eliminated for r in result.rounds] == [[D], [C], [B], []]
    assert result.rounds[1].tie_broken is True
    assert result.rounds[2].tie_broken is True
    assert result.winner == A
    # B's five ballots rank nothing after B: exhausted in the last round.
    assert result.rounds[3].exhausted == 5
    assert result.rounds[3].continuing_ballots == 5


def test_ranked_majority_is_of_continuing_ballots_once_some_are_exhausted():
    """Round 1: A3 B2 C2 (7) → B and C tie in every round: the one listed last (C)
    is dropped; its ballots rank nothing else: 2 exhausted.
    Round 2: A3 B2 of 5 in play → A has more than half of the continuing ballots."""
    ballots = [[A]] * 3 + [[B]] * 2 + [[C]] * 2
    result = counting.count_ranked([A, B, C], ballots)
    assert result.rounds[0].eliminated == [C]
    assert result.rounds[0].tie_broken is True
    assert result.rounds[1].exhausted == 2
    assert result.rounds[1].continuing_ballots == 5
    assert result.winner == A
    assert len(result.rounds) == 2


def test_ranked_tie_break_looks_at_the_earliest_round_where_they_differ():
    """Round 1: A3 B2 C2 D1 → drop D; D's ballot goes to B. Round 2: A3 B3 C2
    → drop C; C's ballots go to A. Round 3: A5 B3 → A wins.
    And a tie in round 2 between options that differed in round 1 is broken
    by round 1 (checked in the three-round case above)."""
    ballots = [[A]] * 3 + [[B]] * 2 + [[C, A]] * 2 + [[D, B]]
    result = counting.count_ranked(OPTIONS, ballots)
    assert [r.eliminated for r in result.rounds] == [[D], [C], []]
    assert result.rounds[2].counts == {A: 5, B: 3}
    assert result.winner == A


def test_ranked_without_ballots_has_no_winner_and_no_round():
    result = counting.count_ranked(OPTIONS, [])
    assert result.winner is None
    assert result.rounds == []


def test_ranked_ignores_unknown_options_on_a_ballot():
    result = counting.count_ranked([A, B], [[99, A], [B], [A]])
    assert result.rounds[0].counts == {A: 2, B: 1}
    assert result.winner == A


def test_ranked_break_tie_uses_listed_order_when_equal_in_every_round():
    assert counting._break_tie([A, B], [counting.Round(1, {A: 1, B: 1}, 2, 0)], {A: 0, B: 1}) == B
