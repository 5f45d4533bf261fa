import pytest
from django.urls import reverse

from tablee.charters.models import CharterVersion
from tablee.charters.services import charter_answer_propose
from tablee.charters.tests.helpers import assert_one_audit
from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_proposing_marks_the_answer(coordinator, draft):
    version = charter_answer_propose(
        version=draft, actor=coordinator, question_key="why_added_value"
    )
    assert version.answers["why_added_value"]["status"] == "proposed"
    assert_one_audit(AuditEvent.CHARTER_ANSWER_PROPOSED)


def test_an_empty_answer_cannot_be_proposed(coordinator, draft):
    with pytest.raises(InvalidInput):
        charter_answer_propose(version=draft, actor=coordinator, question_key="dim_vision")


def test_proposing_twice_is_refused(coordinator, draft):
    charter_answer_propose(version=draft, actor=coordinator, question_key="why_added_value")
    with pytest.raises(InvalidTransition):
        charter_answer_propose(version=draft, actor=coordinator, question_key="why_added_value")


def test_propose_page_confirms_then_redirects_to_the_answer(client, table, coordinator, draft):
    client.force_login(coordinator)
    url = reverse("charters:answer-propose", args=[table.slug, "why_added_value"])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith("#q-why_added_value")
    assert CharterVersion.objects.get().answers["why_added_value"]["status"] == "proposed"


def test_propose_page_shows_the_refusal(client, table, coordinator, draft):
    client.force_login(coordinator)
    response = client.post(reverse("charters:answer-propose", args=[table.slug, "dim_vision"]))
    assert response.status_code == 200
    assert "Write an answer before proposing it." in response.content.decode()
