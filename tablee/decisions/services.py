"""Writes of the decision register: record, amend, supersede.

Decisions are immutable once recorded: a correction is a new decision that
amends the old one, and a reversal is a new decision that supersedes it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.decisions import outcomes
from tablee.decisions.models import Decision, Modality, Outcome, search_key
from tablee.tables.models import Table


@dataclass
class DecisionInput:
    """What a coordinator enters to record a decision (pages and API alike)."""

    wording: str
    decided_on: date
    modality: str
    outcome: str = Outcome.ADOPTED
    meeting: object = None
    agenda_item: object = None
    poll: object = None
    threshold_percent: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    objections: int | None = None
    agreement_counts: list[int] = field(default_factory=list)
    dissent: str = ""
    reservations: list[dict[str, str]] = field(default_factory=list)
    accountable_organization: object = None
    accountable_person: object = None


def _refuse(field_name: str, message: str) -> None:
    raise InvalidInput(message, extra={"fields": {field_name: [message]}})


def _require_count(value, field_name: str) -> int:
    if value is None:
        _refuse(field_name, _("Enter this count (0 if nobody)."))
    if value < 0:
        _refuse(field_name, _("A count cannot be negative."))
    return int(value)


def _validate_counts(data: DecisionInput) -> dict:
    """Check the counts against the modality; return the fields to store.

    Counts that do not belong to the modality are dropped, so the register
    never shows a vote count beside a consensus.
    """
    stored = {
        "threshold_percent": None,
        "votes_for": None,
        "votes_against": None,
        "abstentions": None,
        "objections": None,
        "agreement_counts": [],
    }
    if data.outcome not in Outcome.values:
        _refuse("outcome", _("Choose a valid result."))
    if data.modality == Modality.CONSENSUS:
        return stored
    if data.modality == Modality.CONSENT:
        objections = _require_count(data.objections, "objections")
        if data.outcome == Outcome.ADOPTED and objections > 0:
            _refuse(
                "outcome",
                _("With consent, a proposal with an objection cannot be recorded as adopted."),
            )
        stored["objections"] = objections
        return stored
    if data.modality == Modality.MAJORITY:
        votes_for = _require_count(data.votes_for, "votes_for")
        votes_against = _require_count(data.votes_against, "votes_against")
        abstentions = _require_count(data.abstentions, "abstentions")
        threshold = data.threshold_percent
        if threshold is None:
            threshold = outcomes.DEFAULT_THRESHOLD
        if not 1 <= threshold <= 99:
            _refuse("threshold_percent", _("The threshold is a percentage from 1 to 99."))
        reached = outcomes.majority_reached(
            votes_for=votes_for, votes_against=votes_against, threshold_percent=threshold
        )
        _check_outcome_matches(data.outcome, reached)
        stored.update(
            threshold_percent=threshold,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
        )
        return stored
    if data.modality == Modality.AGREEMENT_SCALE:
        counts = list(data.agreement_counts or [])
        if len(counts) != len(outcomes.AGREEMENT_LEVELS) or any(
            not isinstance(c, int) or c < 0 for c in counts
        ):
            _refuse(
                "agreement_counts",
                _("Enter how many people chose each of the five levels (0 if nobody)."),
            )
        _check_outcome_matches(data.outcome, outcomes.agreement_reached(counts))
        stored["agreement_counts"] = counts
        return stored
    _refuse("modality", _("Choose a valid modality."))
    return stored  # pragma: no cover


def _check_outcome_matches(outcome: str, reached: bool) -> None:
    """A counted result follows its counts; deferring is always possible."""
    if outcome == Outcome.ADOPTED and not reached:
        _refuse(
            "outcome",
            _(
                "These counts do not reach the rule for adoption: "
                "record it as rejected or deferred."
            ),
        )
    if outcome == Outcome.REJECTED and reached:
        _refuse(
            "outcome",
            _("These counts reach the rule for adoption: record it as adopted or deferred."),
        )


def _clean_reservations(reservations) -> list[dict[str, str]]:
    cleaned = []
    for item in reservations or []:
        name = str(item.get("name", "")).strip()
        text = str(item.get("text", "")).strip()
        if not name or not text:
            _refuse("reservations", _("Each named reservation needs a name and its text."))
        cleaned.append({"name": name[:150], "text": text[:1000]})
    return cleaned


def _check_links(table: Table, data: DecisionInput) -> None:
    """Every linked object belongs to the decision's table (a programming error otherwise)."""
    for linked in (data.meeting, data.agenda_item, data.poll):
        assert linked is None or linked.table_id == table.pk, "object of another table"
    if data.agenda_item is not None:
        if data.meeting is None:
            data.meeting = data.agenda_item.meeting
        elif data.agenda_item.meeting_id != data.meeting.pk:
            _refuse("agenda_item", _("This item is not on the agenda of the chosen meeting."))
    if data.poll is not None and not _poll_is_closed(data.poll):
        _refuse("poll", _("Only a closed poll can be turned into a decision."))


def _poll_is_closed(poll) -> bool:
    from tablee.polls.selectors import poll_effective_status

    return poll_effective_status(poll) == "closed"


def _snapshot(decision: Decision) -> dict:
    return {
        "number": decision.number,
        "wording": decision.wording,
        "decided_on": decision.decided_on.isoformat(),
        "modality": decision.modality,
        "outcome": decision.outcome,
    }


def _create(*, table: Table, actor, data: DecisionInput, amends=None, supersedes=None):
    wording = (data.wording or "").strip()
    if not wording:
        _refuse("wording", _("Write the wording of the decision."))
    if data.decided_on is None:
        _refuse("decided_on", _("Enter the date of the decision."))
    _check_links(table, data)
    counts = _validate_counts(data)
    # Numbers are sequential per table: lock the table row so two coordinators
    # recording at the same moment cannot take the same number.
    Table.objects.select_for_update(of=("self",)).filter(pk=table.pk).first()
    last = Decision.objects.for_table(table).aggregate(last=Max("number"))["last"] or 0
    decision = Decision(
        table=table,
        number=last + 1,
        wording=wording,
        search_text=search_key(wording),
        decided_on=data.decided_on,
        meeting=data.meeting,
        agenda_item=data.agenda_item,
        poll=data.poll,
        modality=data.modality,
        outcome=data.outcome,
        dissent=(data.dissent or "").strip(),
        reservations=_clean_reservations(data.reservations),
        accountable_organization=data.accountable_organization,
        accountable_person=data.accountable_person,
        amends=amends,
        supersedes=supersedes,
        recorded_by=actor,
        **counts,
    )
    decision.save()
    return decision


@transaction.atomic
def decision_record(*, table: Table, actor, data: DecisionInput) -> Decision:
    """Record a decision in the register with the next number of the table."""
    decision = _create(table=table, actor=actor, data=data)
    audit.record(
        event=AuditEvent.DECISION_RECORDED,
        actor=actor,
        table=table,
        target=decision,
        new=_snapshot(decision),
    )
    return decision


def _lock_target(decision: Decision) -> Decision:
    current = Decision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    if current.outcome != Outcome.ADOPTED:
        raise InvalidTransition(_("Only an adopted decision can be amended or superseded."))
    already = Decision.objects.filter(supersedes=current, outcome=Outcome.ADOPTED).exists()
    if already:
        raise InvalidTransition(
            _("This decision was already superseded: amend or supersede the one in force.")
        )
    return current


@transaction.atomic
def decision_amend(*, decision: Decision, actor, data: DecisionInput) -> Decision:
    """Record a new decision that amends `decision`, which stays in force as amended."""
    current = _lock_target(decision)
    new = _create(table=current.table, actor=actor, data=data, amends=current)
    audit.record(
        event=AuditEvent.DECISION_AMENDED,
        actor=actor,
        table=current.table,
        target=new,
        old={"number": current.number},
        new=_snapshot(new),
    )
    return new


@transaction.atomic
def decision_supersede(*, decision: Decision, actor, data: DecisionInput) -> Decision:
    """Record a new decision that replaces `decision`, which is no longer in force."""
    current = _lock_target(decision)
    new = _create(table=current.table, actor=actor, data=data, supersedes=current)
    audit.record(
        event=AuditEvent.DECISION_SUPERSEDED,
        actor=actor,
        table=current.table,
        target=new,
        old={"number": current.number},
        new=_snapshot(new),
    )
    return new
