"""Benchmark data of the frameworks and conditions registers (see tablee/core/generate.py).

Per generated table: two to four normative frameworks, each framing one or
two objectives and a few actions of the process `plan-action` (written by the
plans generator, which runs first), and three to six obstacles and
favourable conditions linked to actions and stages. Bulk-created.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.utils import timezone

from tablee.frameworks.models import (
    FAVOURABLE_CATEGORIES,
    OBSTACLE_CATEGORIES,
    Condition,
    ConditionKind,
    ConditionStatus,
    Framework,
    FrameworkKind,
)

PROCESS_SLUG = "plan-action"
TITLES = {
    FrameworkKind.LAW: "Loi-cadre générée",
    FrameworkKind.PROGRAM: "Programme régional généré",
    FrameworkKind.AGREEMENT: "Entente de collaboration générée",
    FrameworkKind.PROTOCOL: "Protocole d'intervention généré",
    FrameworkKind.ETHICS: "Code d'éthique généré",
    FrameworkKind.OTHER: "Cadre de référence généré",
}
OBSTACLES = [
    "Financement par projet trop court pour assurer la continuité",
    "Changement de priorités politiques en cours de route",
    "Des logiques d'action différentes entre réseau public et milieu communautaire",
    "Information qui circule mal entre les organismes",
    "Un désaccord ancien entre deux organismes freine le travail",
]
FAVOURABLE = [
    "Le comité accepte d'essayer une formule nouvelle",
    "Bilan franc de la première année, sans chercher de coupable",
    "Un portrait partagé des besoins du territoire",
    "Les acteurs concernés se réfèrent directement les familles",
]


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    from tablee.plans.models import PlanAction
    from tablee.processes.models import Stage

    table_ids = [t.pk for t in tables]
    actions = defaultdict(list)  # table id → [(action id, objective id)]
    for action_id, table_id, objective_id in (
        PlanAction.objects.filter(table_id__in=table_ids, process__slug=PROCESS_SLUG)
        .order_by("id")
        .values_list("id", "table_id", "objective_id")
    ):
        actions[table_id].append((action_id, objective_id))
    stages = defaultdict(list)
    for stage_id, table_id in (
        Stage.objects.filter(table_id__in=table_ids, process__slug=PROCESS_SLUG)
        .order_by("id")
        .values_list("id", "table_id")
    ):
        stages[table_id].append(stage_id)

    today = timezone.localdate()
    kinds = list(FrameworkKind)
    frameworks, conditions = [], []
    for table_id in table_ids:
        for index in range(rng.randint(2, 4)):
            kind = kinds[(table_id + index) % len(kinds)]
            start = date(today.year - rng.randint(0, 4), 1, 1)
            frameworks.append(
                Framework(
                    table_id=table_id,
                    title=f"{TITLES[kind]} {index + 1}",
                    kind=kind,
                    issuer="Organisme émetteur généré",
                    starts_on=start,
                    ends_on=date(start.year + 5, 12, 31) if rng.random() < 0.6 else None,
                    note="Cadre généré pour les mesures de performance.",
                )
            )
        for _index in range(rng.randint(3, 6)):
            obstacle = rng.random() < 0.55
            kind = ConditionKind.OBSTACLE if obstacle else ConditionKind.FAVOURABLE
            category = rng.choice(OBSTACLE_CATEGORIES if obstacle else FAVOURABLE_CATEGORIES)
            addressed = rng.random() < 0.4
            conditions.append(
                Condition(
                    table_id=table_id,
                    kind=kind,
                    category=category,
                    description=rng.choice(OBSTACLES if obstacle else FAVOURABLE),
                    noticed_on=today - timedelta(days=rng.randint(10, 900)),
                    status=ConditionStatus.ADDRESSED if addressed else ConditionStatus.OPEN,
                    response="Le comité a convenu d'un suivi." if addressed else "",
                )
            )
    batch(Framework, frameworks)
    batch(Condition, conditions)

    framework_actions, framework_objectives = [], []
    through_actions = Framework.actions.through
    through_objectives = Framework.objectives.through
    for framework_id, table_id in Framework.objects.filter(table_id__in=table_ids).values_list(
        "id", "table_id"
    ):
        mine = actions.get(table_id) or []
        if not mine:
            continue
        picked = rng.sample(mine, min(len(mine), rng.randint(1, 4)))
        framework_actions += [
            through_actions(framework_id=framework_id, planaction_id=a) for a, _o in picked
        ]
        framework_objectives += [
            through_objectives(framework_id=framework_id, objective_id=o)
            for o in sorted({o for _a, o in picked})[:2]
        ]
    condition_actions, condition_stages = [], []
    for condition_id, table_id in Condition.objects.filter(table_id__in=table_ids).values_list(
        "id", "table_id"
    ):
        mine = actions.get(table_id) or []
        if mine:
            condition_actions.append(
                Condition.actions.through(
                    condition_id=condition_id, planaction_id=rng.choice(mine)[0]
                )
            )
        if stages.get(table_id):
            condition_stages.append(
                Condition.stages.through(
                    condition_id=condition_id, stage_id=rng.choice(stages[table_id])
                )
            )
    batch(through_actions, framework_actions)
    batch(through_objectives, framework_objectives)
    batch(Condition.actions.through, condition_actions)
    batch(Condition.stages.through, condition_stages)
    return {"frameworks": len(frameworks), "conditions": len(conditions)}


def delete(*, tables) -> None:
    Condition.objects.filter(table__in=tables).delete()
    Framework.objects.filter(table__in=tables).delete()
