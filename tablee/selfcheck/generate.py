"""Benchmark data for the self-check: one completed check per generated table (bulk)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.selfcheck.conditions import CONDITIONS
from tablee.selfcheck.models import CheckStatus, ConditionAssessment, SelfCheck


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    now = timezone.now()
    checks = [
        SelfCheck(
            table=table,
            held_on=(now - timedelta(days=rng.randint(0, 300))).date(),
            status=CheckStatus.COMPLETED,
            completed_at=now,
        )
        for table in tables
    ]
    batch(SelfCheck, checks)
    checks = list(SelfCheck.objects.filter(table__in=tables).only("id", "table_id"))
    cards = [
        ConditionAssessment(
            table_id=check.table_id, check_run_id=check.pk, code=c.code, level=rng.randint(1, 4)
        )
        for check in checks
        for c in CONDITIONS
    ]
    batch(ConditionAssessment, cards)
    return {"selfchecks": len(checks), "selfcheck_cards": len(cards)}


def delete(*, tables) -> None:
    ConditionAssessment.objects.filter(table__in=tables).delete()
    SelfCheck.objects.filter(table__in=tables).delete()
