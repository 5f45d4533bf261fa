"""Each actions service does what it says and writes exactly one audit entry."""

from datetime import date

import pytest
from django.core import mail

from tablee.actions import services
from tablee.actions.models import ActionStatus, DigestFrequency, NotificationPreference
from tablee.actions.tests.factories import ActionItemFactory
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.minutes.tests.factories import AgendaItemFactory, DecisionFactory

pytestmark = pytest.mark.django_db


def _only_audit(event):
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [event]


def test_create_links_the_origin_and_tells_the_accountable_person(
    table, coordinator, member, django_capture_on_commit_callbacks
):
    item = AgendaItemFactory(meeting__table=table)
    decision = DecisionFactory(meeting=item.meeting)
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            table=table,
            actor=coordinator,
            title="  Écrire à la Ville  ",
            accountable_person=member,
            due_date=date(2030, 1, 15),
            agenda_item=item,
            decision=decision,
        )
    assert action.title == "Écrire à la Ville"
    assert action.meeting == item.meeting and action.agenda_item == item
    assert action.decision == decision
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Écrire à la Ville" in mail.outbox[0].subject
    _only_audit(AuditEvent.ACTION_CREATED)


def test_create_refuses_a_person_outside_the_table(table, coordinator, other_coordinator):
    with pytest.raises(InvalidInput):
        services.action_create(
            table=table, actor=coordinator, title="X", accountable_person=other_coordinator
        )
    with pytest.raises(InvalidInput):
        services.action_create(table=table, actor=coordinator, title="  ")
    assert not AuditEntry.objects.exists()


def test_update_with_the_current_revision(table, coordinator, member):
    action = ActionItemFactory(table=table)
    updated = services.action_update(
        action=action,
        actor=coordinator,
        title="Nouveau titre",
        description="",
        accountable_person=member,
        accountable_organization=None,
        due_date=None,
        base_revision=0,
    )
    assert updated.title == "Nouveau titre" and updated.revision == 1
    _only_audit(AuditEvent.ACTION_UPDATED)


def test_update_from_a_stale_revision_is_refused(table, coordinator):
    action = ActionItemFactory(table=table, revision=3, title="Avant")
    with pytest.raises(Conflict):
        services.action_update(
            action=action,
            actor=coordinator,
            title="Après",
            description="",
            accountable_person=None,
            accountable_organization=None,
            due_date=None,
            base_revision=2,
        )
    action.refresh_from_db()
    assert action.title == "Avant"
    assert not AuditEntry.objects.exists()


def test_set_status_records_when_it_was_done(table, member):
    action = ActionItemFactory(table=table, accountable_person=member)
    done = services.action_set_status(action=action, actor=member, status=ActionStatus.DONE)
    assert done.status == ActionStatus.DONE and done.done_at is not None
    _only_audit(AuditEvent.ACTION_STATUS_CHANGED)
    with pytest.raises(InvalidTransition):
        services.action_set_status(action=action, actor=member, status=ActionStatus.DONE)
    with pytest.raises(InvalidInput):
        services.action_set_status(action=action, actor=member, status="bogus")


def test_preference_set_and_unsubscribe(member):
    services.notification_preference_set(
        user=member, actor=member, frequency=DigestFrequency.WEEKLY
    )
    assert NotificationPreference.objects.get(user=member).frequency == DigestFrequency.WEEKLY
    _only_audit(AuditEvent.NOTIFICATIONS_UPDATED)
    AuditEntry.objects.all().delete()
    services.notifications_unsubscribe(user=member)
    assert NotificationPreference.objects.get(user=member).frequency == DigestFrequency.NEVER
    _only_audit(AuditEvent.NOTIFICATIONS_UPDATED)
    with pytest.raises(InvalidInput):
        services.notification_preference_set(user=member, actor=member, frequency="hourly")
