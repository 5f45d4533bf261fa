"""The minutes pages: draft, comment (with and without HTMX), circulate, adopt, erratum."""

from datetime import timedelta

import pytest

from tablee.core.models import AuditEntry, AuditEvent
from tablee.minutes.models import Minutes, MinutesStatus
from tablee.minutes.tests.factories import (
    DecisionFactory,
    MeetingFactory,
    MinutesFactory,
    adopted_minutes,
)

pytestmark = pytest.mark.django_db


def _base(table, meeting_id):
    return f"/t/{table.slug}/meetings/{meeting_id}/minutes/"


def test_empty_state_offers_a_draft_to_the_coordination(client, table, coordinator, member):
    meeting = MeetingFactory(table=table)
    client.force_login(member)
    assert "come back later" in client.get(_base(table, meeting.pk)).content.decode()
    client.force_login(coordinator)
    page = client.get(_base(table, meeting.pk)).content.decode()
    assert "Write a first draft" in page
    response = client.post(_base(table, meeting.pk) + "generate/")
    assert response.status_code == 302 and response["Location"].endswith("/edit/")
    assert Minutes.objects.get(meeting=meeting).revision == 1


def test_comment_without_htmx_redirects(client, table, member):
    minutes = MinutesFactory(meeting__table=table)
    client.force_login(member)
    response = client.post(_base(table, minutes.meeting_id) + "comments/", {"body": "Bien."})
    assert response.status_code == 302
    assert minutes.comments.get().body == "Bien."


def test_comment_with_htmx_returns_the_comments_fragment(client, table, member):
    minutes = MinutesFactory(meeting__table=table)
    client.force_login(member)
    response = client.post(
        _base(table, minutes.meeting_id) + "comments/",
        {"body": "Bien."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="panel" id="minutes-comments"')
    assert "Bien." in html and "<html" not in html
    empty = client.post(
        _base(table, minutes.meeting_id) + "comments/",
        {"body": ""},
        headers={"HX-Request": "true"},
    )
    assert empty.status_code == 422


def test_detail_with_and_without_htmx(client, table, member):
    minutes = MinutesFactory(meeting__table=table)
    client.force_login(member)
    full = client.get(_base(table, minutes.meeting_id))
    assert "<html" in full.content.decode()
    fragment = client.get(_base(table, minutes.meeting_id), headers={"HX-Request": "true"})
    assert (
        "<html" not in fragment.content.decode()
        and "minutes-comments" in fragment.content.decode()
    )


def test_observer_reads_but_cannot_comment(client, table, observer):
    minutes = MinutesFactory(meeting__table=table)
    client.force_login(observer)
    page = client.get(_base(table, minutes.meeting_id)).content.decode()
    assert "Add my comment" not in page
    assert (
        client.post(_base(table, minutes.meeting_id) + "comments/", {"body": "x"}).status_code
        == 403
    )


def test_circulate_and_adopt_pages(client, table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    later = MeetingFactory(table=table, starts_at=minutes.meeting.starts_at + timedelta(days=30))
    earlier_decision = DecisionFactory(meeting=minutes.meeting)
    decision = DecisionFactory(meeting=later)
    client.force_login(coordinator)
    assert client.post(_base(table, minutes.meeting_id) + "circulate/").status_code == 302
    page = client.get(_base(table, minutes.meeting_id) + "adopt/")
    choices = list(page.context["form"].fields["decision"].queryset)
    assert choices == [decision] and earlier_decision not in choices
    response = client.post(_base(table, minutes.meeting_id) + "adopt/", {"decision": decision.pk})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.ADOPTED
    events = list(AuditEntry.objects.values_list("event", flat=True).order_by("id"))
    assert events == [AuditEvent.MINUTES_CIRCULATED, AuditEvent.MINUTES_ADOPTED]


def test_adopt_page_explains_when_no_later_decision_exists(client, table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    client.force_login(coordinator)
    page = client.get(_base(table, minutes.meeting_id) + "adopt/").content.decode()
    assert "No adopted decision of a later meeting" in page


def test_erratum_page_records_and_lists_history(client, table, coordinator):
    minutes = adopted_minutes(table=table)
    client.force_login(coordinator)
    response = client.post(
        _base(table, minutes.meeting_id) + "errata/new/", {"text": "Corriger la date."}
    )
    assert response.status_code == 302
    client.post(_base(table, minutes.meeting_id) + "errata/new/", {"text": "Corriger un nom."})
    page = client.get(_base(table, minutes.meeting_id)).content.decode()
    assert page.index("Corriger la date.") < page.index("Corriger un nom.")


def test_unknown_meeting_is_404(client, table, coordinator):
    client.force_login(coordinator)
    assert client.get(_base(table, 999999)).status_code == 404
