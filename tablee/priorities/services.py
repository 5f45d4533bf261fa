"""State changes of a process's vision and prioritisation rounds.

One function per intention, each writing one audit entry of its own. The
two adoptions also record a decision in the table's register through
`decisions.services.decision_record`, which writes the register's own entry
(the decision exists in the register like any other), and list it among
the deliverables of the process's matching stage (vision, prioritisation)
through `processes.services.stage_link`, which writes the stage's entry.

Adopted vision versions and adopted rounds are frozen for good: every
service here refuses to touch them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.decisions.models import Decision, Modality
from tablee.decisions.services import DecisionInput, decision_record
from tablee.priorities import selectors, stats
from tablee.priorities.audit_events import Event
from tablee.priorities.models import (
    Candidate,
    PriorityRound,
    Rating,
    RoundCriterion,
    RoundMethod,
    VisionComment,
    VisionStatus,
    VisionVersion,
)
from tablee.processes.models import Process, StageKind
from tablee.processes.services import stage_link

MAX_STATEMENT_LENGTH = 10_000
MAX_COMMENT_LENGTH = 2_000
MAX_CRITERIA = 10
MAX_CANDIDATES = 60
MAX_CRITERION_LENGTH = 120


def _refuse(field: str, message: str) -> None:
    raise InvalidInput(message, extra={"fields": {field: [message]}})


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_revision(current, revision: int | None, theirs: dict | None = None) -> None:
    if revision is not None and current.revision != revision:
        raise Conflict(
            _(
                "Someone else saved this while you were editing. Their version is shown "
                "below; save again to keep yours."
            ),
            extra={"revision": current.revision, "theirs": theirs or {}},
        )


# --- adoption through the register -------------------------------------------


@dataclass
class AdoptionInput:
    """How the table decided: the part of a decision a coordinator enters."""

    decided_on: date
    modality: str = Modality.CONSENSUS
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    objections: int | None = None
    note: str = ""


ADOPTION_MODALITIES = (Modality.CONSENSUS, Modality.CONSENT, Modality.MAJORITY)


def _record_decision(*, table, actor, wording: str, adoption: AdoptionInput) -> Decision:
    if adoption.modality not in ADOPTION_MODALITIES:
        _refuse("modality", _("Choose consensus, consent or a majority vote."))
    note = (adoption.note or "").strip()
    if len(note) > 1000:
        _refuse("note", _("Keep the note under 1000 characters."))
    return decision_record(
        table=table,
        actor=actor,
        data=DecisionInput(
            wording=wording + (f" — {note}" if note else ""),
            decided_on=adoption.decided_on,
            modality=adoption.modality,
            votes_for=adoption.votes_for,
            votes_against=adoption.votes_against,
            abstentions=adoption.abstentions,
            objections=adoption.objections,
        ),
    )


def _deliver_to_stage(*, process: Process, kind: str, actor: User, decision: Decision) -> None:
    """List the adoption among the deliverables of the matching stage, if any."""
    stage = selectors.process_stage(process=process, kind=kind)
    if stage is not None:
        stage_link(stage=stage, actor=actor, item=decision)


# --- vision --------------------------------------------------------------------


def _locked_version(version: VisionVersion) -> VisionVersion:
    return (
        VisionVersion.objects.select_for_update(of=("self",))
        .select_related("table", "process")
        .get(pk=version.pk)
    )


def _refuse_adopted(version: VisionVersion) -> None:
    if version.status == VisionStatus.ADOPTED:
        raise InvalidTransition(
            _(
                "Version %(number)s of the vision was adopted and can no longer change. "
                "Start a revision to propose changes."
            )
            % {"number": version.number}
        )


@transaction.atomic
def vision_draft_start(*, process: Process, actor: User) -> VisionVersion:
    """Open a new version: version 1, or a copy of the latest adopted text."""
    versions = list(
        VisionVersion.objects.for_table(process.table_id)
        .filter(process=process)
        .select_for_update(of=("self",))
        .order_by("-number")
    )
    if any(v.status != VisionStatus.ADOPTED for v in versions):
        raise InvalidTransition(
            _("A version of the vision is already being written: continue it.")
        )
    latest = next((v for v in versions if v.status == VisionStatus.ADOPTED), None)
    draft = VisionVersion.objects.create(
        table_id=process.table_id,
        process=process,
        number=(versions[0].number + 1) if versions else 1,
        statement=latest.statement if latest else "",
        created_by=actor,
    )
    audit.record(
        event=Event.VISION_DRAFT_STARTED,
        actor=actor,
        table=process.table,
        target=draft,
        new={"number": draft.number, "from": latest.number if latest else None},
    )
    return draft


@transaction.atomic
def vision_statement_save(
    *, version: VisionVersion, actor: User, statement: str, revision: int | None
) -> VisionVersion:
    """Save the text of the version being written; a proposed text goes back to draft."""
    current = _locked_version(version)
    _refuse_adopted(current)
    statement = (statement or "").strip()
    if len(statement) > MAX_STATEMENT_LENGTH:
        _refuse(
            "statement",
            _("Keep the vision under %(max)s characters.") % {"max": MAX_STATEMENT_LENGTH},
        )
    if revision is not None and current.revision != revision:
        _check_revision(current, revision, {"statement": current.statement})
    if statement == current.statement:
        return current
    old = {"statement": _short(current.statement), "status": current.status}
    current.statement = statement
    current.status = VisionStatus.DRAFT
    current.proposed_at = None
    current.revision += 1
    current.save(update_fields=["statement", "status", "proposed_at", "revision", "updated_at"])
    audit.record(
        event=Event.VISION_STATEMENT_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        old=old,
        new={"statement": _short(statement), "status": current.status},
    )
    return current


@transaction.atomic
def vision_comment_add(*, version: VisionVersion, actor: User, body: str) -> VisionComment:
    """Add a member's comment on the version being written."""
    current = _locked_version(version)
    _refuse_adopted(current)
    body = (body or "").strip()
    if not body:
        _refuse("body", _("Write a comment first."))
    if len(body) > MAX_COMMENT_LENGTH:
        _refuse(
            "body", _("Keep a comment under %(max)s characters.") % {"max": MAX_COMMENT_LENGTH}
        )
    comment = VisionComment.objects.create(
        table=current.table, version=current, author=actor, body=body
    )
    audit.record(
        event=Event.VISION_COMMENTED,
        actor=actor,
        table=current.table,
        target=current,
        new={"comment": _short(body, 200)},
    )
    return comment


@transaction.atomic
def vision_propose(*, version: VisionVersion, actor: User) -> VisionVersion:
    """Mark the text as ready for adoption."""
    current = _locked_version(version)
    _refuse_adopted(current)
    if current.status == VisionStatus.PROPOSED:
        raise InvalidTransition(_("This version is already proposed for adoption."))
    if not current.statement.strip():
        raise InvalidInput(_("Write the vision before proposing it."))
    current.status = VisionStatus.PROPOSED
    current.proposed_at = timezone.now()
    current.revision += 1
    current.save(update_fields=["status", "proposed_at", "revision", "updated_at"])
    audit.record(
        event=Event.VISION_PROPOSED,
        actor=actor,
        table=current.table,
        target=current,
        old={"status": VisionStatus.DRAFT},
        new={"status": VisionStatus.PROPOSED},
    )
    return current


@transaction.atomic
def vision_adopt(*, version: VisionVersion, actor: User, adoption: AdoptionInput) -> VisionVersion:
    """Adopt the proposed version: record the decision and freeze the text."""
    current = _locked_version(version)
    _refuse_adopted(current)
    if current.status != VisionStatus.PROPOSED:
        raise InvalidTransition(_("Propose the text for adoption before adopting it."))
    decision = _record_decision(
        table=current.table,
        actor=actor,
        wording=_("Adoption of the common vision, version %(number)s (%(process)s)")
        % {"number": current.number, "process": current.process.title},
        adoption=adoption,
    )
    current.status = VisionStatus.ADOPTED
    current.adopted_at = timezone.now()
    current.adopted_by = actor
    current.decision = decision
    current.save(update_fields=["status", "adopted_at", "adopted_by", "decision", "updated_at"])
    _deliver_to_stage(
        process=current.process, kind=StageKind.VISION, actor=actor, decision=decision
    )
    audit.record(
        event=Event.VISION_ADOPTED,
        actor=actor,
        table=current.table,
        target=current,
        old={"status": VisionStatus.PROPOSED},
        new={"status": VisionStatus.ADOPTED, "decision": decision.number},
    )
    return current


# --- rounds --------------------------------------------------------------------


def _locked_round(round: PriorityRound) -> PriorityRound:
    return (
        PriorityRound.objects.select_for_update(of=("self",))
        .select_related("table", "process", "poll")
        .get(pk=round.pk)
    )


def _refuse_frozen(round: PriorityRound) -> None:
    if round.adopted_at is not None:
        raise InvalidTransition(
            _("The ranked list of this round was adopted: the round can no longer change.")
        )


def _clean_criteria(criteria: Iterable[str]) -> list[str]:
    labels = [" ".join((label or "").split()) for label in criteria]
    labels = list(dict.fromkeys(label for label in labels if label))
    if len(labels) > MAX_CRITERIA:
        _refuse("criteria", _("Keep to %(max)s criteria at most.") % {"max": MAX_CRITERIA})
    if any(len(label) > MAX_CRITERION_LENGTH for label in labels):
        _refuse(
            "criteria",
            _("Keep each criterion under %(max)s characters.") % {"max": MAX_CRITERION_LENGTH},
        )
    return labels


@dataclass
class RoundInput:
    title: str
    opens_at: datetime | None
    closes_at: datetime | None
    criteria: list[str]
    description: str = ""
    method: str = RoundMethod.RATINGS
    poll: object = None


def _validate_round(table_id: int, data: RoundInput) -> tuple[str, list[str]]:
    title = " ".join((data.title or "").split())
    if not title:
        _refuse("title", _("Give the round a title."))
    if len(title) > 200:
        _refuse("title", _("Keep the title under 200 characters."))
    if data.method not in RoundMethod.values:
        _refuse("method", _("Choose a valid method."))
    criteria = _clean_criteria(data.criteria)
    if data.method == RoundMethod.DOTS:
        if data.poll is None:
            _refuse("poll", _("Choose the dot-vote poll this round follows."))
        assert data.poll.table_id == table_id, "poll of another table"
        if data.poll.kind != "dots":
            _refuse("poll", _("Only a dot-vote poll can be used."))
        data.opens_at, data.closes_at = data.poll.opens_at, data.poll.closes_at
        return title, criteria
    if not criteria:
        _refuse("criteria", _("Give at least one criterion."))
    if data.opens_at is None:
        _refuse("opens_at", _("Enter when rating opens."))
    if data.closes_at is None:
        _refuse("closes_at", _("Enter when rating closes."))
    if data.closes_at <= data.opens_at:
        _refuse("closes_at", _("The closing must come after the opening."))
    return title, criteria


def _write_criteria(round: PriorityRound, labels: list[str]) -> None:
    RoundCriterion.objects.filter(round=round).delete()
    RoundCriterion.objects.bulk_create(
        RoundCriterion(table_id=round.table_id, round=round, position=i, label=label)
        for i, label in enumerate(labels)
    )


@transaction.atomic
def round_create(*, process: Process, actor: User, data: RoundInput) -> PriorityRound:
    """Create a prioritisation round with its criteria (candidates come next)."""
    title, criteria = _validate_round(process.table_id, data)
    round = PriorityRound.objects.create(
        table_id=process.table_id,
        process=process,
        title=title,
        description=(data.description or "").strip(),
        method=data.method,
        poll=data.poll if data.method == RoundMethod.DOTS else None,
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        created_by=actor,
    )
    if data.method == RoundMethod.RATINGS:
        _write_criteria(round, criteria)
    audit.record(
        event=Event.PRIORITY_ROUND_CREATED,
        actor=actor,
        table=process.table,
        target=round,
        new={
            "title": title,
            "method": data.method,
            "opens_at": round.opens_at.isoformat(),
            "closes_at": round.closes_at.isoformat(),
            "criteria": criteria if data.method == RoundMethod.RATINGS else [],
        },
    )
    return round


@transaction.atomic
def round_update(
    *, round: PriorityRound, actor: User, data: RoundInput, revision: int | None
) -> PriorityRound:
    """Change a round's title, window or criteria (criteria only before any rating)."""
    current = _locked_round(round)
    _refuse_frozen(current)
    _check_revision(current, revision)
    title, criteria = _validate_round(current.table_id, data)
    if data.method != current.method and Rating.objects.filter(round=current).exists():
        _refuse("method", _("Ratings were given: the method can no longer change."))
    old_criteria = list(
        RoundCriterion.objects.filter(round=current)
        .order_by("position", "id")
        .values_list("label", flat=True)
    )
    method = data.method
    criteria_changed = method == RoundMethod.RATINGS and criteria != old_criteria
    if criteria_changed and Rating.objects.filter(round=current).exists():
        _refuse(
            "criteria",
            _("Ratings were given on these criteria: they can no longer change."),
        )
    old = {
        "title": current.title,
        "method": current.method,
        "opens_at": current.opens_at.isoformat(),
        "closes_at": current.closes_at.isoformat(),
        "criteria": old_criteria,
    }
    current.title = title
    current.description = (data.description or "").strip()
    current.method = method
    current.poll = data.poll if method == RoundMethod.DOTS else None
    current.opens_at, current.closes_at = data.opens_at, data.closes_at
    current.revision += 1
    current.save()
    if criteria_changed:
        _write_criteria(current, criteria)
    elif (
        method == RoundMethod.DOTS
        and old_criteria
        and not Rating.objects.filter(round=current).exists()
    ):
        _write_criteria(current, [])
    audit.record(
        event=Event.PRIORITY_ROUND_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=old,
        new={
            "title": title,
            "method": method,
            "opens_at": current.opens_at.isoformat(),
            "closes_at": current.closes_at.isoformat(),
            "criteria": criteria if method == RoundMethod.RATINGS else [],
        },
    )
    return current


def _refuse_after_close(round: PriorityRound) -> None:
    _refuse_frozen(round)
    if selectors.round_state(round) == "closed":
        raise InvalidTransition(_("The round is closed: its candidates can no longer change."))


@dataclass
class CandidateInput:
    title: str
    description: str = ""
    objective: object = None
    plan_action: object = None


def _validate_candidate(round: PriorityRound, data: CandidateInput) -> tuple[str, str]:
    for linked in (data.objective, data.plan_action):
        if linked is not None:
            assert linked.table_id == round.table_id, "object of another table"
            if linked.process_id != round.process_id:
                _refuse(
                    "objective" if linked is data.objective else "plan_action",
                    _("Choose an objective or action of this process."),
                )
    title = " ".join((data.title or "").split())
    if not title:
        linked = data.plan_action or data.objective
        title = linked.title[:300] if linked is not None else ""
    if not title:
        _refuse("title", _("Give the candidate a title, or link it to the plan."))
    if len(title) > 300:
        _refuse("title", _("Keep the title under 300 characters."))
    description = (data.description or "").strip()
    if len(description) > 5000:
        _refuse("description", _("Keep the description under 5000 characters."))
    return title, description


@transaction.atomic
def candidate_add(*, round: PriorityRound, actor: User, data: CandidateInput) -> Candidate:
    """Put an action or objective to the round."""
    current = _locked_round(round)
    _refuse_after_close(current)
    if current.method != RoundMethod.RATINGS:
        raise InvalidTransition(_("A dot-vote round takes its options from its poll."))
    title, description = _validate_candidate(current, data)
    existing = Candidate.objects.filter(round=current)
    if existing.count() >= MAX_CANDIDATES:
        raise InvalidInput(
            _("A round holds %(max)s candidates at most.") % {"max": MAX_CANDIDATES}
        )
    last = existing.aggregate(last=Max("position"))["last"]
    candidate = Candidate.objects.create(
        table_id=current.table_id,
        round=current,
        position=(last + 1) if last is not None else 0,
        title=title,
        description=description,
        objective=data.objective,
        plan_action=data.plan_action,
    )
    audit.record(
        event=Event.PRIORITY_CANDIDATE_ADDED,
        actor=actor,
        table=current.table,
        target=candidate,
        new={"round": current.pk, "title": title},
    )
    return candidate


@transaction.atomic
def candidate_update(
    *, candidate: Candidate, actor: User, data: CandidateInput, revision: int | None
) -> Candidate:
    """Reword a candidate or change its link to the plan, until the round closes."""
    current_round = _locked_round(candidate.round)
    _refuse_after_close(current_round)
    current = Candidate.objects.select_for_update(of=("self",)).get(pk=candidate.pk)
    _check_revision(current, revision)
    title, description = _validate_candidate(current_round, data)
    old = {"title": current.title, "description": _short(current.description)}
    current.title, current.description = title, description
    current.objective, current.plan_action = data.objective, data.plan_action
    current.revision += 1
    current.save()
    audit.record(
        event=Event.PRIORITY_CANDIDATE_UPDATED,
        actor=actor,
        table=current_round.table,
        target=current,
        old=old,
        new={"title": title, "description": _short(description)},
    )
    return current


@transaction.atomic
def candidate_remove(*, candidate: Candidate, actor: User) -> None:
    """Take a candidate out of the round, as long as nobody rated it."""
    current_round = _locked_round(candidate.round)
    _refuse_after_close(current_round)
    if Rating.objects.filter(candidate_id=candidate.pk).exists():
        raise InvalidTransition(
            _("This candidate was already rated: it can no longer be removed.")
        )
    audit.record(
        event=Event.PRIORITY_CANDIDATE_REMOVED,
        actor=actor,
        table=current_round.table,
        target=candidate,
        old={"round": current_round.pk, "title": candidate.title},
    )
    Candidate.objects.filter(pk=candidate.pk).delete()


@transaction.atomic
def ratings_save(
    *,
    round: PriorityRound,
    actor: User,
    scores: Mapping[tuple[int, int], int | None],
    now: datetime | None = None,
) -> int:
    """Save the caller's ratings, all or nothing; None clears a rating.

    `scores` maps (candidate id, criterion id) to a rating from 1 to 5.
    Return how many ratings the person now has in the round. The audit entry
    records how many were given, never the values.
    """
    current = _locked_round(round)
    _refuse_frozen(current)
    if current.method != RoundMethod.RATINGS:
        raise InvalidTransition(_("This round uses a dot vote: vote in its poll."))
    state = selectors.round_state(current, now)
    if state == "scheduled":
        raise InvalidTransition(_("Rating has not opened yet."))
    if state != "open":
        raise InvalidTransition(_("The round is closed: ratings can no longer change."))
    candidates = set(Candidate.objects.filter(round=current).values_list("pk", flat=True))
    criteria = set(RoundCriterion.objects.filter(round=current).values_list("pk", flat=True))
    cleaned: dict[tuple[int, int], int | None] = {}
    for (candidate_id, criterion_id), score in scores.items():
        if candidate_id not in candidates or criterion_id not in criteria:
            raise InvalidInput(_("This rating does not belong to the round."))
        if score is not None:
            if isinstance(score, bool) or not isinstance(score, int):
                raise InvalidInput(_("Each rating is a whole number from 1 to 5."))
            if not stats.SCALE_MIN <= score <= stats.SCALE_MAX:
                raise InvalidInput(_("Each rating is a whole number from 1 to 5."))
        cleaned[(candidate_id, criterion_id)] = score
    existing = {
        (r.candidate_id, r.criterion_id): r
        for r in Rating.objects.filter(round=current, rater=actor).select_for_update()
    }
    to_create, to_update, to_delete = [], [], []
    for key, score in cleaned.items():
        rating = existing.get(key)
        if score is None:
            if rating is not None:
                to_delete.append(rating.pk)
        elif rating is None:
            to_create.append(
                Rating(
                    table_id=current.table_id,
                    round=current,
                    candidate_id=key[0],
                    criterion_id=key[1],
                    rater=actor,
                    score=score,
                )
            )
        elif rating.score != score:
            rating.score = score
            to_update.append(rating)
    if not (to_create or to_update or to_delete):
        return len(existing)
    Rating.objects.filter(pk__in=to_delete).delete()
    Rating.objects.bulk_create(to_create)
    if to_update:
        now_ts = timezone.now()
        for rating in to_update:
            rating.updated_at = now_ts
        Rating.objects.bulk_update(to_update, ["score", "updated_at"])
    total = len(existing) + len(to_create) - len(to_delete)
    audit.record(
        event=Event.PRIORITY_RATINGS_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        new={
            "added": len(to_create),
            "changed": len(to_update),
            "cleared": len(to_delete),
            "total": total,
        },
    )
    return total


@transaction.atomic
def round_adopt(*, round: PriorityRound, actor: User, adoption: AdoptionInput) -> PriorityRound:
    """Adopt the ranked list of a closed round by a decision; the round is then frozen."""
    current = _locked_round(round)
    _refuse_frozen(current)
    if selectors.round_state(current) != "closed":
        raise InvalidTransition(_("The ranked list can be adopted once the round is closed."))
    fresh = selectors.round_get(process=current.process, round_id=current.pk)
    results = selectors.round_results(round=fresh)
    if current.method == RoundMethod.DOTS:
        rows = (results.poll or {}).get("rows", [])
        ranking = [
            {"rank": row["rank"], "title": row["label"], "score": row["count"]} for row in rows
        ]
    else:
        ranking = [
            {"rank": item.rank, "title": item.title, "score": item.overall}
            for item in results.candidates
            if item.overall is not None
        ]
    if not ranking:
        raise InvalidTransition(_("Nothing was rated in this round: there is no list to adopt."))
    listed = "; ".join(f"{item['rank']}. {item['title']}" for item in ranking[:10])
    if len(ranking) > 10:
        listed += "; …"
    decision = _record_decision(
        table=current.table,
        actor=actor,
        wording=_("Adoption of the ranked priorities « %(title)s » (%(process)s): %(list)s")
        % {"title": current.title, "process": current.process.title, "list": listed},
        adoption=adoption,
    )
    current.adopted_at = timezone.now()
    current.adopted_by = actor
    current.decision = decision
    current.adopted_ranking = ranking
    current.save(
        update_fields=["adopted_at", "adopted_by", "decision", "adopted_ranking", "updated_at"]
    )
    _deliver_to_stage(
        process=current.process, kind=StageKind.PRIORITISATION, actor=actor, decision=decision
    )
    audit.record(
        event=Event.PRIORITY_ROUND_ADOPTED,
        actor=actor,
        table=current.table,
        target=current,
        new={"decision": decision.number, "ranking": [item["title"] for item in ranking[:10]]},
    )
    return current
