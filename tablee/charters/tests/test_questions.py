from tablee.charters.questions import FAMILIES, QUESTIONS, STEPS, step_neighbours


def test_four_families_and_the_shared_dimensions_each_hold_two_to_five_questions():
    assert [f.key for f in FAMILIES] == ["why", "how", "what", "who", "dimensions"]
    for family in FAMILIES:
        assert 2 <= len(family.questions) <= 5, family.key
        for question in family.questions:
            assert str(question.title) and str(question.help)


def test_question_keys_are_unique_and_fit_the_comment_column():
    keys = [q.key for f in FAMILIES for q in f.questions]
    assert len(keys) == len(set(keys)) == len(QUESTIONS)
    assert all(len(key) <= 60 for key in keys)


def test_the_wizard_walks_the_families_then_choices_then_review():
    assert STEPS == ("why", "how", "what", "who", "dimensions", "choices", "review")
    assert step_neighbours("why") == (None, "how")
    assert step_neighbours("review") == ("choices", None)
