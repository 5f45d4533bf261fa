"""Adopted minutes never change: every service refuses, the API answers 409."""

import pytest

from tablee.accounts.services import api_token_create
from tablee.core.errors import InvalidTransition
from tablee.core.models import AuditEntry
from tablee.minutes import services
from tablee.minutes.tests.factories import DecisionFactory, MinutesFactory, adopted_minutes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "call",
    [
        lambda m, u: services.minutes_save(
            minutes=m, actor=u, body="Changé", base_revision=m.revision
        ),
        lambda m, u: services.minutes_circulate(minutes=m, actor=u),
        lambda m, u: services.minutes_comment_add(minutes=m, actor=u, body="Un commentaire"),
        lambda m, u: services.minutes_adopt(minutes=m, actor=u, decision=m.adopted_by_decision),
    ],
    ids=["save", "circulate", "comment", "adopt-again"],
)
def test_every_service_refuses_adopted_minutes(table, coordinator, call):
    minutes = adopted_minutes(table=table)
    body = minutes.body
    with pytest.raises(InvalidTransition) as error:
        call(minutes, coordinator)
    assert "erratum" in error.value.message
    minutes.refresh_from_db()
    assert minutes.body == body
    assert not AuditEntry.objects.exists()


def _bearer(user):
    _token, raw = api_token_create(user=user, name="test")
    return {"Authorization": f"Bearer {raw}"}


def _url(minutes):
    return f"/api/v1/tables/{minutes.table.slug}/meetings/{minutes.meeting_id}/minutes"


def test_api_patch_on_adopted_minutes_answers_409_with_a_clear_message(client, table, coordinator):
    minutes = adopted_minutes(table=table)
    response = client.patch(
        _url(minutes),
        {"body": "Autre texte", "base_revision": minutes.revision},
        content_type="application/json",
        headers=_bearer(coordinator),
    )
    assert response.status_code == 409
    data = response.json()
    assert data["code"] == "invalid_transition"
    assert "adopted" in data["message"] and "erratum" in data["message"]


def test_api_patch_saves_a_draft_and_refuses_a_stale_revision(client, table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    headers = _bearer(coordinator)
    response = client.patch(
        _url(minutes),
        {"body": "Texte 2", "base_revision": 1},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 200, response.content
    assert response.json()["revision"] == 2
    stale = client.patch(
        _url(minutes),
        {"body": "Texte 3", "base_revision": 1},
        content_type="application/json",
        headers=headers,
    )
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"


def test_api_get_and_member_cannot_patch(client, table, member):
    minutes = MinutesFactory(meeting__table=table)
    headers = _bearer(member)
    response = client.get(_url(minutes), headers=headers)
    assert response.status_code == 200
    assert response.json()["body"] == minutes.body
    response = client.patch(
        _url(minutes),
        {"body": "x", "base_revision": 1},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 403


def test_adopted_minutes_pages_hide_editing_and_refuse_it(client, table, coordinator):
    minutes = adopted_minutes(table=table)
    DecisionFactory  # noqa: B018 - factories imported for symmetry
    client.force_login(coordinator)
    page = client.get(f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/")
    assert page.status_code == 200
    assert b"/edit/" not in page.content and b"/errata/new/" in page.content
    assert (
        client.get(f"/t/{table.slug}/meetings/{minutes.meeting_id}/minutes/edit/").status_code
        == 403
    )
