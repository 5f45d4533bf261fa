import pytest
from django.urls import reverse

from tablee.charters.models import CharterStatus, CharterVersion
from tablee.charters.services import (
    charter_adopt,
    charter_answer_propose,
    charter_answer_save,
    charter_choices_save,
    charter_comment_add,
)
from tablee.charters.tests.helpers import assert_one_audit
from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db


def test_adoption_freezes_the_draft(coordinator, draft):
    version = charter_adopt(version=draft, actor=coordinator, adoption_note="Plénière")
    assert version.status == CharterStatus.ADOPTED
    assert version.adopted_by == coordinator and version.adopted_at is not None
    assert version.adoption_note == "Plénière"
    assert_one_audit(AuditEvent.CHARTER_ADOPTED)


@pytest.mark.parametrize(
    "change",
    [
        lambda v, u: charter_adopt(version=v, actor=u),
        lambda v, u: charter_answer_save(
            version=v, actor=u, answers={"why_added_value": "x"}, revision=None
        ),
        lambda v, u: charter_answer_propose(version=v, actor=u, question_key="why_added_value"),
        lambda v, u: charter_comment_add(
            version=v, actor=u, question_key="why_added_value", body="x"
        ),
        lambda v, u: charter_choices_save(
            version=v,
            actor=u,
            table_roles=["networking"],
            non_negotiables=[],
            co_constructed=[],
            accountabilities=[],
            needed_sectors=[],
            needed_actor_types=[],
            revision=None,
        ),
    ],
    ids=["adopt", "answer_save", "answer_propose", "comment_add", "choices_save"],
)
def test_an_adopted_version_never_changes(coordinator, adopted, change):
    before = CharterVersion.objects.values().get(pk=adopted.pk)
    with pytest.raises(InvalidTransition):
        change(adopted, coordinator)
    assert CharterVersion.objects.values().get(pk=adopted.pk) == before
    assert not AuditEntry.objects.exists()


def test_adopt_page_warns_about_unproposed_answers_without_blocking(
    client, table, coordinator, draft
):
    client.force_login(coordinator)
    url = reverse("charters:draft-adopt", args=[table.slug])
    page = client.get(url).content.decode()
    assert "not proposed for adoption yet" in page
    response = client.post(url, {"adoption_note": "Consensus"})
    assert response.status_code == 302
    assert CharterVersion.objects.get().status == CharterStatus.ADOPTED


def test_adopt_page_refuses_a_too_long_note(client, table, coordinator, draft):
    client.force_login(coordinator)
    response = client.post(
        reverse("charters:draft-adopt", args=[table.slug]), {"adoption_note": "x" * 301}
    )
    assert response.status_code == 200
    assert CharterVersion.objects.get().status == CharterStatus.DRAFT


def test_members_cannot_adopt(client, table, member, draft):
    client.force_login(member)
    assert client.post(reverse("charters:draft-adopt", args=[table.slug])).status_code == 403
    assert CharterVersion.objects.get().status == CharterStatus.DRAFT
