"""Seats: creation, changes, holders, handover, closing; one audit entry each."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.members import services
from tablee.members.models import Position, Seat, SeatHolding
from tablee.members.tests.factories import (
    CommitteeMemberFactory,
    OrganizationFactory,
    SeatFactory,
    SeatHoldingFactory,
)
from tablee.tables.models import Invitation, Membership, Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _only_event(event):
    assert list(AuditEntry.objects.values_list("event", flat=True)) == [event]


def test_creating_a_seat_names_holders_and_gives_them_membership(table, coordinator):
    organization = OrganizationFactory()
    newcomer = UserFactory(email="nouvelle@example.org")
    AuditEntry.objects.all().delete()
    seat = services.seat_create(
        table=table,
        actor=coordinator,
        organization=organization,
        actor_type="strategic",
        powers=["decision"],
        contributions=["expertise", "expertise"],
        representative_email=newcomer.email,
    )
    assert seat.contributions == ["expertise"]
    assert Membership.objects.for_table(table).current().get(user=newcomer).role == Role.MEMBER
    assert SeatHolding.objects.get(seat=seat).person == newcomer
    _only_event(AuditEvent.SEAT_CREATED)


def test_unknown_choice_is_refused_and_nothing_is_written(table, coordinator):
    with pytest.raises(InvalidInput):
        services.seat_create(
            table=table,
            actor=coordinator,
            label="Siège citoyen",
            actor_type="tactical",
            powers=["rule-the-world"],
        )
    assert not Seat.objects.exists()


def test_a_seat_needs_an_organization_or_a_name(table, coordinator):
    with pytest.raises(InvalidInput):
        services.seat_create(table=table, actor=coordinator, actor_type="tactical")


def test_one_open_seat_per_organization(table, coordinator):
    seat = SeatFactory(table=table)
    with pytest.raises(InvalidInput):
        services.seat_create(
            table=table, actor=coordinator, organization=seat.organization, actor_type="tactical"
        )


def test_a_person_without_account_is_invited(table, coordinator):
    AuditEntry.objects.all().delete()
    seat = services.seat_create(
        table=table,
        actor=coordinator,
        label="Siège citoyen 1",
        actor_type="lived_experience",
        representative_email="inconnu@example.org",
        representative_name="Personne Inconnue",
    )
    assert Invitation.objects.for_table(table).pending().filter(email="inconnu@example.org")
    assert seat.holdings.get().person.full_name == "Personne Inconnue"
    events = sorted(AuditEntry.objects.values_list("event", flat=True))
    assert events == sorted([AuditEvent.SEAT_CREATED, AuditEvent.INVITATION_SENT])


def test_update_refuses_a_stale_version(table, coordinator):
    seat = SeatFactory(table=table)
    stale = seat.updated_at - timedelta(seconds=5)
    with pytest.raises(Conflict):
        services.seat_update(
            seat=seat,
            actor=coordinator,
            organization=seat.organization,
            actor_type="strategic",
            read_at_version=stale,
        )
    seat.refresh_from_db()
    assert seat.actor_type == "tactical"


def test_update_changes_the_seat(table, coordinator):
    seat = SeatFactory(table=table)
    AuditEntry.objects.all().delete()
    services.seat_update(
        seat=seat,
        actor=coordinator,
        organization=seat.organization,
        actor_type="strategic",
        expected_roles=["relay"],
        read_at_version=seat.updated_at,
    )
    seat.refresh_from_db()
    assert seat.actor_type == "strategic" and seat.expected_roles == ["relay"]
    _only_event(AuditEvent.SEAT_UPDATED)
    assert AuditEntry.objects.get().changes["new"]["actor_type"] == "strategic"


def test_assigning_a_held_position_is_refused(table, coordinator, member):
    holding = SeatHoldingFactory(seat__table=table, person=member)
    with pytest.raises(InvalidTransition):
        services.seat_assign_holder(
            seat=holding.seat,
            actor=coordinator,
            position=Position.REPRESENTATIVE,
            email="autre@example.org",
        )


def test_assign_holder(table, coordinator, member):
    seat = SeatFactory(table=table)
    AuditEntry.objects.all().delete()
    services.seat_assign_holder(
        seat=seat, actor=coordinator, position=Position.ALTERNATE, email=member.email
    )
    assert seat.holdings.get().position == Position.ALTERNATE
    _only_event(AuditEvent.SEAT_HOLDER_ASSIGNED)


def test_handover_keeps_history_and_ends_the_leavers_membership(table, coordinator, member):
    start = timezone.localdate() - timedelta(days=300)
    holding = SeatHoldingFactory(seat__table=table, person=member, started_on=start)
    successor = UserFactory(email="relève@example.org")
    AuditEntry.objects.all().delete()
    on = timezone.localdate() - timedelta(days=10)
    services.seat_hand_over(
        seat=holding.seat,
        actor=coordinator,
        position=Position.REPRESENTATIVE,
        email=successor.email,
        on_date=on,
    )
    history = list(SeatHolding.objects.filter(seat=holding.seat).order_by("started_on"))
    assert [(h.person, h.ended_on) for h in history] == [(member, on), (successor, None)]
    assert not Membership.objects.for_table(table).current().filter(user=member).exists()
    assert Membership.objects.for_table(table).current().filter(user=successor).exists()
    _only_event(AuditEvent.SEAT_HANDED_OVER)


def test_handover_keeps_membership_of_someone_on_a_committee(table, coordinator, member):
    holding = SeatHoldingFactory(seat__table=table, person=member)
    CommitteeMemberFactory(committee__table=table, person=member)
    services.seat_hand_over(
        seat=holding.seat,
        actor=coordinator,
        position=Position.REPRESENTATIVE,
        email=UserFactory().email,
    )
    assert Membership.objects.for_table(table).current().filter(user=member).exists()


def test_handover_keeps_a_coordinator(table, coordinator):
    holding = SeatHoldingFactory(seat__table=table, person=coordinator)
    services.seat_hand_over(
        seat=holding.seat,
        actor=coordinator,
        position=Position.REPRESENTATIVE,
        email=UserFactory().email,
    )
    assert Membership.objects.for_table(table).current().filter(user=coordinator).exists()


def test_end_holder_leaves_the_position_vacant(table, coordinator, member):
    holding = SeatHoldingFactory(seat__table=table, person=member)
    SeatHoldingFactory(seat__table=table, person=member)  # another seat keeps them
    AuditEntry.objects.all().delete()
    services.seat_end_holder(
        seat=holding.seat, actor=coordinator, position=Position.REPRESENTATIVE
    )
    holding.refresh_from_db()
    assert holding.ended_on == timezone.localdate()
    assert Membership.objects.for_table(table).current().filter(user=member).exists()
    _only_event(AuditEvent.SEAT_HOLDER_ENDED)


def test_close_and_reopen(table, coordinator, member):
    holding = SeatHoldingFactory(seat__table=table, person=member)
    AuditEntry.objects.all().delete()
    services.seat_close(seat=holding.seat, actor=coordinator)
    _only_event(AuditEvent.SEAT_CLOSED)
    holding.refresh_from_db()
    assert holding.ended_on is not None
    with pytest.raises(InvalidTransition):
        services.seat_close(seat=holding.seat, actor=coordinator)
    AuditEntry.objects.all().delete()
    services.seat_reopen(seat=holding.seat, actor=coordinator)
    _only_event(AuditEvent.SEAT_REOPENED)


def test_reopen_refused_when_the_organization_has_another_open_seat(table, coordinator):
    seat = SeatFactory(table=table)
    services.seat_close(seat=seat, actor=coordinator)
    SeatFactory(table=table, organization=seat.organization)
    with pytest.raises(InvalidTransition):
        services.seat_reopen(seat=seat, actor=coordinator)


def test_membership_created_for_observer_is_not_duplicated(table, coordinator, observer):
    seat = SeatFactory(table=table)
    services.seat_assign_holder(
        seat=seat, actor=coordinator, position=Position.REPRESENTATIVE, email=observer.email
    )
    assert Membership.objects.for_table(table).current().filter(user=observer).count() == 1
    MembershipFactory  # noqa: B018 - imported for other modules' symmetry
