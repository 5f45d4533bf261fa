"""The winning conditions self-check: one function per intention, each audited once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.plans import services as plan_services
from tablee.selfcheck import selectors
from tablee.selfcheck.audit_events import Event
from tablee.selfcheck.conditions import CONDITIONS, LEVELS
from tablee.selfcheck.models import CheckStatus, ConditionAssessment, SelfCheck

EVIDENCE_KINDS = ("charter_versions", "decisions", "minutes", "frameworks")


def _invalid(field_name: str, message: str) -> InvalidInput:
    return InvalidInput(message, extra={"fields": {field_name: [message]}})


def _frozen() -> InvalidTransition:
    return InvalidTransition(_("This self-check is completed: it can no longer change."))


@transaction.atomic
def selfcheck_start(*, table, actor: User, held_on: date | None = None) -> SelfCheck:
    """Open a new check with twelve cards, levels copied from the latest check."""
    if SelfCheck.objects.for_table(table).filter(status=CheckStatus.DRAFT).exists():
        raise InvalidTransition(
            _("A self-check is already in progress. Complete it before starting another.")
        )
    previous = selectors.selfcheck_latest(table=table)
    levels = selectors.levels_of(check=previous)
    check = SelfCheck.objects.create(
        table=table, held_on=held_on or timezone.localdate(), created_by=actor
    )
    ConditionAssessment.objects.bulk_create(
        [
            ConditionAssessment(
                table=table, check_run=check, code=c.code, level=levels.get(c.code)
            )
            for c in CONDITIONS
        ]
    )
    audit.record(
        event=Event.SELFCHECK_STARTED,
        actor=actor,
        table=table,
        target=check,
        new={"held_on": str(check.held_on), "from": previous.pk if previous else ""},
    )
    return check


@dataclass
class CardInput:
    level: int | None
    note: str = ""
    next_step: str = ""
    onboarding: bool = False
    evidence: dict[str, list] = field(default_factory=dict)


def _lock_card(card: ConditionAssessment) -> ConditionAssessment:
    current = (
        ConditionAssessment.objects.select_for_update(of=("self",))
        .select_related("check_run", "table")
        .get(pk=card.pk)
    )
    if current.check_run.is_completed:
        raise _frozen()
    return current


@transaction.atomic
def card_update(
    *, card: ConditionAssessment, actor: User, data: CardInput, base_revision: int
) -> ConditionAssessment:
    """Save one condition's level, note, evidence and next step. Stale edits are refused."""
    current = _lock_card(card)
    if current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this card while you were editing it. "
                "Your changes were not saved: look at their version, then edit again."
            )
        )
    if data.level is not None and data.level not in LEVELS:
        raise _invalid("level", _("Choose a level from 1 to 4."))
    note = (data.note or "").strip()
    next_step = (data.next_step or "").strip()
    if len(next_step) > 300:
        raise _invalid("next_step", _("Keep the next step under 300 characters."))
    for kind in EVIDENCE_KINDS:
        for obj in data.evidence.get(kind, []):
            assert obj.table_id == current.table_id, "evidence from another table"
    old = {"level": current.level, "note": current.note, "next_step": current.next_step}
    current.level = data.level
    current.note = note
    current.next_step = next_step
    current.onboarding = bool(data.onboarding)
    current.revision += 1
    current.save()
    for kind in EVIDENCE_KINDS:
        getattr(current, kind).set(data.evidence.get(kind, []))
    new = {"level": current.level, "note": current.note, "next_step": current.next_step}
    changed = [k for k in old if old[k] != new[k]]
    audit.record(
        event=Event.SELFCHECK_CARD_UPDATED,
        actor=actor,
        table=current.table,
        target=current.check_run,
        old={"code": current.code, **{k: old[k] for k in changed}},
        new={"code": current.code, **{k: new[k] for k in changed}},
    )
    return current


@transaction.atomic
def card_plan_next_step(
    *, card: ConditionAssessment, actor: User, objective, base_revision: int
) -> ConditionAssessment:
    """Turn the card's next step into an action of the plan, under `objective`.

    The plan's own service writes the plan's audit entry; this one records
    the link from the card.
    """
    current = _lock_card(card)
    if current.revision != base_revision:
        raise Conflict(_("Someone else changed this card in the meantime. Reload it."))
    if not current.next_step:
        raise _invalid("next_step", _("Write the next step first."))
    if current.plan_action_id:
        raise InvalidTransition(_("This next step is already an action of the plan."))
    if objective is None:
        raise _invalid("objective", _("Choose the objective this action serves."))
    assert objective.table_id == current.table_id, "objective from another table"
    action = plan_services.plan_action_create(
        process=objective.process,
        actor=actor,
        data=plan_services.ActionInput(
            title=current.next_step,
            objective=objective,
            description=_("Next step of the winning conditions self-check: %(title)s")
            % {"title": current.condition.title},
        ),
    )
    current.plan_action = action
    current.revision += 1
    current.save(update_fields=["plan_action", "revision", "updated_at"])
    audit.record(
        event=Event.SELFCHECK_STEP_PLANNED,
        actor=actor,
        table=current.table,
        target=current.check_run,
        new={"code": current.code, "plan_action": action.pk},
    )
    return current


@transaction.atomic
def selfcheck_complete(*, check: SelfCheck, actor: User) -> SelfCheck:
    """Freeze the check; every condition needs a level."""
    current = SelfCheck.objects.select_for_update(of=("self",)).get(pk=check.pk)
    if current.is_completed:
        raise _frozen()
    missing = ConditionAssessment.objects.filter(check_run=current, level__isnull=True).count()
    if missing:
        raise InvalidTransition(
            _("Give a level to every condition before completing (%(n)s missing).")
            % {"n": missing}
        )
    current.status = CheckStatus.COMPLETED
    current.completed_at = timezone.now()
    current.completed_by = actor
    current.save()
    audit.record(
        event=Event.SELFCHECK_COMPLETED,
        actor=actor,
        table=current.table,
        target=current,
        new={"status": current.status},
    )
    return current
