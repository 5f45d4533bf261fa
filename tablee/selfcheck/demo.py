"""Demo self-checks of « Table de quartier Démo »; idempotent.

Two completed checks a year apart: most conditions improve, one slips
(turnover). Evidence points to the demo charter and decisions, and one next
step becomes an action of the plan of `securite-alimentaire` when it exists.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.charters.models import CharterVersion
from tablee.decisions.models import Decision
from tablee.plans.models import Objective
from tablee.selfcheck import selectors, services
from tablee.selfcheck.models import SelfCheck
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"

FIRST = {
    "purpose": 2,
    "legitimacy": 2,
    "rules": 2,
    "beyond_agreement": 1,
    "innovation": 2,
    "strengths": 2,
    "involvement": 1,
    "attitudes": 3,
    "communication": 2,
    "turnover": 3,
    "evaluation": 1,
    "practice": 2,
}
SECOND = dict(FIRST, purpose=3, rules=3, involvement=2, evaluation=2, communication=3, turnover=2)
NOTES = {
    "rules": (
        "Le cadre de référence a été adopté en assemblée ; il reste à le présenter aux nouveaux."
    ),
    "turnover": (
        "Trois représentants ont changé cette année ; l'accueil s'est fait au cas par cas."
    ),
    "evaluation": (
        "Première évaluation collective faite cette année ; à refaire chaque printemps."
    ),
}
STEPS = {
    "turnover": "Jumeler chaque nouvelle personne représentante avec un membre d'expérience",
    "involvement": "Réserver deux sièges à des personnes en situation de pauvreté",
}


def _fill(check, *, actor, levels, evidence, notes=None, steps=None):
    for card in selectors.card_list(check=check):
        services.card_update(
            card=card,
            actor=actor,
            base_revision=card.revision,
            data=services.CardInput(
                level=levels[card.code],
                note=(notes or {}).get(card.code, ""),
                next_step=(steps or {}).get(card.code, ""),
                onboarding=card.code == "turnover",
                evidence=evidence.get(card.code, {}),
            ),
        )


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if SelfCheck.objects.for_table(table).exists():
        return
    charter = CharterVersion.objects.for_table(table).order_by("-number").first()
    decisions = list(Decision.objects.for_table(table).order_by("number")[:3])
    evidence = {}
    if charter is not None:
        evidence["rules"] = {"charter_versions": [charter]}
        evidence["purpose"] = {"charter_versions": [charter]}
    if decisions:
        evidence.setdefault("rules", {})["decisions"] = decisions[:1]
        evidence["legitimacy"] = {"decisions": decisions[1:3]}
    today = timezone.localdate()
    first = services.selfcheck_start(
        table=table, actor=coordinator, held_on=today - timedelta(days=365)
    )
    _fill(first, actor=coordinator, levels=FIRST, evidence=evidence)
    services.selfcheck_complete(check=first, actor=coordinator)
    second = services.selfcheck_start(table=table, actor=coordinator, held_on=today)
    _fill(second, actor=coordinator, levels=SECOND, evidence=evidence, notes=NOTES, steps=STEPS)
    objective = (
        Objective.objects.for_table(table)
        .filter(process__slug=PROCESS_SLUG)
        .select_related("process")
        .order_by("-position")
        .first()
    )
    if objective is not None:
        card = next(c for c in selectors.card_list(check=second) if c.code == "involvement")
        services.card_plan_next_step(
            card=card, actor=coordinator, objective=objective, base_revision=card.revision
        )
    services.selfcheck_complete(check=second, actor=coordinator)
