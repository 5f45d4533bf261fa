"""Benchmark data for action plans (see tablee/core/generate.py).

For each generated table's process `plan-action` (made by the processes
generator, which runs first): four objectives with two strategies each,
about fifty actions (exactly BIG_PLAN_ACTIONS on the first table, the
benchmark's plan), partners and progress updates. Everything is bulk-created.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.members.models import Seat
from tablee.plans.models import (
    ActionOrigin,
    ActionPartner,
    ActionStatus,
    Axis,
    Objective,
    PartnerRole,
    PlanAction,
    ProgressUpdate,
)
from tablee.processes.models import Process
from tablee.tables.models import Role

PROCESS_SLUG = "plan-action"
OBJECTIVES_PER_PLAN = 4
AXES_PER_OBJECTIVE = 2
BIG_PLAN_ACTIONS = 50
ACTIONS_RANGE = (40, 55)

OBJECTIVE_TITLES = [
    "Améliorer l'accès à une alimentation saine",
    "Soutenir la réussite éducative des jeunes",
    "Favoriser l'accès à un logement abordable",
    "Briser l'isolement des personnes aînées",
    "Renforcer la concertation entre les partenaires",
    "Faire entendre la voix des citoyennes et citoyens",
]
AXIS_TITLES = [
    "Mobiliser les partenaires",
    "Rapprocher les services",
    "Soutenir les initiatives citoyennes",
    "Informer et sensibiliser",
    "Partager les ressources",
]
ACTION_VERBS = [
    "Organiser",
    "Mettre sur pied",
    "Consolider",
    "Documenter",
    "Étendre",
    "Évaluer",
    "Financer",
    "Promouvoir",
]
ACTION_OBJECTS = [
    "des ateliers de cuisine collective",
    "un comité de citoyens",
    "un service de navette",
    "un répertoire des ressources",
    "un jardin communautaire",
    "une halte-répit",
    "une campagne d'information",
    "des achats groupés",
    "un point de service mobile",
    "un forum annuel",
]
STATUS_WEIGHTS = [
    (ActionStatus.PLANNED, 25),
    (ActionStatus.UNDER_WAY, 35),
    (ActionStatus.DONE, 20),
    (ActionStatus.LATE, 10),
    (ActionStatus.SUSPENDED, 6),
    (ActionStatus.ABANDONED, 4),
]
NOTES = [
    "Rencontre de démarrage tenue.",
    "Les partenaires ont confirmé leur participation.",
    "Retard causé par un manque de bénévoles.",
    "Première activité réalisée, bonne participation.",
    "En attente d'une réponse du bailleur de fonds.",
    "Bilan présenté au comité de coordination.",
]


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    table_ids = [t.pk for t in tables]
    processes = list(
        Process.objects.filter(table_id__in=table_ids, slug=PROCESS_SLUG).order_by("table_id")
    )
    if not processes:
        return {}
    # The first generated table (gen-table-001) holds the benchmark's plan.
    first_table_id = min(tables, key=lambda t: t.slug).pk
    organizations: dict[int, list[int]] = {}
    for table_id, organization_id in (
        Seat.objects.filter(
            table_id__in=table_ids, organization__isnull=False, closed_at__isnull=True
        )
        .values_list("table_id", "organization_id")
        .distinct()
    ):
        organizations.setdefault(table_id, []).append(organization_id)
    today = timezone.localdate()
    statuses = [status for status, _w in STATUS_WEIGHTS]
    weights = [weight for _s, weight in STATUS_WEIGHTS]

    objectives: list[Objective] = []
    for process in processes:
        titles = rng.sample(OBJECTIVE_TITLES, OBJECTIVES_PER_PLAN)
        for position, title in enumerate(titles):
            objectives.append(
                Objective(
                    table_id=process.table_id,
                    process=process,
                    position=position,
                    title=title,
                    description="Objectif généré pour les mesures de performance.",
                )
            )
    batch(Objective, objectives)
    axes: list[Axis] = []
    for objective in objectives:
        for position, title in enumerate(rng.sample(AXIS_TITLES, AXES_PER_OBJECTIVE)):
            axes.append(
                Axis(
                    table_id=objective.table_id,
                    objective=objective,
                    position=position,
                    title=title,
                )
            )
    batch(Axis, axes)
    axes_of: dict[int, list[Axis]] = {}
    for axis in axes:
        axes_of.setdefault(axis.objective_id, []).append(axis)
    objectives_of: dict[int, list[Objective]] = {}
    for objective in objectives:
        objectives_of.setdefault(objective.process_id, []).append(objective)

    actions: list[PlanAction] = []
    for process in processes:
        table_id = process.table_id
        count = BIG_PLAN_ACTIONS if table_id == first_table_id else rng.randint(*ACTIONS_RANGE)
        orgs = organizations.get(table_id, [])
        people = [
            uid for uid, role in seats.get(table_id, {}).items() if role != Role.OBSERVER
        ] or [None]
        plan_objectives = objectives_of[process.pk]
        positions: dict[tuple[int, int | None], int] = {}
        for index in range(count):
            objective = plan_objectives[index % len(plan_objectives)]
            axis = rng.choice([*axes_of[objective.pk], None])
            key = (objective.pk, axis.pk if axis else None)
            positions[key] = positions.get(key, -1) + 1
            start = today + timedelta(days=rng.randint(-540, 180))
            status = rng.choices(statuses, weights)[0]
            actions.append(
                PlanAction(
                    table_id=table_id,
                    process=process,
                    objective=objective,
                    axis=axis,
                    position=positions[key],
                    title=f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_OBJECTS)} ({index + 1})",
                    description="Action générée pour les mesures de performance.",
                    accountable_organization_id=rng.choice(orgs) if orgs else None,
                    accountable_person_id=rng.choice(people),
                    starts_on=start,
                    ends_on=start + timedelta(days=rng.randint(60, 420)),
                    status=status,
                    origin=(
                        ActionOrigin.FIXED if rng.random() < 0.2 else ActionOrigin.CO_CONSTRUCTED
                    ),
                )
            )
    batch(PlanAction, actions)

    partners: list[ActionPartner] = []
    updates: list[ProgressUpdate] = []
    roles = list(PartnerRole.values)
    for action in actions:
        orgs = organizations.get(action.table_id, [])
        candidates = [o for o in orgs if o != action.accountable_organization_id]
        for organization_id in rng.sample(candidates, min(len(candidates), rng.randint(0, 3))):
            partners.append(
                ActionPartner(
                    table_id=action.table_id,
                    action=action,
                    organization_id=organization_id,
                    role=rng.choice(roles),
                    role_detail="Partenaire généré",
                )
            )
        author = action.accountable_person_id
        if author is None or action.status == ActionStatus.PLANNED:
            continue
        steps = rng.randint(1, 3)
        for step in range(steps):
            reported = min(action.starts_on + timedelta(days=30 * (step + 1)), today)
            updates.append(
                ProgressUpdate(
                    table_id=action.table_id,
                    action=action,
                    reported_on=reported,
                    status=action.status if step == steps - 1 else ActionStatus.UNDER_WAY,
                    note=rng.choice(NOTES),
                    author_id=author,
                )
            )
    batch(ActionPartner, partners)
    batch(ProgressUpdate, updates)
    return {
        "plan objectives": len(objectives),
        "plan actions": len(actions),
        "plan partners": len(partners),
        "progress updates": len(updates),
    }


def delete(*, tables) -> None:
    ProgressUpdate.objects.filter(table__in=tables).delete()
    ActionPartner.objects.filter(table__in=tables).delete()
    PlanAction.objects.filter(table__in=tables).delete()
    Axis.objects.filter(table__in=tables).delete()
    Objective.objects.filter(table__in=tables).delete()
