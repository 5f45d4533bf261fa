"""The actions pages: list with filters (with and without HTMX), create from an origin,
edit with a revision check, status by the accountable person."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.actions.models import ActionItem, ActionStatus
from tablee.actions.tests.factories import ActionItemFactory
from tablee.members.tests.factories import SeatFactory
from tablee.minutes.tests.factories import DecisionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _url(table, suffix=""):
    return f"/t/{table.slug}/actions/{suffix}"


def test_list_filters_by_status_person_organization_and_overdue(
    client, table, coordinator, member
):
    today = timezone.localdate()
    seat = SeatFactory(table=table)
    late = ActionItemFactory(
        table=table,
        title="En retard",
        accountable_person=member,
        due_date=today - timedelta(days=2),
    )
    ActionItemFactory(
        table=table, title="Finie", status=ActionStatus.DONE, due_date=today - timedelta(days=9)
    )
    org = ActionItemFactory(
        table=table, title="Pour l'organisme", accountable_organization=seat.organization
    )
    client.force_login(coordinator)

    def titles(**params):
        response = client.get(_url(table), params)
        return [a.title for a in response.context["page"].object_list]

    assert titles(overdue="on") == ["En retard"]
    assert titles(status="done") == ["Finie"]
    assert titles(person=member.pk) == ["En retard"]
    assert titles(organization=seat.organization_id) == [org.title]
    assert len(titles()) == 3
    page = client.get(_url(table), {"overdue": "on"}).content.decode()
    assert "Overdue" in page and late.title in page


def test_list_with_and_without_htmx(client, table, member):
    ActionItemFactory(table=table, title="Une action")
    client.force_login(member)
    full = client.get(_url(table)).content.decode()
    assert "<html" in full and "Une action" in full
    fragment = client.get(_url(table), headers={"HX-Request": "true"}).content.decode()
    assert (
        "<html" not in fragment and 'id="action-results"' in fragment and "Une action" in fragment
    )


def test_empty_list_says_what_to_do(client, table, coordinator):
    client.force_login(coordinator)
    assert "Record what was agreed" in client.get(_url(table)).content.decode()


def test_create_from_a_decision_links_its_origin(client, table, coordinator, member):
    meeting = MeetingFactory(table=table)
    decision = DecisionFactory(meeting=meeting)
    client.force_login(coordinator)
    page = client.get(_url(table, "new/"), {"decision": decision.pk})
    assert page.status_code == 200 and f"decision #{decision.number}" in page.content.decode()
    response = client.post(
        _url(table, "new/"),
        {"title": "Suivre la décision", "accountable_person": member.pk, "decision": decision.pk},
    )
    assert response.status_code == 302
    action = ActionItem.objects.get()
    assert action.decision == decision and action.meeting == meeting
    detail = client.get(response["Location"]).content.decode()
    assert meeting.title in detail and f"Decision #{decision.number}" in detail


def test_create_with_an_origin_of_another_table_is_404(client, table, other_table, coordinator):
    foreign = MeetingFactory(table=other_table)
    client.force_login(coordinator)
    assert client.get(_url(table, "new/"), {"meeting": foreign.pk}).status_code == 404
    assert client.get(_url(table, "new/"), {"meeting": "abc"}).status_code == 404


def test_edit_conflict_keeps_both_versions_visible(client, table, coordinator):
    action = ActionItemFactory(table=table, title="Original")
    client.force_login(coordinator)
    client.post(_url(table, f"{action.pk}/edit/"), {"title": "Leur titre", "revision": 0})
    response = client.post(
        _url(table, f"{action.pk}/edit/"), {"title": "Mon titre", "revision": 0}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else changed this action" in page
    assert "Leur titre" in page and "Mon titre" in page
    action.refresh_from_db()
    assert action.title == "Leur titre"
    assert response.context["form"].data["revision"] == "1"


def test_status_by_the_accountable_person_with_and_without_htmx(client, table, member):
    action = ActionItemFactory(table=table, accountable_person=member)
    client.force_login(member)
    response = client.post(
        _url(table, f"{action.pk}/status/"), {"status": "in_progress", "revision": 0}
    )
    assert response.status_code == 302
    fragment = client.post(
        _url(table, f"{action.pk}/status/"),
        {"status": "done", "revision": 1},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert "<html" not in html and 'id="action-status"' in html and "Done" in html
    stale = client.post(
        _url(table, f"{action.pk}/status/"),
        {"status": "open", "revision": 0},
        headers={"HX-Request": "true"},
    )
    assert stale.status_code == 422
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_a_member_cannot_change_someone_elses_action(client, table, member, coordinator):
    action = ActionItemFactory(table=table, accountable_person=coordinator)
    client.force_login(member)
    assert client.post(_url(table, f"{action.pk}/status/"), {"status": "done"}).status_code == 403
    detail = client.get(_url(table, f"{action.pk}/")).content.decode()
    assert "Change the status" not in detail
