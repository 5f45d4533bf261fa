"""Benchmark relations surveys: one closed wave for about one generated table in ten.

Each wave takes at most MAX_PARTICIPANTS seated organizations, about three
in four answer, and each answer rates every other participant, so a wave
holds at most 40 × 39 = 1,560 ratings (about 20 waves and 20,000 ratings at
scale 1). Written with bulk_create only.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.members.models import Seat
from tablee.relationsurvey.models import AnswerSet, Participant, TieRating, TieRule, Wave

EVERY = 10
MAX_PARTICIPANTS = 40
ANSWER_SHARE = 0.75


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    now = timezone.now()
    chosen = sorted(tables, key=lambda t: t.slug)[::EVERY]
    seated: dict[int, list[tuple[int, int | None]]] = {t.pk: [] for t in chosen}
    for table_id, org_id, sector_id in (
        Seat.objects.filter(table__in=chosen, closed_at__isnull=True, organization__isnull=False)
        .order_by("table_id", "organization_id")
        .values_list("table_id", "organization_id", "organization__sector_id")
    ):
        if len(seated[table_id]) < MAX_PARTICIPANTS:
            seated[table_id].append((org_id, sector_id))
    chosen = [t for t in chosen if len(seated[t.pk]) >= 2]
    waves = []
    for table in chosen:
        opens = now - timedelta(days=rng.randint(30, 300))
        waves.append(
            Wave(
                table_id=table.pk,
                title=f"Carte des liens {opens.year}",
                opens_at=opens,
                closes_at=opens + timedelta(days=21),
                tie_level=2,
                tie_rule=TieRule.EITHER,
                ask_trust_value=True,
            )
        )
    batch(Wave, waves)
    participants, answer_sets = [], []
    for wave in waves:
        orgs = seated[wave.table_id]
        participants.extend(
            Participant(table_id=wave.table_id, wave_id=wave.pk, organization_id=o, sector_id=s)
            for o, s in orgs
        )
        answer_sets.extend(
            AnswerSet(table_id=wave.table_id, wave_id=wave.pk, organization_id=o)
            for o, _s in orgs
            if rng.random() < ANSWER_SHARE
        )
    batch(Participant, participants)
    batch(AnswerSet, answer_sets)
    ratings = []
    by_wave = {wave.pk: seated[wave.table_id] for wave in waves}
    for answer_set in answer_sets:
        for target, _sector in by_wave[answer_set.wave_id]:
            if target == answer_set.organization_id:
                continue
            level = rng.choices(range(6), weights=[6, 5, 4, 2, 1, 1])[0]
            ratings.append(
                TieRating(
                    table_id=answer_set.table_id,
                    wave_id=answer_set.wave_id,
                    answer_set_id=answer_set.pk,
                    source_id=answer_set.organization_id,
                    target_id=target,
                    level=level,
                    trust=rng.randint(1, 4) if level else None,
                    value=rng.randint(1, 4) if level else None,
                )
            )
    batch(TieRating, ratings)
    progress(f"relations survey: {len(waves)} waves, {len(ratings)} ratings")
    return {"relation survey waves": len(waves), "relation survey ratings": len(ratings)}


def delete(*, tables) -> None:
    TieRating.objects.filter(table__in=tables).delete()
    AnswerSet.objects.filter(table__in=tables).delete()
    Participant.objects.filter(table__in=tables).delete()
    Wave.objects.filter(table__in=tables).delete()
