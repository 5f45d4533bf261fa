import pytest
from django.urls import reverse

from tablee.charters.models import CharterVersion
from tablee.charters.services import charter_answer_save
from tablee.charters.tests.helpers import assert_one_audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db


def test_saving_answers_bumps_the_revision_and_resets_status(coordinator, draft):
    draft.answers = {"why_added_value": {"text": "Avant", "status": "proposed"}}
    draft.save()
    saved = charter_answer_save(
        version=draft,
        actor=coordinator,
        answers={"why_added_value": "Après", "why_invitation": "  Parce que.  "},
        revision=0,
    )
    assert saved.revision == 1
    assert saved.answers["why_added_value"] == {"text": "Après", "status": "draft"}
    assert saved.answers["why_invitation"]["text"] == "Parce que."
    entry = assert_one_audit(AuditEvent.CHARTER_ANSWER_SAVED)
    assert entry.changes["old"]["why_added_value"] == "Avant"


def test_unchanged_answers_write_nothing(coordinator, draft):
    text = draft.answers["why_added_value"]["text"]
    charter_answer_save(
        version=draft, actor=coordinator, answers={"why_added_value": text}, revision=0
    )
    assert not AuditEntry.objects.exists()
    assert CharterVersion.objects.get().revision == 0


def test_unknown_question_is_refused(coordinator, draft):
    with pytest.raises(InvalidInput):
        charter_answer_save(version=draft, actor=coordinator, answers={"nope": "x"}, revision=0)


def test_a_stale_revision_is_refused_with_the_other_text(coordinator, draft):
    charter_answer_save(
        version=draft, actor=coordinator, answers={"why_added_value": "Leur texte"}, revision=0
    )
    with pytest.raises(Conflict) as error:
        charter_answer_save(
            version=draft, actor=coordinator, answers={"why_added_value": "Mon texte"}, revision=0
        )
    assert error.value.extra["theirs"] == {"why_added_value": "Leur texte"}
    assert error.value.extra["revision"] == 1
    assert CharterVersion.objects.get().answers["why_added_value"]["text"] == "Leur texte"


def test_step_page_shows_both_texts_on_conflict_and_saving_again_applies(
    client, table, coordinator, draft
):
    charter_answer_save(
        version=draft, actor=coordinator, answers={"why_added_value": "Leur texte"}, revision=0
    )
    client.force_login(coordinator)
    url = reverse("charters:draft-step", args=[table.slug, "why"])
    response = client.post(url, {"revision": 0, "why_added_value": "Mon texte"})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Leur texte" in body and "Mon texte" in body
    assert 'name="revision" value="1"' in body
    response = client.post(url, {"revision": 1, "why_added_value": "Mon texte"})
    assert response.status_code == 302
    assert CharterVersion.objects.get().answers["why_added_value"]["text"] == "Mon texte"


def test_save_and_continue_goes_to_the_next_step(client, table, coordinator, draft):
    client.force_login(coordinator)
    response = client.post(
        reverse("charters:draft-step", args=[table.slug, "why"]),
        {"revision": 0, "why_added_value": "Nouveau", "continue": "1"},
    )
    assert response["Location"] == reverse("charters:draft-step", args=[table.slug, "how"])


def test_members_read_the_step_but_cannot_save(client, table, member, draft):
    client.force_login(member)
    url = reverse("charters:draft-step", args=[table.slug, "why"])
    response = client.get(url)
    assert response.status_code == 200
    assert 'id="answers-form"' not in response.content.decode()
    assert client.post(url, {"revision": 0, "why_added_value": "x"}).status_code == 403


def test_unknown_step_is_404(client, table, coordinator, draft):
    client.force_login(coordinator)
    assert client.get(reverse("charters:draft-step", args=[table.slug, "nope"])).status_code == 404


def test_without_a_draft_the_step_goes_back_home(client, table, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("charters:draft-step", args=[table.slug, "why"]))
    assert response["Location"] == reverse("charters:charter-home", args=[table.slug])
