"""Attendance by seat and the quorum computed from the table's rule."""

import pytest
from django.urls import reverse

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry, AuditEvent
from tablee.meetings import selectors, services
from tablee.meetings.models import Attendance, MeetingRules, QuorumRule

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("rule", "total", "fixed", "required"),
    [
        (QuorumRule.MAJORITY, 10, None, 6),
        (QuorumRule.MAJORITY, 9, None, 5),
        (QuorumRule.HALF, 9, None, 5),
        (QuorumRule.HALF, 10, None, 5),
        (QuorumRule.TWO_THIRDS, 9, None, 6),
        (QuorumRule.TWO_THIRDS, 10, None, 7),
        (QuorumRule.FIXED, 10, 4, 4),
        (QuorumRule.NONE, 10, None, 0),
        (QuorumRule.MAJORITY, 0, None, 0),
    ],
)
def test_required_seats_for_each_rule(rule, total, fixed, required):
    assert selectors.required_for(rule=rule, total=total, fixed=fixed) == required


def test_majority_is_the_default_and_an_alternate_counts_for_the_seat(meeting, coordinator, seats):
    alternate = seats[0].holdings.get(position="alternate").person
    services.attendance_record(
        meeting=meeting,
        actor=coordinator,
        rows=[
            {"seat": seats[0], "present": True, "attended_by": alternate},
            {"seat": seats[1], "present": True, "attended_by": None},
            {"seat": seats[2], "present": False, "attended_by": None},
        ],
    )
    assert [e.event for e in AuditEntry.objects.all()] == [AuditEvent.ATTENDANCE_RECORDED]
    quorum = selectors.meeting_quorum(meeting=meeting)
    assert (quorum.present, quorum.total, quorum.required, quorum.met) == (2, 3, 2, True)
    assert Attendance.objects.get(seat=seats[0]).attended_by == alternate


def test_someone_else_cannot_attend_for_a_seat_and_nothing_is_saved(
    meeting, coordinator, seats, observer
):
    with pytest.raises(InvalidInput):
        services.attendance_record(
            meeting=meeting,
            actor=coordinator,
            rows=[
                {"seat": seats[1], "present": True, "attended_by": None},
                {"seat": seats[0], "present": True, "attended_by": observer},
            ],
        )
    assert not Attendance.objects.exists()
    assert not AuditEntry.objects.exists()


def test_rules_page_changes_the_rule_and_refuses_stale_versions(client, coordinator, table):
    client.force_login(coordinator)
    url = reverse("meetings:meeting-rules", args=[table.slug])
    assert client.post(url, {"quorum_rule": "fixed", "quorum_fixed": 3}).status_code == 302
    rules = MeetingRules.objects.get(table=table)
    assert (rules.quorum_rule, rules.quorum_fixed) == ("fixed", 3)
    response = client.post(url, {"quorum_rule": "half", "version": "2000-01-01T00:00:00"})
    assert "Someone else changed" in response.content.decode()
    assert AuditEntry.objects.filter(event=AuditEvent.MEETING_RULES_UPDATED).count() == 1


def test_attendance_page_saves_all_rows(client, coordinator, meeting, seats):
    client.force_login(coordinator)
    url = reverse("meetings:meeting-attendance", args=[meeting.table.slug, meeting.pk])
    page = client.get(url).content.decode()
    assert "Quorum not reached" in page
    response = client.post(
        url,
        {
            f"seat_{seats[0].pk}": "alternate",
            f"seat_{seats[1].pk}": "representative",
            "add_person": coordinator.pk,
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=meeting, present=True).count() == 3
    assert "Quorum reached" in client.get(url).content.decode()
