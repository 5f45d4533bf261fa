import pytest
from django.urls import reverse

from tablee.charters.diff import list_diff, word_diff
from tablee.charters.tests.factories import CharterVersionFactory

pytestmark = pytest.mark.django_db


def test_word_diff_marks_inserted_and_deleted_words():
    segments = [(s.op, s.text) for s in word_diff("la table décide", "la table coconstruit")]
    assert segments == [("equal", "la table "), ("delete", "décide"), ("insert", "coconstruit")]


def test_word_diff_of_identical_text_is_one_equal_segment():
    assert [(s.op, s.text) for s in word_diff("même texte", "même texte")] == [
        ("equal", "même texte")
    ]


def test_list_diff_reports_added_removed_and_kept_lines():
    result = list_diff("k", "t", ["A", "B"], ["B", "C"])
    assert (result.removed, result.added, result.kept) == (["A"], ["C"], ["B"])
    assert result.changed


def _versions(table):
    old = CharterVersionFactory(
        table=table,
        number=1,
        adopted=True,
        answers={"dim_vision": {"text": "Un quartier vert", "status": "proposed"}},
        non_negotiables=["Plan 2025"],
    )
    new = CharterVersionFactory(
        table=table,
        number=2,
        answers={"dim_vision": {"text": "Un quartier <script>vert</script>", "status": "draft"}},
        non_negotiables=["Plan 2025", "Budget"],
    )
    return old, new


def test_compare_page_shows_ins_del_with_text_labels_and_escapes(client, table, member):
    _versions(table)
    client.force_login(member)
    response = client.get(
        reverse("charters:charter-compare", args=[table.slug]), {"from": 1, "to": 2}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert '<ins class="diff"><span class="diff__label">added</span>' in body
    assert "&lt;script&gt;vert&lt;/script&gt;" in body
    assert "<script>vert" not in body
    assert "Budget" in body
    assert response.context["comparison"]["changed_questions"] == 1
    assert response.context["comparison"]["changed_lists"] == 1


def test_compare_with_a_missing_version_says_so(client, table, member):
    _versions(table)
    client.force_login(member)
    response = client.get(
        reverse("charters:charter-compare", args=[table.slug]), {"from": 1, "to": 9}
    )
    assert response.status_code == 400
    assert "This version does not exist." in response.content.decode()


def test_compare_without_parameters_offers_the_form(client, table, member):
    _versions(table)
    client.force_login(member)
    response = client.get(reverse("charters:charter-compare", args=[table.slug]))
    assert response.status_code == 200
    assert response.context["comparison"] is None
