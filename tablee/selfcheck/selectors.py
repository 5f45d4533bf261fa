"""Reads of the winning conditions self-check, scoped to a table."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from tablee.charters.models import CharterVersion
from tablee.decisions.models import Decision
from tablee.frameworks.models import Framework
from tablee.minutes.models import Minutes
from tablee.plans.models import Objective
from tablee.selfcheck.conditions import CONDITIONS, LEVEL_NAMES
from tablee.selfcheck.models import CheckStatus, ConditionAssessment, SelfCheck


def selfcheck_list(*, table) -> QuerySet[SelfCheck]:
    return (
        SelfCheck.objects.for_table(table)
        .select_related("completed_by")
        .prefetch_related(
            Prefetch(
                "cards",
                queryset=ConditionAssessment.objects.only("id", "check_run_id", "code", "level"),
            )
        )
    )


def selfcheck_get(*, table, check_id: int) -> SelfCheck | None:
    return SelfCheck.objects.for_table(table).select_related("table").filter(pk=check_id).first()


def selfcheck_latest(*, table) -> SelfCheck | None:
    return SelfCheck.objects.for_table(table).order_by("-held_on", "-id").first()


def selfcheck_previous_completed(*, check: SelfCheck) -> SelfCheck | None:
    """The completed check held before this one (by date, then id)."""
    return (
        SelfCheck.objects.for_table(check.table_id)
        .filter(status=CheckStatus.COMPLETED, held_on__lte=check.held_on)
        .exclude(pk=check.pk)
        .order_by("-held_on", "-id")
        .first()
    )


def card_list(*, check: SelfCheck) -> list[ConditionAssessment]:
    """The cards in the order of the twelve conditions, evidence prefetched."""
    cards = {
        card.code: card
        for card in ConditionAssessment.objects.filter(check_run=check)
        .select_related("plan_action", "plan_action__process")
        .prefetch_related("charter_versions", "decisions", "minutes__meeting", "frameworks")
    }
    return [cards[c.code] for c in CONDITIONS if c.code in cards]


def card_get(*, check: SelfCheck, card_id: int) -> ConditionAssessment | None:
    return ConditionAssessment.objects.filter(check_run=check, pk=card_id).first()


def levels_of(*, check: SelfCheck | None) -> dict[str, int | None]:
    if check is None:
        return {}
    return dict(ConditionAssessment.objects.filter(check_run=check).values_list("code", "level"))


def evidence_choices(*, table) -> dict[str, QuerySet]:
    """What a card may point to, per kind (all of this table)."""
    return {
        "charter_versions": CharterVersion.objects.for_table(table).order_by("-number"),
        "decisions": Decision.objects.for_table(table).order_by("-number"),
        "minutes": Minutes.objects.for_table(table).select_related("meeting").order_by("-id"),
        "frameworks": Framework.objects.for_table(table).order_by("title"),
    }


def objective_choices(*, table) -> QuerySet[Objective]:
    return (
        Objective.objects.for_table(table)
        .filter(process__archived_at__isnull=True)
        .select_related("process")
        .order_by("process__title", "position")
    )


def objective_get(*, table, objective_id: int) -> Objective | None:
    return objective_choices(table=table).filter(pk=objective_id).first()


def change_words(then: int | None, now: int | None) -> str:
    from django.utils.translation import gettext as _

    if then is None or now is None:
        return _("No comparison")
    if now > then:
        return _("Better by %(n)s level(s)") % {"n": now - then}
    if now < then:
        return _("Worse by %(n)s level(s)") % {"n": then - now}
    return _("Unchanged")


def profile(*, check: SelfCheck) -> tuple[SelfCheck | None, list[dict]]:
    """Per condition: level before, level now, and the change in words."""
    previous = selfcheck_previous_completed(check=check)
    before = levels_of(check=previous)
    now = levels_of(check=check)
    rows = []
    for condition in CONDITIONS:
        then_level, now_level = before.get(condition.code), now.get(condition.code)
        rows.append(
            {
                "condition": condition,
                "then": then_level,
                "now": now_level,
                "then_name": LEVEL_NAMES.get(then_level, ""),
                "now_name": LEVEL_NAMES.get(now_level, ""),
                "change": change_words(then_level, now_level),
                "delta": (now_level - then_level)
                if then_level is not None and now_level is not None
                else None,
            }
        )
    return previous, rows
