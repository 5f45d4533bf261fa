"""Benchmark data of vision and priorities, written with bulk_create.

For each generated table's process `plan-action` (written by the processes
generator): an adopted common vision (version 1 and its decision in the
register) and one closed prioritisation round, not adopted yet, of ~10
candidates × 5 criteria rated by the table's members and coordinators (at
most 30). The largest table, `gen-table-001`, gets the largest round: 20
candidates rated by up to 60 people.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from tablee.decisions.models import Decision, Modality, Outcome, search_key
from tablee.priorities.models import (
    Candidate,
    PriorityRound,
    Rating,
    RoundCriterion,
    VisionComment,
    VisionStatus,
    VisionVersion,
)
from tablee.processes.models import Process

PROCESS_SLUG = "plan-action"
ROUND_TITLE = "Priorisation générée"
CANDIDATES = 10
BIG_CANDIDATES = 20
MAX_RATERS = 30
BIG_MAX_RATERS = 60
CRITERIA = [
    "Impact attendu",
    "Faisabilité",
    "Urgence",
    "Cohérence avec la mission de la table",
    "Capacité d'agir",
]
IDEAS = [
    "Frigos communautaires",
    "Marché mobile",
    "Cuisines collectives",
    "Épicerie solidaire",
    "Jardins partagés",
    "Navette vers les épiceries",
    "Carte des ressources",
    "Halte-garderie",
    "Aide aux devoirs",
    "Logements abordables",
    "Transport de soir",
    "Accueil des nouveaux arrivants",
    "Maison des jeunes",
    "Répit pour les proches aidants",
    "Sécurité des parcs",
    "Clinique de proximité",
    "Friperie solidaire",
    "Ateliers de francisation",
    "Corridor scolaire",
    "Fête de quartier",
]
VISION = (
    "Un territoire où chaque personne a accès aux services et aux ressources dont elle a "
    "besoin, et où les partenaires agissent ensemble, dans le respect de leurs missions."
)


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    table_ids = [table.pk for table in tables]
    processes = list(
        Process.objects.filter(table_id__in=table_ids, slug=PROCESS_SLUG).order_by("table_id")
    )
    if not processes:
        return {"vision versions": 0, "priority rounds": 0, "ratings": 0}
    first_table = min(tables, key=lambda t: t.slug).pk
    now = timezone.now()
    last_numbers = dict(
        Decision.objects.filter(table_id__in=table_ids)
        .values("table_id")
        .annotate(last=Max("number"))
        .values_list("table_id", "last")
    )

    def lead(table_id):
        roles = seats.get(table_id, {})
        return next((uid for uid, role in roles.items() if role == "coordinator"), None)

    # Vision: one adopted version per process, with its decision.
    decisions, visions = [], []
    for process in processes:
        recorder = lead(process.table_id)
        if recorder is None:
            continue
        number = last_numbers.get(process.table_id, 0) + 1
        last_numbers[process.table_id] = number
        wording = f"Adoption de la vision commune, version 1 ({process.title})"
        decisions.append(
            Decision(
                table_id=process.table_id,
                number=number,
                wording=wording,
                search_text=search_key(wording),
                decided_on=(now - timedelta(days=90)).date(),
                modality=Modality.CONSENSUS,
                outcome=Outcome.ADOPTED,
                recorded_by_id=recorder,
            )
        )
        visions.append(
            VisionVersion(
                table_id=process.table_id,
                process=process,
                number=1,
                status=VisionStatus.ADOPTED,
                statement=VISION,
                adopted_at=now - timedelta(days=90),
                adopted_by_id=recorder,
                created_by_id=recorder,
            )
        )
    batch(Decision, decisions)
    for vision, decision in zip(visions, decisions, strict=True):
        vision.decision = decision
    batch(VisionVersion, visions)

    # Rounds: closed a month ago, results waiting to be adopted.
    rounds = [
        PriorityRound(
            table_id=process.table_id,
            process=process,
            title=ROUND_TITLE,
            opens_at=now - timedelta(days=60),
            closes_at=now - timedelta(days=30),
            created_by_id=lead(process.table_id),
        )
        for process in processes
    ]
    batch(PriorityRound, rounds)
    criteria, candidates = [], []
    per_round: dict[int, tuple[list, list]] = {}
    for round in rounds:
        big = round.table_id == first_table
        crit = [
            RoundCriterion(table_id=round.table_id, round=round, position=i, label=label)
            for i, label in enumerate(CRITERIA)
        ]
        count = BIG_CANDIDATES if big else CANDIDATES
        cand = [
            Candidate(
                table_id=round.table_id,
                round=round,
                position=i,
                title=IDEAS[(i + round.table_id) % len(IDEAS)],
                description="Piste d'action générée pour les mesures de performance.",
            )
            for i in range(count)
        ]
        criteria.extend(crit)
        candidates.extend(cand)
        per_round[round.pk] = (crit, cand)
    batch(RoundCriterion, criteria)
    batch(Candidate, candidates)

    ratings = []
    for round in rounds:
        crit, cand = per_round[round.pk]
        cap = BIG_MAX_RATERS if round.table_id == first_table else MAX_RATERS
        raters = [
            uid for uid, role in seats.get(round.table_id, {}).items() if role != "observer"
        ][:cap]
        # Each cell has a typical rating; one in eight splits the group.
        typical = {(c.pk, k.pk): rng.randint(1, 5) for c in cand for k in crit}
        split = {key for key in typical if rng.random() < 0.125}
        for index, uid in enumerate(raters):
            for (cand_pk, crit_pk), value in typical.items():
                if (cand_pk, crit_pk) in split:
                    score = 1 if index % 2 else 5
                else:
                    score = min(5, max(1, value + rng.choice((-1, 0, 0, 1))))
                ratings.append(
                    Rating(
                        table_id=round.table_id,
                        round=round,
                        candidate_id=cand_pk,
                        criterion_id=crit_pk,
                        rater_id=uid,
                        score=score,
                    )
                )
    batch(Rating, ratings)
    progress(f"{len(rounds)} prioritisation rounds, {len(ratings)} ratings")
    return {
        "vision versions": len(visions),
        "priority rounds": len(rounds),
        "ratings": len(ratings),
    }


def delete(*, tables) -> None:
    Rating.objects.filter(table__in=tables).delete()
    Candidate.objects.filter(table__in=tables).delete()
    RoundCriterion.objects.filter(table__in=tables).delete()
    PriorityRound.objects.filter(table__in=tables).delete()
    VisionComment.objects.filter(table__in=tables).delete()
    VisionVersion.objects.filter(table__in=tables).delete()
