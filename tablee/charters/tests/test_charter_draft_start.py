import pytest
from django.urls import reverse

from tablee.charters.models import CharterStatus, CharterVersion
from tablee.charters.services import charter_draft_start
from tablee.charters.tests.helpers import assert_one_audit
from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_first_draft_is_version_one_and_empty(table, coordinator):
    draft = charter_draft_start(table=table, actor=coordinator)
    assert (draft.number, draft.status, draft.answers) == (1, CharterStatus.DRAFT, {})
    assert_one_audit(AuditEvent.CHARTER_DRAFT_STARTED)


def test_a_revision_copies_the_latest_adopted_version(table, coordinator, adopted):
    adopted.table_roles = ["networking"]
    adopted.accountabilities = [{"what": "Marché", "who": "La Marmite"}]
    adopted.save()
    draft = charter_draft_start(table=table, actor=coordinator)
    assert draft.number == 2
    assert draft.answers == adopted.answers
    assert draft.table_roles == ["networking"]
    assert draft.accountabilities == [{"what": "Marché", "who": "La Marmite"}]
    assert_one_audit(AuditEvent.CHARTER_DRAFT_STARTED)


def test_a_second_draft_is_refused(table, coordinator, draft):
    with pytest.raises(InvalidTransition):
        charter_draft_start(table=table, actor=coordinator)
    assert CharterVersion.objects.count() == 1


def test_start_page_confirms_then_opens_the_first_step(client, table, coordinator):
    client.force_login(coordinator)
    url = reverse("charters:draft-start", args=[table.slug])
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("charters:draft-step", args=[table.slug, "why"])
    assert CharterVersion.objects.get().number == 1


def test_start_page_with_a_draft_open_goes_to_the_draft(client, table, coordinator, draft):
    client.force_login(coordinator)
    response = client.post(reverse("charters:draft-start", args=[table.slug]))
    assert response.status_code == 302
    assert CharterVersion.objects.count() == 1
