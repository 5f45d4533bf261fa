"""Reads of a process's vision and prioritisation rounds (pages and API alike).

Results are aggregates only: no selector here returns who gave which rating,
except `my_ratings`, which returns the caller's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, Max, Min, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from tablee.charters.diff import word_diff
from tablee.plans.models import Objective, PlanAction
from tablee.polls.models import Poll, PollKind
from tablee.polls.selectors import poll_effective_status, poll_results
from tablee.priorities import stats
from tablee.priorities.models import (
    Candidate,
    PriorityRound,
    Rating,
    RoundMethod,
    VisionComment,
    VisionStatus,
    VisionVersion,
)
from tablee.processes.models import Process, Stage
from tablee.tables.models import Membership, Role

# --- processes -------------------------------------------------------------


def process_get(*, table, process_slug: str) -> Process | None:
    return Process.objects.for_table(table).filter(slug=process_slug).first()


def process_stage(*, process: Process, kind: str) -> Stage | None:
    """The stage of a process of that kind, when the process has it."""
    return Stage.objects.for_table(process.table_id).filter(process=process, kind=kind).first()


# --- vision ----------------------------------------------------------------

_VERSION_LIST_ONLY = (
    "id",
    "table_id",
    "process_id",
    "number",
    "status",
    "adopted_at",
    "proposed_at",
    "decision_id",
    "decision__number",
    "created_at",
    "updated_at",
)


def vision_version_list(*, process: Process) -> QuerySet[VisionVersion]:
    """Every version of the vision, newest first, without the texts."""
    return (
        VisionVersion.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("decision")
        .only(*_VERSION_LIST_ONLY)
        .order_by("-number")
    )


def vision_versions_with_text(*, process: Process, limit: int = 100) -> list[VisionVersion]:
    """The latest versions with their texts and decisions, newest first."""
    return list(
        VisionVersion.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("decision")
        .order_by("-number")[:limit]
    )


def vision_version_get(*, process: Process, number: int) -> VisionVersion | None:
    return (
        VisionVersion.objects.for_table(process.table_id)
        .filter(process=process, number=number)
        .select_related("decision", "adopted_by")
        .first()
    )


def vision_latest_adopted(*, process: Process) -> VisionVersion | None:
    return (
        VisionVersion.objects.for_table(process.table_id)
        .filter(process=process, status=VisionStatus.ADOPTED)
        .select_related("decision", "adopted_by")
        .order_by("-number")
        .first()
    )


def vision_in_progress(*, process: Process) -> VisionVersion | None:
    """The version being written (draft or proposed), if any."""
    return (
        VisionVersion.objects.for_table(process.table_id)
        .filter(process=process)
        .exclude(status=VisionStatus.ADOPTED)
        .annotate(comment_count=Count("comments"))
        .first()
    )


def vision_comments(*, version: VisionVersion) -> QuerySet[VisionComment]:
    return (
        VisionComment.objects.for_table(version.table_id)
        .filter(version=version)
        .select_related("author")
        .order_by("created_at", "id")
    )


def vision_compare(*, older: VisionVersion, newer: VisionVersion) -> list:
    """Word-level difference of two statements (the charter's diff helper)."""
    return word_diff(older.statement, newer.statement)


# --- rounds ----------------------------------------------------------------


def _count(model, **filters):
    return Coalesce(
        Subquery(
            model.objects.filter(**filters)
            .order_by()
            .values("round_id")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def round_list(*, process: Process) -> QuerySet[PriorityRound]:
    """The rounds of a process, newest first, with their counts (no query per row)."""
    raters = (
        Rating.objects.filter(round=OuterRef("pk"))
        .order_by()
        .values("round_id")
        .annotate(n=Count("rater", distinct=True))
        .values("n")
    )
    return (
        PriorityRound.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("poll", "decision")
        .annotate(
            candidate_count=_count(Candidate, round=OuterRef("pk")),
            rater_count=Coalesce(Subquery(raters, output_field=IntegerField()), 0),
        )
        .order_by("-opens_at", "-id")
    )


def round_get(*, process: Process, round_id: int) -> PriorityRound | None:
    return (
        PriorityRound.objects.for_table(process.table_id)
        .filter(process=process, pk=round_id)
        .select_related("poll", "decision", "process", "adopted_by")
        .prefetch_related("criteria", "candidates__objective", "candidates__plan_action")
        .first()
    )


def round_candidate_get(*, round: PriorityRound, candidate_id: int) -> Candidate | None:
    return (
        Candidate.objects.for_table(round.table_id)
        .filter(round=round, pk=candidate_id)
        .annotate(rating_count=Count("ratings"))
        .first()
    )


def round_state(round: PriorityRound, now=None) -> str:
    """Return "scheduled", "open", "closed" or "adopted" (no query).

    A dot-vote round follows its poll; a rating round its own window, so a
    round closes by itself at its closing time (no command needed).
    """
    if round.adopted_at is not None:
        return "adopted"
    now = now or timezone.now()
    if round.method == RoundMethod.DOTS and round.poll_id:
        status = poll_effective_status(round.poll, now)
        if status == "closed":
            return "closed"
        if status == "open":
            return "open"
        return "scheduled"
    if now < round.opens_at:
        return "scheduled"
    if now < round.closes_at:
        return "open"
    return "closed"


def round_has_ratings(*, round: PriorityRound) -> bool:
    return Rating.objects.for_table(round.table_id).filter(round=round).exists()


def my_ratings(*, round: PriorityRound, user) -> dict[tuple[int, int], int]:
    """The caller's own ratings: (candidate id, criterion id) → score."""
    rows = (
        Rating.objects.for_table(round.table_id)
        .filter(round=round, rater=user)
        .values_list("candidate_id", "criterion_id", "score")
    )
    return {(cand, crit): score for cand, crit, score in rows}


def _aggregates(round_ids: list[int]) -> QuerySet:
    return (
        Rating.objects.filter(round_id__in=round_ids)
        .order_by()
        .values("round_id", "candidate_id", "criterion_id")
        .annotate(
            n=Count("pk"),
            total=Sum("score"),
            squares=Sum(F("score") * F("score")),
            low=Min("score"),
            high=Max("score"),
        )
    )


def _build_results(round: PriorityRound, rows: list[dict]) -> list[stats.CandidateResult]:
    by_cell = {(row["candidate_id"], row["criterion_id"]): row for row in rows}
    results = []
    criteria = list(round.criteria.all())
    for candidate in round.candidates.all():
        result = stats.CandidateResult(candidate_id=candidate.pk, title=candidate.title)
        for criterion in criteria:
            row = by_cell.get((candidate.pk, criterion.pk))
            cell = stats.Cell(criterion_id=criterion.pk, label=criterion.label)
            if row:
                cell.raters = row["n"]
                cell.mean, cell.sd = stats.summarize(
                    count=row["n"], total=row["total"], total_squares=row["squares"]
                )
                cell.low, cell.high = row["low"], row["high"]
            result.cells.append(cell)
        results.append(result)
    return stats.rank(results)


@dataclass
class RoundResults:
    round: PriorityRound
    candidates: list[stats.CandidateResult]
    raters: int
    poll: dict | None = None

    @property
    def disagreements(self) -> list[stats.CandidateResult]:
        return [c for c in self.candidates if c.disagreements]


def round_results(*, round: PriorityRound) -> RoundResults:
    """Ranked results of a round: per candidate and criterion the mean and spread.

    Two queries whatever the number of ratings (cells aggregated by the
    database, distinct raters), on top of the prefetched criteria and
    candidates. A dot-vote round returns its poll's results instead.
    """
    if round.method == RoundMethod.DOTS:
        return RoundResults(round=round, candidates=[], raters=0, poll=_dot_results(round))
    rows = list(_aggregates([round.pk]))
    raters = (
        Rating.objects.for_table(round.table_id)
        .filter(round=round)
        .values("rater")
        .distinct()
        .count()
    )
    return RoundResults(round=round, candidates=_build_results(round, rows), raters=raters)


def _dot_results(round: PriorityRound) -> dict | None:
    if round.poll is None:
        return None
    results = poll_results(poll=round.poll)
    rows = sorted(results.get("rows", []), key=lambda r: -r.get("count", 0))
    previous, current = None, 0
    for index, row in enumerate(rows, start=1):
        if row["count"] != previous:
            current, previous = index, row["count"]
        row["rank"] = current
    results["rows"] = rows
    return results


def rounds_results(*, rounds: list[PriorityRound]) -> dict[int, RoundResults]:
    """Results of several rounds at once (the API list): a fixed number of queries.

    Rounds still open are left out: their results are shown after closing.
    """
    closed = [r for r in rounds if round_state(r) in ("closed", "adopted")]
    rating_ids = [r.pk for r in closed if r.method == RoundMethod.RATINGS]
    rows_by_round: dict[int, list[dict]] = {}
    for row in _aggregates(rating_ids) if rating_ids else []:
        rows_by_round.setdefault(row["round_id"], []).append(row)
    raters = dict(
        Rating.objects.filter(round_id__in=rating_ids)
        .order_by()
        .values("round_id")
        .annotate(n=Count("rater", distinct=True))
        .values_list("round_id", "n")
    )
    results = {}
    for r in closed:
        if r.method == RoundMethod.DOTS:
            results[r.pk] = RoundResults(round=r, candidates=[], raters=0, poll=_dot_results(r))
        else:
            results[r.pk] = RoundResults(
                round=r,
                candidates=_build_results(r, rows_by_round.get(r.pk, [])),
                raters=raters.get(r.pk, 0),
            )
    return results


def round_progress(*, round: PriorityRound) -> dict:
    """How many people rated so far, per candidate and in all (for coordinators)."""
    per_candidate = dict(
        Rating.objects.for_table(round.table_id)
        .filter(round=round)
        .order_by()
        .values("candidate_id")
        .annotate(n=Count("rater", distinct=True))
        .values_list("candidate_id", "n")
    )
    raters = (
        Rating.objects.for_table(round.table_id)
        .filter(round=round)
        .values("rater")
        .distinct()
        .count()
    )
    eligible = (
        Membership.objects.for_table(round.table_id)
        .current()
        .filter(role__in=[Role.COORDINATOR, Role.MEMBER])
        .count()
    )
    return {
        "raters": raters,
        "eligible": eligible,
        "candidates": [
            {"title": c.title, "raters": per_candidate.get(c.pk, 0)}
            for c in round.candidates.all()
        ],
    }


def rounds_for_api(*, process: Process) -> list[PriorityRound]:
    return list(
        PriorityRound.objects.for_table(process.table_id)
        .filter(process=process)
        .select_related("poll", "decision")
        .prefetch_related("criteria", "candidates", "poll__options")
        .order_by("-opens_at", "-id")[:100]
    )


# --- choices for the forms -------------------------------------------------


def objective_choices(*, process: Process) -> list[Objective]:
    return list(
        Objective.objects.for_table(process.table_id)
        .filter(process=process)
        .only("id", "title", "position")
        .order_by("position", "id")[:300]
    )


def plan_action_choices(*, process: Process) -> list[PlanAction]:
    return list(
        PlanAction.objects.for_table(process.table_id)
        .filter(process=process)
        .only("id", "title", "position", "objective_id")
        .order_by("objective_id", "position", "id")[:500]
    )


def objective_get(*, process: Process, objective_id: int) -> Objective | None:
    return (
        Objective.objects.for_table(process.table_id)
        .filter(process=process, pk=objective_id)
        .first()
    )


def plan_action_get(*, process: Process, action_id: int) -> PlanAction | None:
    return (
        PlanAction.objects.for_table(process.table_id)
        .filter(process=process, pk=action_id)
        .first()
    )


def dot_poll_choices(*, table) -> list[Poll]:
    """Dot-vote polls of the table, newest first, to follow from a round."""
    return list(
        Poll.objects.for_table(table)
        .filter(kind=PollKind.DOTS)
        .only("id", "question", "opens_at", "closes_at", "status", "table_id")
        .order_by("-opens_at", "-id")[:100]
    )


def dot_poll_get(*, table, poll_id: int) -> Poll | None:
    return Poll.objects.for_table(table).filter(pk=poll_id, kind=PollKind.DOTS).first()
