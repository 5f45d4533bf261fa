"""Demo indicators of the « securite-alimentaire » plan of « Table de quartier Démo ».

About ten indicators across the three questions of results-based
accountability, each on the plan action it fits best, with a baseline, a
target and values over the last two to three years. Written through the
services, so the activity log tells the story. Does nothing when the plans
demo did not create the process, or when its indicators already exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from tablee.decisions.models import search_key
from tablee.results import services
from tablee.results.models import PlanIndicator

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"


@dataclass(frozen=True)
class Spec:
    name: str
    kind: str
    unit: str
    baseline: float
    target: float
    source: str
    keywords: tuple[str, ...]
    every_months: int = 6


SPECS = [
    Spec(
        "Paniers de dépannage distribués",
        "how_much",
        "paniers",
        1200,
        2000,
        "Registres des comptoirs alimentaires",
        ("panier", "depannage", "comptoir", "distribution", "banque"),
        3,
    ),
    Spec(
        "Personnes usagères satisfaites de l'accueil",
        "how_well",
        "%",
        68,
        85,
        "Sondage annuel auprès des personnes usagères",
        ("panier", "depannage", "comptoir", "accueil", "epicerie"),
        12,
    ),
    Spec(
        "Ménages du quartier en insécurité alimentaire",
        "better_off",
        "%",
        18,
        12,
        "Enquête de la santé publique régionale",
        ("insecurite", "acces", "portrait", "epicerie", "marche"),
        12,
    ),
    Spec(
        "Repas préparés en cuisines collectives",
        "how_much",
        "repas",
        3500,
        6000,
        "Fiches de production des cuisines",
        ("cuisine", "repas", "collective"),
        3,
    ),
    Spec(
        "Participantes et participants revenus à une deuxième cuisine",
        "how_well",
        "%",
        55,
        75,
        "Listes de présence des cuisines collectives",
        ("cuisine", "repas", "atelier"),
        6,
    ),
    Spec(
        "Parcelles cultivées dans les jardins collectifs",
        "how_much",
        "parcelles",
        40,
        70,
        "Inventaire du comité des jardins",
        ("jardin", "potager", "agriculture", "serre"),
        12,
    ),
    Spec(
        "Familles qui mangent plus de légumes frais",
        "better_off",
        "%",
        30,
        50,
        "Questionnaire de fin de saison",
        ("jardin", "legume", "marche", "fruits"),
        12,
    ),
    Spec(
        "Organismes engagés dans le comité sécurité alimentaire",
        "how_much",
        "organismes",
        6,
        12,
        "Procès-verbaux du comité",
        ("comite", "concertation", "partenaire", "reseau", "mobilis"),
        6,
    ),
    Spec(
        "Délai moyen avant une première aide alimentaire",
        "how_well",
        "jours",
        10,
        3,
        "Relevé des demandes au CLSC et aux comptoirs",
        ("reference", "referencement", "clsc", "acces", "trajectoire"),
        6,
    ),
    Spec(
        "Personnes aînées qui disent mieux s'alimenter",
        "better_off",
        "%",
        40,
        60,
        "Entrevues téléphoniques auprès des aînés",
        ("aine", "livraison", "popote", "domicile", "transport"),
        12,
    ),
]


def _pick_action(actions: list, spec: Spec, used: dict[int, int]):
    """The least-used action whose title matches a keyword, else the least-used one."""
    matching = [a for a in actions if any(k in search_key(a.title) for k in spec.keywords)]
    pool = matching or actions
    return min(pool, key=lambda a: (used.get(a.pk, 0), actions.index(a)))


def _dates(start: date, end: date, every_months: int) -> list[date]:
    found = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        found.append(date(year, month, 1))
        month += every_months
        while month > 12:
            month -= 12
            year += 1
    return found


def load(*, people) -> None:
    from tablee.plans.models import PlanAction
    from tablee.processes.models import Process
    from tablee.tables.models import Table

    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    process = Process.objects.for_table(table).filter(slug=PROCESS_SLUG).first()
    if process is None or PlanIndicator.objects.for_table(table).filter(process=process).exists():
        return
    actions = list(
        PlanAction.objects.for_table(table)
        .filter(process=process)
        .select_related("accountable_person")
        .order_by("objective__position", "objective_id", "position", "id")
    )
    if not actions:
        return
    rng = random.Random(7)
    today = timezone.localdate()
    baseline_on = date(today.year - 3, 1, 1)
    if process.starts_on and process.starts_on < today:
        baseline_on = date(process.starts_on.year, process.starts_on.month, 1)
    target_on = date(today.year + 1, 6, 30)
    if process.ends_on and process.ends_on > baseline_on:
        target_on = process.ends_on
    used: dict[int, int] = {}
    for spec in SPECS:
        action = _pick_action(actions, spec, used)
        used[action.pk] = used.get(action.pk, 0) + 1
        indicator = services.indicator_create(
            action=action,
            actor=coordinator,
            data=services.IndicatorInput(
                name=spec.name,
                kind=spec.kind,
                unit=spec.unit,
                baseline_value=Decimal(str(spec.baseline)),
                baseline_on=baseline_on,
                target_value=Decimal(str(spec.target)),
                target_on=target_on,
                source=spec.source,
            ),
        )
        # The accountable person reports their own values when there is one.
        reporter = action.accountable_person or coordinator
        span = (target_on - baseline_on).days or 1
        measured = _dates(
            baseline_on.replace(month=min(baseline_on.month + 5, 12)), today, spec.every_months
        )
        for when in measured:
            share = min(1.0, (when - baseline_on).days / span)
            # Progress toward the target, a little short of the line, with noise.
            value = spec.baseline + (spec.target - spec.baseline) * share * 0.85
            value *= 1 + rng.uniform(-0.04, 0.04)
            if spec.unit == "%":
                value = max(0.0, min(100.0, value))
            decimals = 1 if spec.unit in ("%", "jours") else 0
            services.indicator_record_value(
                indicator=indicator,
                actor=reporter,
                measured_on=when,
                value=Decimal(str(round(value, decimals))),
                source=spec.source,
            )
