"""Demo charter of « Table de quartier Démo » (see tablee/core/demo.py); idempotent.

Version 1 was adopted about ten months ago; version 2 is a revision in
progress, with a few answers reworded and a member's comment, so that the
wizard and the comparison have something to show. Every text is invented
for the fictional Saint-Exemple and its Vieux-Moulin neighbourhood.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from django.utils import timezone

from tablee.charters import services
from tablee.charters.models import CharterVersion
from tablee.core.models import AuditEntry
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"
MEMBER_EMAIL = "membre@example.org"

ANSWERS_V1 = {
    "why_added_value": (
        "Dans le Vieux-Moulin, les mêmes familles cognent à plusieurs portes pour se "
        "nourrir, se loger et soutenir leurs jeunes. Ensemble, on voit le portrait "
        "complet, on évite de se marcher sur les pieds et on porte des projets "
        "qu'aucun organisme ne pourrait mener seul."
    ),
    "why_contributions": (
        "Les organismes communautaires apportent leur lien de confiance avec les "
        "familles; le CLSC et l'école, leurs données et leurs intervenantes; la Ville, "
        "des locaux et un pouvoir de décision sur l'aménagement; les citoyennes et "
        "citoyens, leur vécu du quartier. Chacun s'engage à être présent aux "
        "rencontres et à préparer les dossiers qui le concernent."
    ),
    "why_invitation": (
        "On invite ceux qui touchent de près l'alimentation, le logement et la "
        "réussite des jeunes, et ceux qui détiennent des leviers : financement, "
        "règlements, transport. Sans eux, nos constats resteraient sur papier."
    ),
    "how_table_roles": (
        "D'abord faire circuler l'information et tisser des liens entre les "
        "partenaires. Ensuite, harmoniser nos actions pour combler les trous de "
        "service. Enfin, porter d'une seule voix les besoins du quartier auprès de "
        "la Ville et des bailleurs de fonds."
    ),
    "how_member_roles": (
        "Chaque délégué rapporte à la table ce qui bouge dans son milieu, fait le "
        "suivi dans son organisation et parle au nom de son secteur. On s'attend "
        "aussi à ce que chacun éclaire les enjeux avec son expertise."
    ),
    "how_powers": (
        "Tous les membres contribuent et coconstruisent les priorités. Les décisions "
        "se prennent par consensus en plénière; à défaut, au deux tiers des membres "
        "présents. Le comité de coordination prépare les dossiers mais ne décide pas "
        "à la place de la table."
    ),
    "what_prior_information": (
        "Le portrait de quartier 2024, le plan d'action en vigueur, les conditions "
        "du financement de la démarche intégrée et les règles de fonctionnement. "
        "Une rencontre d'accueil est offerte à chaque nouvelle personne déléguée."
    ),
    "what_together": (
        "Trois chantiers : un meilleur accès à une alimentation saine et abordable, "
        "des logements salubres et abordables, et la réussite éducative des jeunes "
        "de 0 à 17 ans."
    ),
    "what_accountability": (
        "Chaque action du plan a un organisme porteur qui en rend compte deux fois "
        "par année à la table. La coordination tient le tableau de suivi à jour."
    ),
    "what_split": (
        "Les actions sont réparties selon les missions : La Marmite et la banque "
        "alimentaire pour l'alimentation, le comité logement et l'OMH pour "
        "l'habitation, l'école et le CJE pour la jeunesse. Les autres membres "
        "appuient selon leurs moyens."
    ),
    "what_fixed": (
        "Les trois priorités du plan 2025-2028 et les exigences du bailleur de fonds "
        "ne bougent pas. Les moyens d'action, le calendrier et la place des citoyens "
        "restent à bâtir ensemble."
    ),
    "who_needed": (
        "Les organismes du quartier, les réseaux publics (santé, éducation), la "
        "Ville, et surtout les personnes qui vivent les difficultés au quotidien."
    ),
    "who_knowledge": (
        "La santé publique et la chaire de recherche pour les données; le comité "
        "logement pour la connaissance des immeubles; la Caisse et les gens "
        "d'affaires pour le financement et les réseaux."
    ),
    "who_actor_types": (
        "Des acteurs stratégiques pour débloquer des ressources, des acteurs "
        "tactiques pour agir sur le terrain et des personnes avec une expérience "
        "vécue de la pauvreté pour garder nos actions collées à la réalité."
    ),
    "who_levers": (
        "La société de transport, qui décide des trajets vers l'épicerie, et le "
        "service de police, présent dans les HLM, ne sont pas encore à la table; "
        "il faudra les approcher."
    ),
    "dim_understanding": (
        "Un lexique commun et une présentation annuelle du portrait de quartier, "
        "pour que tout le monde parle de la même chose quand on dit « sécurité "
        "alimentaire » ou « logement abordable »."
    ),
    "dim_intention": (
        "L'envie partagée que personne dans le Vieux-Moulin n'ait à choisir entre "
        "payer son loyer et bien manger. On la nourrit en célébrant les petites "
        "victoires."
    ),
    "dim_vision": (
        "Un quartier où les familles restent parce qu'elles y trouvent un logement "
        "digne, de quoi bien se nourrir et une école où leurs enfants réussissent."
    ),
}

# The revision rewords a few answers after the first year.
ANSWERS_V2 = {
    "how_powers": (
        "Tous les membres contribuent et coconstruisent les priorités. Les décisions "
        "se prennent par consensus en plénière; à défaut, à la majorité des deux "
        "tiers des membres présents. Le comité de coordination prépare les dossiers "
        "et peut trancher les urgences entre deux plénières, avec un compte rendu "
        "à la rencontre suivante."
    ),
    "who_levers": (
        "La société de transport a accepté de déléguer quelqu'un au dossier "
        "mobilité. Le service de police reste à approcher, de même qu'une personne "
        "citoyenne de chacun des trois secteurs HLM."
    ),
    "dim_vision": (
        "Un quartier où les familles choisissent de rester parce qu'elles y trouvent "
        "un logement digne, une alimentation saine à bon prix, des trajets simples "
        "vers les services et une école où leurs enfants réussissent."
    ),
}

CHOICES_V1 = {
    "table_roles": ["networking", "coherence", "collective_projects", "influence"],
    "non_negotiables": [
        "Les trois priorités du plan d'action 2025-2028",
        "La reddition de comptes annuelle au bailleur de fonds",
    ],
    "co_constructed": [
        "Les moyens d'action de chaque chantier",
        "La place des citoyennes et citoyens dans les comités",
    ],
    "accountabilities": [
        {"what": "Marché solidaire mensuel", "who": "Cuisine collective La Marmite"},
        {"what": "Inventaire des logements insalubres", "who": "Comité logement du Vieux-Moulin"},
        {"what": "Aide aux devoirs au HLM", "who": "Carrefour jeunesse-emploi"},
        {"what": "Tableau de suivi du plan", "who": "Coordination de la table"},
    ],
    # Transport and public safety are needed but hold no seat yet: the
    # coverage view shows them as gaps, as it does for lived experience.
    "needed_sectors": [
        "communautaire",
        "sante-services-sociaux",
        "education",
        "municipal",
        "habitation",
        "transport",
        "securite-publique",
    ],
    "needed_actor_types": ["strategic", "tactical", "lived_experience"],
}


@contextmanager
def _dated(days_ago: float):
    """Date the audit entries written inside the block `days_ago` days back."""
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    when = timezone.now() - timedelta(days=days_ago)
    AuditEntry.objects.filter(pk__gt=last).update(created_at=when)


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    if table is None or CharterVersion.objects.for_table(table).exists():
        return
    coordinator = people[COORDINATOR_EMAIL]
    member = people[MEMBER_EMAIL]

    with _dated(320):
        first = services.charter_draft_start(table=table, actor=coordinator)
    with _dated(318):
        first = services.charter_answer_save(
            version=first, actor=coordinator, answers=ANSWERS_V1, revision=first.revision
        )
    with _dated(316):
        first = services.charter_choices_save(
            version=first, actor=coordinator, revision=first.revision, **CHOICES_V1
        )
    for offset, key in enumerate(ANSWERS_V1):
        with _dated(310 - offset * 0.1):
            first = services.charter_answer_propose(
                version=first, actor=coordinator, question_key=key
            )
    with _dated(300):
        first = services.charter_adopt(
            version=first,
            actor=coordinator,
            adoption_note="Adoptée par consensus à la plénière de septembre.",
        )
    adopted_at = timezone.now() - timedelta(days=300)
    CharterVersion.objects.filter(pk=first.pk).update(adopted_at=adopted_at)

    with _dated(12):
        second = services.charter_draft_start(table=table, actor=coordinator)
    with _dated(10):
        second = services.charter_answer_save(
            version=second, actor=coordinator, answers=ANSWERS_V2, revision=second.revision
        )
    with _dated(9):
        services.charter_choices_save(
            version=second,
            actor=coordinator,
            revision=second.revision,
            **{
                **CHOICES_V1,
                "accountabilities": [
                    *CHOICES_V1["accountabilities"],
                    {"what": "Navette vers l'épicerie du boulevard", "who": "À confirmer"},
                ],
            },
        )
    with _dated(6):
        services.charter_comment_add(
            version=second,
            actor=member,
            question_key="how_powers",
            body=(
                "D'accord avec l'idée, mais il faudrait préciser ce qu'on entend par "
                "« urgence » pour éviter que le comité décide trop souvent seul."
            ),
        )
