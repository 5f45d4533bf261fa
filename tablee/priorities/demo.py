"""Demo vision and priorities of « Table de quartier Démo »; idempotent.

On the process `securite-alimentaire` (written by the processes demo; when
it is absent nothing happens): a common vision adopted as version 1 through
a decision of the register, then a revision being written with a member's
comment; and a closed prioritisation round of eight candidates rated by ten
members on the five usual criteria, one candidate splitting the group,
whose ranked list was adopted by a decision. Everything goes through the
services, so the activity log tells the story.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from tablee.priorities import services
from tablee.priorities.models import PriorityRound, VisionVersion
from tablee.processes.models import Process
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"
RATERS = [
    "membre@example.org",
    "mathieu.cote@example.org",
    "isabelle.roy@example.org",
    "francois.pelletier@example.org",
    "nathalie.bergeron@example.org",
    "alexandre.morin@example.org",
    "genevieve.fortin@example.org",
    "catherine.ouellet@example.org",
    "annie.girard@example.org",
    "karine.poirier@example.org",
]
COMMENTER = "alexandre.morin@example.org"

VISION_V1 = (
    "D'ici 2029, chaque famille de Saint-Exemple a accès, près de chez elle et dans la "
    "dignité, à une alimentation saine, abordable et culturellement adaptée. Les "
    "organismes, la Ville, le réseau de la santé et les citoyennes et citoyens agissent "
    "ensemble, de la production à l'assiette, et les personnes qui vivent l'insécurité "
    "alimentaire participent aux décisions qui les concernent."
)
VISION_V2 = (
    "D'ici 2029, chaque famille de Saint-Exemple a accès, près de chez elle et dans la "
    "dignité, à une alimentation saine, abordable et culturellement adaptée, en toute "
    "saison. Les organismes, la Ville, le réseau de la santé, les commerces et les "
    "citoyennes et citoyens agissent ensemble, de la production à l'assiette, et les "
    "personnes qui vivent l'insécurité alimentaire participent aux décisions qui les "
    "concernent."
)
COMMENT = (
    "Merci pour l'ajout des commerces. Pourrait-on nommer aussi les aînés isolés, "
    "qui reviennent souvent dans le portrait ?"
)

CRITERIA = [
    "Impact attendu",
    "Faisabilité",
    "Urgence",
    "Cohérence avec la mission de la table",
    "Capacité d'agir",
]
# (title, description, typical rating per criterion; None = the group splits)
CANDIDATES = [
    (
        "Frigos communautaires dans trois secteurs",
        "Installer et entretenir des frigos en libre-service avec les commerces voisins.",
        [5, 4, 4, 5, 4],
    ),
    (
        "Marché mobile l'été",
        "Un camion de fruits et légumes à prix réduit dans les secteurs sans épicerie.",
        [4, 3, 4, 4, 3],
    ),
    (
        "Cuisines collectives pour les familles",
        "Doubler les groupes de cuisine collective avec la Maison de la famille.",
        [4, 5, 3, 5, 5],
    ),
    (
        "Épicerie solidaire",
        "Ouvrir une épicerie à prix modulés selon le revenu, gérée en coopérative.",
        [4, 2, None, 3, 2],
    ),
    (
        "Jardins partagés au pied des HLM",
        "Des bacs de culture et un accompagnement horticole avec l'Office d'habitation.",
        [3, 4, 2, 4, 4],
    ),
    (
        "Transport vers les épiceries pour les aînés",
        "Une navette hebdomadaire avec la Société de transport et les bénévoles.",
        [4, 3, 4, 3, 3],
    ),
    (
        "Carte des ressources alimentaires",
        "Une carte imprimée et en ligne des dépannages, repas et jardins du quartier.",
        [2, 5, 2, 4, 5],
    ),
    (
        "Plaidoyer pour une épicerie dans le Vieux-Moulin",
        "Porter auprès de la Ville et des promoteurs la demande d'une épicerie de quartier.",
        [5, 2, 3, 3, 2],
    ),
]


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    process = Process.objects.for_table(table).filter(slug=PROCESS_SLUG).first()
    if process is None:
        return
    if not VisionVersion.objects.for_table(table).filter(process=process).exists():
        _vision(process, coordinator, people)
    if not PriorityRound.objects.for_table(table).filter(process=process).exists():
        _round(process, coordinator, people)


def _vision(process, coordinator, people) -> None:
    today = timezone.localdate()
    draft = services.vision_draft_start(process=process, actor=coordinator)
    draft = services.vision_statement_save(
        version=draft, actor=coordinator, statement=VISION_V1, revision=draft.revision
    )
    member = people.get(COMMENTER)
    if member is not None:
        services.vision_comment_add(
            version=draft,
            actor=member,
            body=(
                "Ajoutons « culturellement adaptée » : c'est revenu dans toutes les consultations."
            ),
        )
    services.vision_propose(version=draft, actor=coordinator)
    services.vision_adopt(
        version=draft,
        actor=coordinator,
        adoption=services.AdoptionInput(decided_on=today - timedelta(days=60)),
    )
    revision = services.vision_draft_start(process=process, actor=coordinator)
    revision = services.vision_statement_save(
        version=revision, actor=coordinator, statement=VISION_V2, revision=revision.revision
    )
    commenter = people.get("genevieve.fortin@example.org")
    if commenter is not None:
        services.vision_comment_add(version=revision, actor=commenter, body=COMMENT)


def _round(process, coordinator, people) -> None:
    now = timezone.now()
    opens_at = now - timedelta(days=30)
    data = services.RoundInput(
        title="Priorités du plan en sécurité alimentaire",
        description=(
            "Cotez chaque piste d'action de 1 à 5 sur chacun des cinq critères retenus "
            "à la rencontre de janvier."
        ),
        opens_at=opens_at,
        closes_at=now + timedelta(days=1),
        criteria=CRITERIA,
    )
    round = services.round_create(process=process, actor=coordinator, data=data)
    candidates = [
        services.candidate_add(
            round=round,
            actor=coordinator,
            data=services.CandidateInput(title=title, description=description),
        )
        for title, description, _typical in CANDIDATES
    ]
    criteria = list(round.criteria.order_by("position"))
    rng = random.Random(7)
    raters = [people[email] for email in RATERS if email in people]
    for index, rater in enumerate(raters):
        scores = {}
        for candidate, (_t, _d, typical) in zip(candidates, CANDIDATES, strict=True):
            for criterion, value in zip(criteria, typical, strict=True):
                if value is None:
                    # The group splits: half sees it as urgent, half not at all.
                    score = rng.choice([1, 2]) if index % 2 else rng.choice([4, 5])
                else:
                    score = min(5, max(1, value + rng.choice([-1, 0, 0, 0, 1])))
                scores[(candidate.pk, criterion.pk)] = score
        # Each person rated during the window.
        services.ratings_save(
            round=round,
            actor=rater,
            scores=scores,
            now=opens_at + timedelta(days=1 + index),
        )
    # The window ended two weeks ago; then the table adopted the ranked list.
    data.closes_at = now - timedelta(days=16)
    round = services.round_update(round=round, actor=coordinator, data=data, revision=None)
    services.round_adopt(
        round=round,
        actor=coordinator,
        adoption=services.AdoptionInput(
            decided_on=timezone.localdate() - timedelta(days=14),
            note=(
                "Liste discutée en plénière; l'épicerie solidaire sera revue avec les partenaires."
            ),
        ),
    )
