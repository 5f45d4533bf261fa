import pytest
from django.urls import reverse

from tablee.charters.models import CharterComment
from tablee.charters.services import charter_comment_add
from tablee.charters.tests.helpers import assert_one_audit
from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry, AuditEvent

pytestmark = pytest.mark.django_db


def test_a_member_comments_an_answer(member, draft):
    comment = charter_comment_add(
        version=draft, actor=member, question_key="why_added_value", body=" Bonne idée "
    )
    assert (comment.body, comment.author) == ("Bonne idée", member)
    assert comment.table_id == draft.table_id
    assert_one_audit(AuditEvent.CHARTER_COMMENTED)


def test_an_empty_comment_is_refused(member, draft):
    with pytest.raises(InvalidInput):
        charter_comment_add(version=draft, actor=member, question_key="why_added_value", body=" ")
    assert not AuditEntry.objects.exists()


def test_comment_without_htmx_redirects_to_the_answer(client, table, member, draft):
    client.force_login(member)
    response = client.post(
        reverse("charters:comment-add", args=[table.slug, "why_added_value"]), {"body": "Oui"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#q-why_added_value")
    assert CharterComment.objects.get().body == "Oui"


def test_comment_with_htmx_returns_the_thread(client, table, member, draft):
    client.force_login(member)
    response = client.post(
        reverse("charters:comment-add", args=[table.slug, "why_added_value"]),
        {"body": "Avec <b>HTMX</b>"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="comments-why_added_value"')
    assert "Avec &lt;b&gt;HTMX&lt;/b&gt;" in body
    assert "<html" not in body


def test_empty_comment_with_htmx_answers_422(client, table, member, draft):
    client.force_login(member)
    response = client.post(
        reverse("charters:comment-add", args=[table.slug, "why_added_value"]),
        {"body": ""},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert not CharterComment.objects.exists()


def test_comments_show_under_the_answer(client, table, observer, member, draft):
    charter_comment_add(version=draft, actor=member, question_key="why_added_value", body="Vu")
    client.force_login(observer)
    response = client.get(reverse("charters:draft-step", args=[table.slug, "why"]))
    body = response.content.decode()
    assert "Vu" in body
    assert "Add the comment" not in body  # observers only read


def test_observers_cannot_comment(client, table, observer, draft):
    client.force_login(observer)
    response = client.post(
        reverse("charters:comment-add", args=[table.slug, "why_added_value"]), {"body": "Non"}
    )
    assert response.status_code == 403
