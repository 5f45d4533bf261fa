"""A table's meetings never show through another table, on pages or in the API."""

import pytest
from django.urls import reverse

from tablee.accounts.services import api_token_create
from tablee.meetings.tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_of_another_table_gets_404(client, other_coordinator, meeting):
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(other_coordinator)
    slug = meeting.table.slug
    for url in [
        reverse("meetings:meeting-list", args=[slug]),
        reverse("meetings:meeting-detail", args=[slug, meeting.pk]),
        reverse("meetings:meeting-run", args=[slug, meeting.pk]),
        reverse("meetings:meeting-ics", args=[slug, meeting.pk]),
        reverse("meetings:item-edit", args=[slug, meeting.pk, item.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_a_meeting_cannot_be_reached_through_ones_own_table(
    client, other_coordinator, other_table, meeting
):
    client.force_login(other_coordinator)
    url = reverse("meetings:meeting-detail", args=[other_table.slug, meeting.pk])
    assert client.get(url).status_code == 404
    url = reverse("meetings:meeting-cancel", args=[other_table.slug, meeting.pk])
    assert client.post(url).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"


def test_api_answers_404_to_another_tables_coordinator(client, other_coordinator, meeting):
    _token, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    slug = meeting.table.slug
    assert client.get(f"/api/v1/tables/{slug}/meetings", headers=headers).status_code == 404
    response = client.get(f"/api/v1/tables/{slug}/meetings/{meeting.pk}", headers=headers)
    assert response.status_code == 404
    other = other_coordinator.memberships.first().table.slug
    response = client.get(f"/api/v1/tables/{other}/meetings/{meeting.pk}", headers=headers)
    assert response.status_code == 404
