"""The facilitation view: start, move through items, notes, end; the live view."""

import pytest
from django.urls import reverse

from tablee.core.errors import Conflict
from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import services
from tablee.meetings.models import MeetingStatus
from tablee.meetings.tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def test_moving_through_items_times_them(meeting, coordinator):
    first = AgendaItemFactory(meeting=meeting, position=1)
    second = AgendaItemFactory(meeting=meeting, position=2)
    services.meeting_start(meeting=meeting, actor=coordinator)
    services.agenda_item_set_current(meeting=meeting, actor=coordinator, item=first)
    services.agenda_item_set_current(meeting=meeting, actor=coordinator, item=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.started_at and first.ended_at
    assert second.started_at and not second.ended_at
    services.meeting_end(meeting=meeting, actor=coordinator)
    meeting.refresh_from_db()
    second.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and second.ended_at
    assert [e.event for e in AuditEntry.objects.order_by("id")] == [
        AuditEvent.MEETING_STARTED,
        AuditEvent.AGENDA_ITEM_UPDATED,
        AuditEvent.AGENDA_ITEM_UPDATED,
        AuditEvent.MEETING_ENDED,
    ]


def test_notes_refuse_a_stale_revision(meeting, coordinator):
    item = AgendaItemFactory(meeting=meeting)
    services.agenda_item_save_notes(item=item, actor=coordinator, notes="A", revision=0)
    with pytest.raises(Conflict):
        services.agenda_item_save_notes(item=item, actor=coordinator, notes="B", revision=0)
    item.refresh_from_db()
    assert item.notes == "A"
    assert AuditEntry.objects.filter(event=AuditEvent.AGENDA_NOTES_SAVED).count() == 1


def test_run_page_flow_and_projector(client, meeting, coordinator):
    item = AgendaItemFactory(meeting=meeting, title="Bilan")
    client.force_login(coordinator)
    url = reverse("meetings:meeting-run", args=[meeting.table.slug, meeting.pk])
    client.post(url, {"action": "start"})
    client.post(url, {"action": "current", "item": item.pk})
    page = client.get(url + "?projector=1").content.decode()
    assert "projector" in page and "Bilan" in page
    response = client.post(url, {"action": "notes", "item": item.pk, "notes": "Ok", "revision": 0})
    assert response.status_code == 302
    response = client.post(url, {"action": "notes", "item": item.pk, "notes": "X", "revision": 0})
    assert response.status_code == 422
    assert "Someone else changed" in response.content.decode()


def test_live_view_polls_with_htmx_and_works_without(client, meeting, member):
    AgendaItemFactory(meeting=meeting, title="Mot de bienvenue")
    client.force_login(member)
    url = reverse("meetings:meeting-live", args=[meeting.table.slug, meeting.pk])
    full = client.get(url).content.decode()
    assert 'hx-trigger="every 10s"' in full and "<html" in full
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Mot de bienvenue" in fragment and "<html" not in fragment
