"""Creating, opening, closing polls and casting ballots: one audit entry each."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry, AuditEvent
from tablee.polls import services
from tablee.polls.errors import BallotAlreadyCast
from tablee.polls.models import Ballot, Participation, PollKind, PollStatus, VoterUnit
from tablee.polls.tests.factories import PollFactory, option_ids

pytestmark = pytest.mark.django_db


def _only_audit(event):
    assert AuditEntry.objects.count() == 1
    assert AuditEntry.objects.get().event == event


def test_create_makes_a_draft_with_its_options(table, coordinator):
    now = timezone.now()
    poll = services.poll_create(
        table=table,
        actor=coordinator,
        question="Quelles priorités?",
        kind=PollKind.DOTS,
        dots_per_voter=5,
        options=["Logement", "Transport", " ", "Sécurité alimentaire"],
        opens_at=now,
        closes_at=now + timedelta(days=3),
    )
    assert poll.status == PollStatus.DRAFT
    assert [o.label for o in poll.options.order_by("position")] == [
        "Logement",
        "Transport",
        "Sécurité alimentaire",
    ]
    _only_audit(AuditEvent.POLL_CREATED)


@pytest.mark.parametrize(
    ("options", "kind", "dots"),
    [
        (["Seule"], PollKind.SINGLE, None),
        (["A", "a"], PollKind.SINGLE, None),
        (["A", "B"], PollKind.DOTS, None),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(table, coordinator, options, kind, dots):
    now = timezone.now()
    with pytest.raises(InvalidInput):
        services.poll_create(
            table=table,
            actor=coordinator,
            question="Q",
            kind=kind,
            dots_per_voter=dots,
            options=options,
            opens_at=now,
            closes_at=now + timedelta(days=1),
        )
    assert not AuditEntry.objects.exists()


def test_create_refuses_closing_before_opening(table, coordinator):
    now = timezone.now()
    with pytest.raises(InvalidInput):
        services.poll_create(
            table=table,
            actor=coordinator,
            question="Q",
            kind=PollKind.SINGLE,
            options=["A", "B"],
            opens_at=now,
            closes_at=now,
        )


def test_open_and_close(table, coordinator):
    poll = PollFactory(table=table, status=PollStatus.DRAFT)
    services.poll_open(poll=poll, actor=coordinator)
    _only_audit(AuditEvent.POLL_OPENED)
    with pytest.raises(InvalidTransition):
        services.poll_open(poll=poll, actor=coordinator)
    AuditEntry.objects.all().delete()
    closed = services.poll_close(poll=poll, actor=coordinator)
    assert closed.status == PollStatus.CLOSED and closed.closed_at is not None
    _only_audit(AuditEvent.POLL_CLOSED)


def test_close_polls_command_closes_only_expired_polls(table):
    expired = PollFactory(
        table=table,
        opens_at=timezone.now() - timedelta(days=3),
        closes_at=timezone.now() - timedelta(hours=1),
    )
    running = PollFactory(table=table)
    call_command("close_polls")
    expired.refresh_from_db()
    running.refresh_from_db()
    assert expired.status == PollStatus.CLOSED
    assert expired.closed_at == expired.closes_at
    assert running.status == PollStatus.OPEN
    _only_audit(AuditEvent.POLL_CLOSED)


def test_cast_ballot_records_participation_and_ballot(table, member):
    poll = PollFactory(table=table)
    first = option_ids(poll)[0]
    participation = services.poll_cast_ballot(poll=poll, voter=member, choices=[first])
    assert participation.ballot.choices == [first]
    _only_audit(AuditEvent.BALLOT_CAST)


def test_one_vote_per_person(table, member):
    poll = PollFactory(table=table)
    first = option_ids(poll)[0]
    services.poll_cast_ballot(poll=poll, voter=member, choices=[first])
    with pytest.raises(BallotAlreadyCast):
        services.poll_cast_ballot(poll=poll, voter=member, choices=[first])
    assert Ballot.objects.count() == 1


def test_one_vote_per_seat_whoever_holds_it(table, member):
    from tablee.members.models import Position
    from tablee.members.tests.factories import SeatFactory, SeatHoldingFactory
    from tablee.tables.models import Role
    from tablee.tables.tests.factories import MembershipFactory

    seat = SeatFactory(table=table)
    SeatHoldingFactory(seat=seat, person=member)
    alternate = MembershipFactory(table=table, role=Role.MEMBER).user
    SeatHoldingFactory(seat=seat, person=alternate, position=Position.ALTERNATE)
    poll = PollFactory(table=table, voter_unit=VoterUnit.SEAT)
    first = option_ids(poll)[0]
    services.poll_cast_ballot(poll=poll, voter=alternate, choices=[first])
    with pytest.raises(BallotAlreadyCast):
        services.poll_cast_ballot(poll=poll, voter=member, choices=[first])
    assert Participation.objects.get().seat == seat


def test_per_seat_refuses_someone_without_a_seat(table, member):
    poll = PollFactory(table=table, voter_unit=VoterUnit.SEAT)
    with pytest.raises(InvalidTransition):
        services.poll_cast_ballot(poll=poll, voter=member, choices=[option_ids(poll)[0]])


def test_a_closed_poll_refuses_ballots(table, member):
    poll = PollFactory(table=table, status=PollStatus.CLOSED)
    with pytest.raises(InvalidTransition):
        services.poll_cast_ballot(poll=poll, voter=member, choices=[option_ids(poll)[0]])
    past = PollFactory(
        table=table,
        opens_at=timezone.now() - timedelta(days=2),
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    with pytest.raises(InvalidTransition):
        services.poll_cast_ballot(poll=past, voter=member, choices=[option_ids(past)[0]])
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    ("kind", "dots", "make_choices"),
    [
        (PollKind.SINGLE, None, lambda ids: [ids[0], ids[1]]),
        (PollKind.SINGLE, None, lambda ids: [999]),
        (PollKind.APPROVAL, None, lambda ids: []),
        (PollKind.RANKED, None, lambda ids: [ids[0], ids[0]]),
        (PollKind.DOTS, 3, lambda ids: {str(ids[0]): 2, str(ids[1]): 2}),
        (PollKind.DOTS, 3, lambda ids: {str(ids[0]): -1, str(ids[1]): 2}),
        (PollKind.DOTS, 3, lambda ids: {}),
        (PollKind.SCALE, None, lambda ids: {str(ids[0]): 6, str(ids[1]): 3, str(ids[2]): 3}),
        (PollKind.SCALE, None, lambda ids: {str(ids[0]): 3}),
    ],
)
def test_invalid_choices_are_refused(table, member, kind, dots, make_choices):
    poll = PollFactory(table=table, kind=kind, dots_per_voter=dots)
    with pytest.raises(InvalidInput):
        services.poll_cast_ballot(poll=poll, voter=member, choices=make_choices(option_ids(poll)))
    assert not Participation.objects.exists()
    assert not AuditEntry.objects.exists()


def test_dots_within_the_allowance_are_accepted(table, member):
    poll = PollFactory(table=table, kind=PollKind.DOTS, dots_per_voter=5)
    ids = option_ids(poll)
    participation = services.poll_cast_ballot(
        poll=poll, voter=member, choices={str(ids[0]): 3, str(ids[2]): 2, str(ids[1]): 0}
    )
    assert participation.ballot.choices == {str(ids[0]): 3, str(ids[2]): 2}
