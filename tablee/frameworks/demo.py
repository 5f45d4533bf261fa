"""Demo frameworks, obstacles and favourable conditions of « Table de quartier Démo ».

Five normative frameworks (invented or generic names) linked to the
objectives and actions of the « securite-alimentaire » plan when the plans
demo created it, and six obstacles and favourable conditions met along the
way. Written through the services; does nothing once the registers exist.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from tablee.decisions.models import search_key
from tablee.frameworks import services
from tablee.frameworks.models import Condition, Framework

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"

# (title, kind, issuer, years before/after today, url, note, keywords of what it frames)
FRAMEWORKS = [
    (
        "Programme régional de santé publique — volet saine alimentation",
        "program",
        "Direction régionale de santé publique (fictive)",
        (-2, 3),
        "https://example.org/sante-publique/programme-regional",
        "Cadre de financement et orientations pour l'accès à une alimentation saine.",
        ("acces", "insecurite", "marche", "epicerie", "legume", "portrait"),
    ),
    (
        "Politique de développement social de la Ville de Saint-Exemple",
        "program",
        "Ville de Saint-Exemple",
        (-4, 2),
        "https://example.org/saint-exemple/politique-developpement-social",
        "La Ville y reconnaît les tables de quartier comme lieux de concertation.",
        ("jardin", "comite", "concertation", "transport", "local"),
    ),
    (
        "Entente de collaboration avec le centre de services scolaire",
        "agreement",
        "Centre de services scolaire des Rivières-Fictives",
        (-1, 2),
        "",
        "Accès aux cuisines des écoles le soir et collations pour les élèves.",
        ("ecole", "cuisine", "collation", "jeune", "famille"),
    ),
    (
        "Protocole de référence entre le CLSC et les comptoirs alimentaires",
        "protocol",
        "CLSC de Saint-Exemple et comptoirs alimentaires du quartier",
        (-1, None),
        "",
        "Qui réfère qui, avec quel formulaire, et dans quel délai.",
        ("reference", "clsc", "panier", "depannage", "comptoir"),
    ),
    (
        "Code d'éthique des bénévoles en aide alimentaire",
        "ethics",
        "Regroupement des organismes en sécurité alimentaire (fictif)",
        (-3, None),
        "",
        "Confidentialité, accueil sans jugement et respect de la dignité des personnes.",
        ("panier", "benevole", "accueil", "livraison", "popote"),
    ),
]

# (kind, category, description, days ago, status, response, stage kind, keywords)
CONDITIONS = [
    (
        "obstacle",
        "funding",
        "Le financement par projet d'un an ne couvre pas la coordination des cuisines "
        "collectives : chaque automne, il faut tout redemander.",
        420,
        "addressed",
        "Déposer une demande commune au programme régional pour trois ans.",
        "implementation",
        ("cuisine",),
    ),
    (
        "obstacle",
        "political",
        "Le changement d'élus au conseil de quartier a gelé le dossier du local pour "
        "l'épicerie solidaire pendant six mois.",
        300,
        "open",
        "",
        "implementation",
        ("epicerie", "local", "marche"),
    ),
    (
        "obstacle",
        "communication",
        "Les organismes n'étaient pas informés des dates de distribution des autres : "
        "des familles faisaient trois comptoirs la même semaine.",
        240,
        "addressed",
        "Un calendrier commun des distributions, tenu par le comité et envoyé chaque mois.",
        "follow_up",
        ("panier", "depannage", "comptoir"),
    ),
    (
        "favourable",
        "shared_vision",
        "Le portrait a fait consensus : tout le monde reconnaît le manque d'accès aux "
        "fruits et légumes dans le secteur nord.",
        600,
        "addressed",
        "Faire de l'accès physique aux aliments frais le premier objectif du plan.",
        "diagnostic",
        ("acces", "marche", "legume"),
    ),
    (
        "favourable",
        "linkage",
        "Le CLSC et deux comptoirs ont commencé à se référer des familles directement.",
        150,
        "open",
        "",
        "implementation",
        ("reference", "clsc"),
    ),
    (
        "favourable",
        "risk_taking",
        "Le comité a accepté d'essayer un marché mobile l'été, sans garantie de "
        "fréquentation, avec un bilan prévu en septembre.",
        90,
        "open",
        "",
        "implementation",
        ("marche", "mobile", "jardin"),
    ),
]


def _matching(items: list, keywords: tuple[str, ...], limit: int = 3) -> list:
    return [i for i in items if any(k in search_key(i.title) for k in keywords)][:limit]


def load(*, people) -> None:
    from tablee.decisions.models import Decision
    from tablee.plans.models import Objective, PlanAction
    from tablee.processes.models import Process, Stage
    from tablee.tables.models import Table

    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if Framework.objects.for_table(table).exists() or Condition.objects.for_table(table).exists():
        return
    process = Process.objects.for_table(table).filter(slug=PROCESS_SLUG).first()
    objectives, actions, stages = [], [], {}
    if process is not None:
        objectives = list(
            Objective.objects.for_table(table).filter(process=process).order_by("position", "id")
        )
        actions = list(
            PlanAction.objects.for_table(table)
            .filter(process=process)
            .order_by("objective__position", "position", "id")
        )
        stages = {s.kind: s for s in Stage.objects.for_table(table).filter(process=process)}
    today = timezone.localdate()
    for index, (title, kind, issuer, (start, end), url, note, keywords) in enumerate(FRAMEWORKS):
        framed_actions = _matching(actions, keywords) or actions[index : index + 1]
        framed_objectives = sorted({a.objective_id for a in framed_actions}) or [
            o.pk for o in objectives[index : index + 1]
        ]
        services.framework_create(
            table=table,
            actor=coordinator,
            data=services.FrameworkInput(
                title=title,
                kind=kind,
                issuer=issuer,
                starts_on=date(today.year + start, 1, 1),
                ends_on=date(today.year + end, 12, 31) if end is not None else None,
                url=url,
                note=note,
                objectives=[o for o in objectives if o.pk in framed_objectives],
                actions=framed_actions,
            ),
        )
    decisions = list(Decision.objects.for_table(table).order_by("-number")[:1])
    for index, (kind, category, text, days, status, response, stage_kind, keywords) in enumerate(
        CONDITIONS
    ):
        linked = _matching(actions, keywords, limit=2) or actions[index : index + 1]
        # The first obstacle was answered by a decision of the register.
        decision = decisions[0] if decisions and index == 0 else None
        services.condition_record(
            table=table,
            actor=coordinator,
            data=services.ConditionInput(
                kind=kind,
                category=category,
                description=text,
                noticed_on=today - timedelta(days=days),
                response=response,
                status=status,
                decision=decision,
                actions=linked,
                stages=[stages[stage_kind]] if stage_kind in stages else [],
            ),
        )
