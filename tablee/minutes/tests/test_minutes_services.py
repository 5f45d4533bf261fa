"""Each minutes service changes what it says and writes exactly one audit entry."""

from datetime import timedelta

import pytest
from django.core import mail

from tablee.actions.tests.factories import ActionItemFactory
from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.decisions.models import Outcome
from tablee.meetings.models import Reply
from tablee.members.tests.factories import SeatFactory
from tablee.minutes import services
from tablee.minutes.models import MinutesRevision, MinutesStatus
from tablee.minutes.tests.factories import (
    AgendaItemFactory,
    AttendanceFactory,
    DecisionFactory,
    MeetingFactory,
    MinutesFactory,
    adopted_minutes,
)

pytestmark = pytest.mark.django_db


def _only_audit(event):
    entries = list(AuditEntry.objects.all())
    assert [e.event for e in entries] == [event]
    return entries[0]


def test_generated_draft_gathers_items_notes_attendance_decisions_and_actions(
    table, coordinator, member
):
    meeting = MeetingFactory(table=table, title="Rencontre de mars")
    item = AgendaItemFactory(
        meeting=meeting, title="Sécurité alimentaire", notes="On a parlé du frigo."
    )
    AgendaItemFactory(meeting=meeting, title="Point refusé", is_accepted=False)
    seat = SeatFactory(table=table, organization__name="CLSC du Quartier")
    AttendanceFactory(meeting=meeting, seat=seat, person=member, attended_by=member, present=True)
    AttendanceFactory(meeting=meeting, person__full_name="Paul Absent", present=False)
    AttendanceFactory(
        meeting=meeting, person__full_name="Rita Regrets", present=None, reply=Reply.ABSENT
    )
    DecisionFactory(meeting=meeting, agenda_item=item, wording="Créer un comité frigo.")
    DecisionFactory(meeting=meeting, wording="Tenir une assemblée en juin.")
    ActionItemFactory(table=table, meeting=meeting, agenda_item=item, title="Écrire au CIUSSS")

    minutes = services.minutes_generate_draft(meeting=meeting, actor=coordinator)

    body = minutes.body
    assert "Rencontre de mars" in body and table.name in body
    assert "1. Sécurité alimentaire" in body and "On a parlé du frigo." in body
    assert "Point refusé" not in body
    assert f"CLSC du Quartier ({member.display_name})" in body
    assert "Paul Absent" in body and "Rita Regrets" in body
    assert "Créer un comité frigo." in body and "Tenir une assemblée en juin." in body
    assert "Écrire au CIUSSS" in body
    assert minutes.revision == 1
    assert MinutesRevision.objects.get(minutes=minutes).body == body
    _only_audit(AuditEvent.MINUTES_DRAFTED)


def test_a_meeting_gets_one_draft_only(table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    with pytest.raises(InvalidTransition):
        services.minutes_generate_draft(meeting=minutes.meeting, actor=coordinator)
    assert not AuditEntry.objects.exists()


def test_saving_stores_a_revision_and_bumps_the_number(table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    saved = services.minutes_save(
        minutes=minutes, actor=coordinator, body="Nouveau texte", base_revision=1
    )
    assert saved.revision == 2 and saved.body == "Nouveau texte\n"
    assert list(
        MinutesRevision.objects.filter(minutes=minutes).values_list("number", flat=True)
    ) == [2, 1]
    _only_audit(AuditEvent.MINUTES_SAVED)


def test_an_empty_text_is_refused_and_nothing_changes(table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    with pytest.raises(InvalidInput):
        services.minutes_save(minutes=minutes, actor=coordinator, body="   ", base_revision=1)
    minutes.refresh_from_db()
    assert minutes.revision == 1
    assert not AuditEntry.objects.exists()


def test_circulating_tells_the_table_by_email(
    table, coordinator, member, observer, other_coordinator, django_capture_on_commit_callbacks
):
    minutes = MinutesFactory(meeting__table=table)
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_circulate(minutes=minutes, actor=coordinator)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.CIRCULATED and minutes.circulated_at
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([coordinator.email, member.email, observer.email])
    assert all("List-Unsubscribe" in m.extra_headers for m in mail.outbox)
    _only_audit(AuditEvent.MINUTES_CIRCULATED)


def test_members_comment(table, member):
    minutes = MinutesFactory(meeting__table=table)
    comment = services.minutes_comment_add(
        minutes=minutes, actor=member, body="Il manque un point."
    )
    assert comment.author == member and comment.minutes == minutes
    _only_audit(AuditEvent.MINUTES_COMMENTED)


def test_adoption_by_a_decision_of_a_later_meeting(table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    later = MeetingFactory(table=table, starts_at=minutes.meeting.starts_at + timedelta(days=30))
    decision = DecisionFactory(meeting=later)
    adopted = services.minutes_adopt(minutes=minutes, actor=coordinator, decision=decision)
    assert adopted.status == MinutesStatus.ADOPTED
    assert adopted.adopted_by_decision == decision and adopted.adopted_at
    _only_audit(AuditEvent.MINUTES_ADOPTED)


@pytest.mark.parametrize("days", [0, -10])
def test_a_decision_of_the_same_or_an_earlier_meeting_cannot_adopt(table, coordinator, days):
    minutes = MinutesFactory(meeting__table=table)
    meeting = (
        minutes.meeting
        if days == 0
        else MeetingFactory(
            table=table, starts_at=minutes.meeting.starts_at + timedelta(days=days)
        )
    )
    decision = DecisionFactory(meeting=meeting)
    with pytest.raises(InvalidInput):
        services.minutes_adopt(minutes=minutes, actor=coordinator, decision=decision)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.DRAFT
    assert not AuditEntry.objects.exists()


def test_a_rejected_decision_cannot_adopt(table, coordinator):
    minutes = MinutesFactory(meeting__table=table)
    later = MeetingFactory(table=table, starts_at=minutes.meeting.starts_at + timedelta(days=30))
    decision = DecisionFactory(meeting=later, outcome=Outcome.REJECTED)
    with pytest.raises(InvalidInput):
        services.minutes_adopt(minutes=minutes, actor=coordinator, decision=decision)


def test_errata_are_recorded_on_adopted_minutes_only(table, coordinator):
    draft = MinutesFactory(meeting__table=table)
    with pytest.raises(InvalidTransition):
        services.erratum_record(minutes=draft, actor=coordinator, text="Corriger le nom.")
    minutes = adopted_minutes(table=table)
    body = minutes.body
    erratum = services.erratum_record(
        minutes=minutes,
        actor=coordinator,
        text="Lire « Mme Roy » au lieu de « Mme Ray ».",
        decision=minutes.adopted_by_decision,
    )
    minutes.refresh_from_db()
    assert minutes.body == body
    assert list(minutes.errata.all()) == [erratum]
    _only_audit(AuditEvent.ERRATUM_RECORDED)
