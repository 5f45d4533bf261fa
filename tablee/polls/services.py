"""Writes of polls: create, open, close, cast a ballot.

Secret ballots: the ballot row carries no link to its voter, and its
timestamps are set to the poll's opening time, so neither a screen, an export
nor the database's timestamps tie a choice to the moment someone voted.
"""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.polls import selectors
from tablee.polls.errors import BallotAlreadyCast
from tablee.polls.models import (
    Ballot,
    Participation,
    Poll,
    PollKind,
    PollOption,
    PollStatus,
    VoterUnit,
)

MAX_OPTIONS = 30


def _refuse(field_name: str, message: str):
    raise InvalidInput(message, extra={"fields": {field_name: [message]}})


@transaction.atomic
def poll_create(
    *,
    table,
    actor,
    question: str,
    kind: str,
    options: list[str],
    opens_at: datetime,
    closes_at: datetime,
    description: str = "",
    voter_unit: str = VoterUnit.PERSON,
    is_secret: bool = False,
    hide_results_until_closed: bool = True,
    dots_per_voter: int | None = None,
    meeting=None,
    committee=None,
) -> Poll:
    """Create a poll in draft with its options; it opens with poll_open."""
    question = (question or "").strip()
    if not question:
        _refuse("question", _("Write the question."))
    if kind not in PollKind.values:
        _refuse("kind", _("Choose a kind of vote."))
    if voter_unit not in VoterUnit.values:
        _refuse("voter_unit", _("Choose who votes."))
    labels = [label.strip() for label in options if label and label.strip()]
    if len(labels) < 2:
        _refuse("options", _("Give at least two options."))
    if len(labels) > MAX_OPTIONS:
        _refuse("options", _("Give at most %(max)s options.") % {"max": MAX_OPTIONS})
    if len({label.casefold() for label in labels}) != len(labels):
        _refuse("options", _("Two options have the same wording."))
    if any(len(label) > 200 for label in labels):
        _refuse("options", _("Keep each option under 200 characters."))
    if opens_at is None or closes_at is None or closes_at <= opens_at:
        _refuse("closes_at", _("The poll must close after it opens."))
    if kind == PollKind.DOTS:
        if not dots_per_voter or not 1 <= dots_per_voter <= 100:
            _refuse("dots_per_voter", _("Give each voter between 1 and 100 dots."))
    else:
        dots_per_voter = None
    for linked in (meeting, committee):
        assert linked is None or linked.table_id == table.pk, "object of another table"
    poll = Poll.objects.create(
        table=table,
        question=question[:300],
        description=(description or "").strip(),
        kind=kind,
        dots_per_voter=dots_per_voter,
        voter_unit=voter_unit,
        is_secret=is_secret,
        hide_results_until_closed=hide_results_until_closed,
        opens_at=opens_at,
        closes_at=closes_at,
        meeting=meeting,
        committee=committee,
        created_by=actor,
    )
    PollOption.objects.bulk_create(
        PollOption(table=table, poll=poll, label=label, position=index)
        for index, label in enumerate(labels, start=1)
    )
    audit.record(
        event=AuditEvent.POLL_CREATED,
        actor=actor,
        table=table,
        target=poll,
        new={"question": poll.question, "kind": kind, "options": labels, "secret": is_secret},
    )
    return poll


@transaction.atomic
def poll_open(*, poll: Poll, actor) -> Poll:
    """Open a draft poll: voting starts at its opening time (now, if already past)."""
    current = selectors.poll_get_for_update(poll_id=poll.pk)
    if current.status != PollStatus.DRAFT:
        raise InvalidTransition(_("Only a poll in draft can be opened."))
    now = timezone.now()
    if current.closes_at <= now:
        raise InvalidTransition(
            _("Its closing time has already passed: create a new poll with new dates.")
        )
    current.status = PollStatus.OPEN
    current.save(update_fields=["status", "updated_at"])
    audit.record(
        event=AuditEvent.POLL_OPENED,
        actor=actor,
        table=current.table,
        target=current,
        new={"opens_at": current.opens_at.isoformat(), "closes_at": current.closes_at.isoformat()},
    )
    return current


@transaction.atomic
def poll_close(*, poll: Poll, actor=None) -> Poll:
    """Close an open poll now, or record the automatic closing at its closing time.

    Without an actor (the `close_polls` command), the poll is recorded as
    closed at its planned closing time, which has passed.
    """
    current = selectors.poll_get_for_update(poll_id=poll.pk)
    if current.status != PollStatus.OPEN:
        raise InvalidTransition(_("Only an open poll can be closed."))
    now = timezone.now()
    if actor is None:
        if current.closes_at > now:
            raise InvalidTransition(_("This poll is not due to close yet."))
        current.closed_at = current.closes_at
    else:
        current.closed_at = min(now, current.closes_at)
    current.status = PollStatus.CLOSED
    current.save(update_fields=["status", "closed_at", "updated_at"])
    audit.record(
        event=AuditEvent.POLL_CLOSED,
        actor=actor,
        table=current.table,
        target=current,
        new={"closed_at": current.closed_at.isoformat(), "automatic": actor is None},
    )
    return current


def validate_choices(*, poll: Poll, options: list[int], choices):
    """Return `choices` normalized for storage, or raise InvalidInput.

    single: [id]; approval: [id, ...] at least one; ranked: [id, ...] at least
    one, no repeat, in order of preference; dots: {id: n} with n ≥ 0 and a
    total from 1 to the poll's dots; scale: {id: 1..5} for every option.
    """
    valid = set(options)

    def ids_list(value) -> list[int]:
        if not isinstance(value, list | tuple):
            _refuse("choices", _("Send the chosen options as a list."))
        try:
            ids = [int(item) for item in value]
        except (TypeError, ValueError):
            _refuse("choices", _("Choose among the poll's options."))
        if any(item not in valid for item in ids):
            _refuse("choices", _("Choose among the poll's options."))
        if len(set(ids)) != len(ids):
            _refuse("choices", _("Each option can be chosen only once."))
        return ids

    def ids_map(value) -> dict[str, int]:
        if not isinstance(value, dict):
            _refuse("choices", _("Send a number for each option."))
        mapped: dict[str, int] = {}
        for key, number in value.items():
            try:
                option, amount = int(key), int(number)
            except (TypeError, ValueError):
                _refuse("choices", _("Send a whole number for each option."))
            if option not in valid:
                _refuse("choices", _("Choose among the poll's options."))
            mapped[str(option)] = amount
        return mapped

    if poll.kind == PollKind.SINGLE:
        ids = ids_list(choices)
        if len(ids) != 1:
            _refuse("choices", _("Choose exactly one option."))
        return ids
    if poll.kind in (PollKind.APPROVAL, PollKind.RANKED):
        ids = ids_list(choices)
        if not ids:
            _refuse("choices", _("Choose at least one option."))
        return ids
    mapped = ids_map(choices)
    if poll.kind == PollKind.DOTS:
        if any(amount < 0 for amount in mapped.values()):
            _refuse("choices", _("Dots cannot be negative."))
        total = sum(mapped.values())
        if total < 1:
            _refuse("choices", _("Place at least one dot."))
        if total > (poll.dots_per_voter or 0):
            _refuse(
                "choices",
                _("You placed %(total)s dots; you have %(max)s.")
                % {"total": total, "max": poll.dots_per_voter},
            )
        return {key: amount for key, amount in mapped.items() if amount}
    if any(not 1 <= amount <= 5 for amount in mapped.values()):
        _refuse("choices", _("Rate each option from 1 to 5."))
    if set(mapped) != {str(option) for option in options}:
        _refuse("choices", _("Rate every option."))
    return mapped


@transaction.atomic
def poll_cast_ballot(*, poll: Poll, voter, choices) -> Participation:
    """Record `voter`'s ballot: one per person, or one per seat they hold.

    For a vote per seat, any current holder (representative or alternate)
    may vote for the seat; the first ballot counts and the database's unique
    constraint refuses a second one, even at the same instant.
    """
    current = selectors.poll_get_for_update(poll_id=poll.pk)
    now = timezone.now()
    if current.status != PollStatus.OPEN or now >= current.closes_at:
        raise InvalidTransition(_("This poll is closed: votes are no longer accepted."))
    if now < current.opens_at:
        raise InvalidTransition(_("This poll is not open for votes yet."))
    options = list(current.options.values_list("pk", flat=True))
    normalized = validate_choices(poll=current, options=options, choices=choices)
    seat = None
    if current.voter_unit == VoterUnit.SEAT:
        seats = selectors.current_seats(table=current.table_id, user=voter)
        if not seats:
            raise InvalidTransition(_("Votes are per seat, and you hold no seat at this table."))
        voted = set(
            Participation.objects.filter(poll=current, seat__in=seats).values_list(
                "seat_id", flat=True
            )
        )
        free = [item for item in seats if item.pk not in voted]
        if not free:
            raise BallotAlreadyCast(_("Your seat has already voted in this poll."))
        seat = free[0]
    try:
        with transaction.atomic():
            participation = Participation.objects.create(
                table_id=current.table_id, poll=current, voter=voter, seat=seat
            )
    except IntegrityError as exc:
        message = (
            _("Your seat has already voted in this poll.")
            if seat is not None
            else _("You have already voted in this poll.")
        )
        raise BallotAlreadyCast(message) from exc
    ballot = Ballot.objects.create(
        table_id=current.table_id,
        poll=current,
        participation=None if current.is_secret else participation,
        choices=normalized,
    )
    if current.is_secret:
        # The insert stamped the moment of voting; replace it by the opening time.
        Ballot.objects.filter(pk=ballot.pk).update(
            created_at=current.opens_at, updated_at=current.opens_at
        )
    audit.record(
        event=AuditEvent.BALLOT_CAST,
        actor=voter,
        table=current.table,
        # The participation (that someone voted), never the ballot (what they chose).
        target=participation,
        new={"seat": str(seat)} if seat is not None else None,
    )
    return participation
