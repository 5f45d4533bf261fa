"""Two people editing the same draft: the second save is refused and a merge is proposed."""

import pytest

from tablee.core.models import AuditEntry
from tablee.minutes.merge import has_conflict_markers, merge3, side_by_side
from tablee.minutes.models import Minutes
from tablee.minutes.tests.factories import MinutesFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

BASE = "Titre\n=====\n\nPoint un.\n\nPoint deux.\n\nPoint trois.\n"


def test_non_overlapping_changes_merge_automatically():
    mine = BASE.replace("Point un.", "Point un, corrigé.")
    theirs = BASE.replace("Point trois.", "Point trois, complété.")
    result = merge3(BASE, mine, theirs)
    assert result.conflicts == 0
    assert "Point un, corrigé." in result.text and "Point trois, complété." in result.text
    assert not has_conflict_markers(result.text)


def test_overlapping_changes_are_marked_for_the_person():
    mine = BASE.replace("Point deux.", "Point deux (ma version).")
    theirs = BASE.replace("Point deux.", "Point deux (leur version).")
    result = merge3(BASE, mine, theirs, mine_label="yours", theirs_label="theirs")
    assert result.conflicts == 1
    assert (
        "<<<<<<< yours\nPoint deux (ma version).\n"
        "======= theirs\nPoint deux (leur version).\n>>>>>>>" in result.text
    )
    assert has_conflict_markers(result.text)


def test_identical_changes_are_not_a_conflict():
    both = BASE.replace("Point un.", "Pareil.")
    assert merge3(BASE, both, both) == merge3(BASE, both, BASE.replace("Point un.", "Pareil."))
    assert merge3(BASE, both, both).conflicts == 0


def test_side_by_side_labels_each_line():
    rows = side_by_side("a\nb\nc", "a\nB\nc\nd")
    assert [r.tag for r in rows] == ["equal", "changed", "equal", "added"]


@pytest.mark.django_db
def test_second_editor_is_refused_then_merges(client, table, coordinator):
    other = MembershipFactory(table=table, role=Role.COORDINATOR).user
    minutes = MinutesFactory(meeting__table=table, body=BASE)
    url = f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/edit/"
    # Both open the edit page at revision 1; the other coordinator saves first.
    client.force_login(other)
    first = client.post(
        url, {"body": BASE.replace("Point trois.", "Point trois, complété."), "base_revision": 1}
    )
    assert first.status_code == 302
    client.force_login(coordinator)
    second = client.post(
        url, {"body": BASE.replace("Point un.", "Point un, corrigé."), "base_revision": 1}
    )
    assert second.status_code == 409
    minutes.refresh_from_db()
    assert minutes.revision == 2 and "Point un, corrigé." not in minutes.body  # not overwritten
    page = second.content.decode()
    assert "Someone else saved these minutes" in page
    assert "Their version" in page and "Your version" in page
    merged = second.context["form"].initial["body"]
    assert "Point un, corrigé." in merged and "Point trois, complété." in merged
    assert second.context["form"].initial["base_revision"] == 2
    assert AuditEntry.objects.count() == 1
    third = client.post(url, {"body": merged, "base_revision": 2})
    assert third.status_code == 302
    minutes.refresh_from_db()
    assert minutes.revision == 3
    assert "Point un, corrigé." in minutes.body and "Point trois, complété." in minutes.body


@pytest.mark.django_db
def test_a_text_with_conflict_markers_is_not_saved(client, table, coordinator):
    minutes = MinutesFactory(meeting__table=table, body=BASE)
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/edit/",
        {"body": "a\n<<<<<<< your version\nb\n=======\nc\n>>>>>>>\n", "base_revision": 1},
    )
    assert response.status_code == 200
    assert "conflict markers" in response.content.decode()
    assert Minutes.objects.get(pk=minutes.pk).revision == 1
