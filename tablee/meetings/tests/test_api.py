"""The meetings API: list, detail with agenda and ics_url, create, patch."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings.tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _auth(user):
    _token, raw = api_token_create(user=user, name="t")
    return {"Authorization": f"Bearer {raw}"}


def test_list_and_detail(client, member, meeting):
    AgendaItemFactory(meeting=meeting, title="Accueil", duration_minutes=10)
    headers = _auth(member)
    slug = meeting.table.slug
    listing = client.get(f"/api/v1/tables/{slug}/meetings", headers=headers).json()
    assert listing["count"] == 1
    detail = client.get(f"/api/v1/tables/{slug}/meetings/{meeting.pk}", headers=headers).json()
    assert detail["agenda"][0]["title"] == "Accueil"
    assert detail["planned_minutes"] == 10
    assert detail["ics_url"].endswith(f"/meetings/{meeting.pk}/invite.ics")
    assert detail["quorum"]["rule"] == "majority"


def test_create_is_for_coordinators(client, member, coordinator, table):
    url = f"/api/v1/tables/{table.slug}/meetings"
    body = {"title": "Rencontre API", "duration_minutes": 90}
    response = client.post(url, body, content_type="application/json", headers=_auth(member))
    assert response.status_code == 403
    response = client.post(url, body, content_type="application/json", headers=_auth(coordinator))
    assert response.status_code == 201
    assert response.json()["status"] == "planning"
    events = AuditEntry.objects.filter(table=table).values_list("event", flat=True)
    assert list(events) == [AuditEvent.MEETING_CREATED]


def test_patch_with_a_stale_revision_answers_409(client, coordinator, table):
    meeting = MeetingFactory(table=table)
    url = f"/api/v1/tables/{table.slug}/meetings/{meeting.pk}"
    headers = _auth(coordinator)
    ok = client.patch(
        url, {"title": "Nouveau", "revision": 0}, content_type="application/json", headers=headers
    )
    assert ok.status_code == 200 and ok.json()["title"] == "Nouveau"
    stale = client.patch(
        url, {"title": "Autre", "revision": 0}, content_type="application/json", headers=headers
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
