"""Benchmark data: one collective process (slug `plan-action`) per generated table.

Each process has its eight stages in realistic statuses, needed groups and
levers, and stages linked to some of the table's generated meetings. The
process of gen-table-001 gets the most: every meeting of the table linked,
more needed groups and contributions (the mobilisation benchmark page).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.processes.models import (
    Lever,
    Process,
    Stage,
    StageContribution,
    StageDocument,
    StageKind,
    StageLever,
    StageNeed,
    StageStatus,
)
from tablee.processes.services import DEFAULT_QUESTIONS

PROCESS_SLUG = "plan-action"
TITLE = "Plan d'action concerté"
STATUSES = [StageStatus.DONE] * 5 + [StageStatus.UNDER_WAY] * 2 + [StageStatus.TO_COME]
# Share of the three years each stage takes (implementation and follow-up overlap).
SPANS = [(0, 3), (3, 6), (6, 8), (8, 10), (10, 12), (12, 33), (12, 34), (32, 36)]
ACTOR_TYPES = ["strategic", "tactical", "lived_experience"]
LEVELS = ["informed", "consulted", "contributing", "deciding"]
MEANS = {
    Lever.INFORMATION: "Synthèse partagée avant chaque rencontre.",
    Lever.COMMUNICATION: "Courriel personnalisé et rappel la veille.",
    Lever.MOTIVATION: "Retour sur ce que chaque contribution a changé.",
    Lever.RESOURCES: "Temps de coordination et salle prêtée.",
}
NOTES = [
    "Données partagées avec le groupe de travail.",
    "Salle prêtée pour l'atelier.",
    "Animation d'un groupe de discussion.",
    "Relecture du document de travail.",
    "Heures de bénévolat pour la collecte.",
]


def _by_table(rows):
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row[1:])
    return grouped


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    from tablee.decisions.models import Decision
    from tablee.meetings.models import Meeting
    from tablee.members.models import Committee, Seat

    table_ids = [t.pk for t in tables]
    first_table_id = min(tables, key=lambda t: t.slug).pk
    today = timezone.localdate()
    start = today - timedelta(days=540)

    processes = [
        Process(
            table_id=table.pk,
            slug=PROCESS_SLUG,
            title=f"{TITLE} {start.year}-{start.year + 3}",
            purpose="Démarche générée pour les mesures de performance.",
            starts_on=start,
            ends_on=start + timedelta(days=3 * 365),
        )
        for table in tables
    ]
    batch(Process, processes)
    process_of = dict(
        Process.objects.filter(table_id__in=table_ids, slug=PROCESS_SLUG).values_list(
            "table_id", "pk"
        )
    )
    month = timedelta(days=365 / 12)
    stages = []
    for table_id, process_id in process_of.items():
        for position, (kind, status, (lo, hi)) in enumerate(
            zip(StageKind.values, STATUSES, SPANS, strict=True), start=1
        ):
            stages.append(
                Stage(
                    table_id=table_id,
                    process_id=process_id,
                    kind=kind,
                    position=position,
                    status=status,
                    starts_on=start + lo * month,
                    ends_on=start + hi * month,
                    question=str(DEFAULT_QUESTIONS[kind]),
                )
            )
    batch(Stage, stages)
    stage_rows = _by_table(
        Stage.objects.filter(process_id__in=process_of.values())
        .order_by("table_id", "position")
        .values_list("table_id", "pk", "kind")
    )

    seat_rows = _by_table(
        Seat.objects.filter(table_id__in=table_ids, closed_at__isnull=True).values_list(
            "table_id", "pk", "sector_id", "organization__sector_id"
        )
    )
    committee_rows = _by_table(
        Committee.objects.filter(table_id__in=table_ids, closed_at__isnull=True).values_list(
            "table_id", "pk"
        )
    )
    meeting_rows = _by_table(
        Meeting.objects.filter(table_id__in=table_ids, starts_at__isnull=False)
        .order_by("table_id", "starts_at", "pk")
        .values_list("table_id", "pk")
    )
    decisions_of_meeting = _by_table(
        Decision.objects.filter(table_id=first_table_id, meeting__isnull=False).values_list(
            "meeting_id", "pk"
        )
    )

    needs, levers, meeting_links, decision_links, contributions = [], [], [], [], []
    for table_id in table_ids:
        big = table_id == first_table_id
        table_stages = stage_rows.get(table_id, [])
        table_seats = seat_rows.get(table_id, [])
        sectors = sorted({s[1] or s[2] for s in table_seats if s[1] or s[2]})
        committees = [c[0] for c in committee_rows.get(table_id, [])]
        recorder = next(
            (uid for uid, role in seats.get(table_id, {}).items() if role == "coordinator"),
            None,
        )
        for index, (stage_id, _kind) in enumerate(table_stages):
            chosen_types = ACTOR_TYPES if big else rng.sample(ACTOR_TYPES, 1)
            for actor_type in chosen_types:
                needs.append(
                    StageNeed(
                        table_id=table_id,
                        stage_id=stage_id,
                        group_kind="actor_type",
                        actor_type=actor_type,
                        level=rng.choice(LEVELS),
                    )
                )
            for sector_id in rng.sample(sectors, min(len(sectors), 4 if big else 1)):
                needs.append(
                    StageNeed(
                        table_id=table_id,
                        stage_id=stage_id,
                        group_kind="sector",
                        sector_id=sector_id,
                        level=rng.choice(LEVELS),
                    )
                )
            for committee_id in rng.sample(committees, min(len(committees), 2 if big else 0)):
                needs.append(
                    StageNeed(
                        table_id=table_id,
                        stage_id=stage_id,
                        group_kind="committee",
                        committee_id=committee_id,
                        level=rng.choice(LEVELS),
                    )
                )
            for seat in rng.sample(table_seats, min(len(table_seats), 2 if big else 1)):
                needs.append(
                    StageNeed(
                        table_id=table_id,
                        stage_id=stage_id,
                        group_kind="seat",
                        seat_id=seat[0],
                        level=rng.choice(LEVELS),
                    )
                )
            # Every other stage leaves one lever empty: unsupported in the view.
            empty = rng.choice(Lever.values) if index % 2 else None
            for lever in Lever.values:
                levers.append(
                    StageLever(
                        table_id=table_id,
                        stage_id=stage_id,
                        lever=lever,
                        means="" if lever == empty else MEANS[lever],
                    )
                )
            if recorder is not None and table_seats:
                for _n in range(10 if big else rng.randint(0, 1)):
                    contributions.append(
                        StageContribution(
                            table_id=table_id,
                            stage_id=stage_id,
                            seat_id=rng.choice(table_seats)[0],
                            contributed_on=today - timedelta(days=rng.randint(1, 500)),
                            note=rng.choice(NOTES),
                            recorded_by_id=recorder,
                        )
                    )
        # Meetings from the vision stage on, in date order; gen-table-001
        # links every meeting (and the follow-up also gets the latest ones).
        meetings = [m[0] for m in meeting_rows.get(table_id, [])]
        if not big:
            meetings = meetings[-6:]
        working = [stage_id for stage_id, kind in table_stages][2:7]
        if meetings and working:
            size = max(1, len(meetings) // len(working))
            for n, meeting_id in enumerate(meetings):
                stage_id = working[min(n // size, len(working) - 1)]
                meeting_links.append(
                    Stage.meetings.through(stage_id=stage_id, meeting_id=meeting_id)
                )
                if big and stage_id != working[-1] and n >= len(meetings) - 10:
                    meeting_links.append(
                        Stage.meetings.through(stage_id=working[-1], meeting_id=meeting_id)
                    )
                if big and stage_id in working[:3]:
                    for (decision_id,) in decisions_of_meeting.get(meeting_id, []):
                        decision_links.append(
                            Stage.decisions.through(stage_id=stage_id, decision_id=decision_id)
                        )
    batch(StageNeed, needs)
    batch(StageLever, levers)
    batch(StageContribution, contributions)
    batch(Stage.meetings.through, meeting_links)
    batch(Stage.decisions.through, decision_links)
    return {
        "processes": len(processes),
        "stages": len(stages),
        "needed groups": len(needs),
        "stage links": len(meeting_links) + len(decision_links),
        "stage contributions": len(contributions),
    }


def delete(*, tables) -> None:
    stages = Stage.objects.filter(table__in=tables)
    StageContribution.objects.filter(table__in=tables).delete()
    StageNeed.objects.filter(table__in=tables).delete()
    StageLever.objects.filter(table__in=tables).delete()
    StageDocument.objects.filter(table__in=tables).delete()
    Stage.meetings.through.objects.filter(stage__in=stages).delete()
    Stage.decisions.through.objects.filter(stage__in=stages).delete()
    Stage.polls.through.objects.filter(stage__in=stages).delete()
    stages.delete()
    Process.objects.filter(table__in=tables).delete()
