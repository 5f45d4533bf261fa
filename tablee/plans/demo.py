"""Demo action plan of « Table de quartier Démo »; idempotent.

In the process `securite-alimentaire` (made by the processes demo, which
runs first; without it nothing happens): four objectives, two strategies
each, twenty actions in every status with accountable organizations from
the demo seats, partners, some fixed in advance, and progress updates.
Written through the services, so the activity log tells the story.

Other demos (funding, results, reports) attach to these actions by title:
keep the titles in ACTIONS stable.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.core.permissions import role_in
from tablee.plans import selectors, services
from tablee.plans.models import PlanAction
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"

BANQUE = "Banque alimentaire de la Vallée"
MARMITE = "Cuisine collective La Marmite"
OMH = "Office municipal d'habitation de Saint-Exemple"
CAB = "Centre d'action bénévole Les Mains tendues"
VILLE = "Ville de Saint-Exemple"
CIUSSS = "CIUSSS de la Vallée-Exemple"
CLSC = "CLSC de Saint-Exemple"
ECOLE = "École primaire des Tournesols"
FAMILLE = "Maison de la famille du Vieux-Moulin"
FEMMES = "Centre des femmes L'Éclaircie"
CHAMBRE = "Chambre de commerce de Saint-Exemple"
FONDATION = "Fondation communautaire de la Vallée"
RESIDENTS = "Association des résidents du Vieux-Moulin"
INSTITUT = "Institut de recherche en développement des communautés"
BIBLIO = "Bibliothèque municipale Gabrielle-Roy-Fictive"

# (title, description, [(strategy title, description)])
OBJECTIVES = [
    (
        "Améliorer l'accès physique et économique à des aliments sains",
        "Que chaque ménage du quartier trouve, à distance de marche et à prix abordable, "
        "des fruits, des légumes et des aliments de base.",
        [
            ("Rapprocher l'offre alimentaire des secteurs mal desservis", ""),
            ("Consolider le dépannage alimentaire", ""),
        ],
    ),
    (
        "Développer l'autonomie alimentaire des ménages",
        "Cuisiner, cultiver et conserver ensemble pour dépendre moins de l'aide d'urgence.",
        [
            ("Cuisines collectives et ateliers", ""),
            ("Agriculture urbaine", ""),
        ],
    ),
    (
        "Renforcer la concertation entre les acteurs du système alimentaire",
        "Partager l'information et les ressources plutôt que de travailler en silo.",
        [
            ("Partage d'information", ""),
            ("Approvisionnement en commun", ""),
        ],
    ),
    (
        "Faire entendre la voix des personnes concernées",
        "Les personnes qui vivent l'insécurité alimentaire participent aux choix et au bilan.",
        [
            ("Participation citoyenne", ""),
            ("Suivi et évaluation", ""),
        ],
    ),
]

# (objective, strategy, title, description, accountable organization, person,
#  start and end in days from today, status, fixed in advance, partners,
#  progress updates as (days ago, status, note))
ACTIONS = [
    (
        0,
        0,
        "Marché solidaire mobile dans les secteurs sans épicerie",
        "Un camion-marché passe chaque semaine dans les trois secteurs sans épicerie.",
        BANQUE,
        "karine.poirier@example.org",
        -300,
        420,
        "under_way",
        False,
        [(VILLE, "supports", "Prête les emplacements"), (CAB, "contributes", "Bénévoles")],
        [
            (200, "under_way", "Premier circuit lancé dans le secteur nord."),
            (40, "under_way", "Deuxième secteur ajouté; achalandage en hausse."),
        ],
    ),
    (
        0,
        0,
        "Épicerie solidaire au centre communautaire",
        "Un local d'épicerie à prix coûtant, géré avec les résidents.",
        BANQUE,
        "karine.poirier@example.org",
        60,
        540,
        "planned",
        False,
        [(RESIDENTS, "lead", "Co-gestion du local"), (FONDATION, "supports", "Démarrage")],
        [],
    ),
    (
        0,
        0,
        "Navette vers les supermarchés pour les aînés",
        "Une navette hebdomadaire pour les personnes âgées isolées.",
        CLSC,
        "membre@example.org",
        -240,
        -20,
        "late",
        False,
        [(CAB, "contributes", "Chauffeurs bénévoles")],
        [
            (150, "under_way", "Horaire testé deux mois."),
            (25, "late", "Le véhicule prêté n'est plus disponible; on cherche une solution."),
        ],
    ),
    (
        0,
        1,
        "Harmoniser les horaires des comptoirs alimentaires",
        "Éviter que tous les comptoirs ferment le même jour.",
        CAB,
        "annie.girard@example.org",
        -360,
        -200,
        "done",
        False,
        [(BANQUE, "contributes", "Calendrier commun")],
        [
            (300, "under_way", "Inventaire des horaires fait."),
            (210, "done", "Calendrier commun adopté et diffusé."),
        ],
    ),
    (
        0,
        1,
        "Frigos communautaires accessibles en tout temps",
        "Trois frigos libre-service entretenus par des bénévoles.",
        CAB,
        "annie.girard@example.org",
        -180,
        180,
        "under_way",
        False,
        [(CHAMBRE, "supports", "Dons des commerces"), (CIUSSS, "informed", "Règles d'hygiène")],
        [(90, "under_way", "Deux frigos installés sur trois.")],
    ),
    (
        1,
        0,
        "Cuisines collectives dans les habitations à loyer modique",
        "Des groupes de cuisine dans deux ensembles d'habitation.",
        MARMITE,
        "alexandre.morin@example.org",
        -200,
        300,
        "under_way",
        False,
        [(OMH, "lead", "Locaux et recrutement"), (CLSC, "contributes", "Nutritionniste")],
        [(120, "under_way", "Quatre groupes actifs.")],
    ),
    (
        1,
        0,
        "Ateliers de cuisine parents-enfants",
        "Des ateliers le samedi pour cuisiner avec les enfants.",
        FAMILLE,
        "lucie.fournier@example.org",
        -330,
        -120,
        "done",
        False,
        [(MARMITE, "contributes", "Animation"), (ECOLE, "informed", "Diffusion aux familles")],
        [
            (250, "under_way", "Six ateliers donnés."),
            (115, "done", "Douze ateliers, 48 familles."),
        ],
    ),
    (
        1,
        0,
        "Formation en salubrité pour les bénévoles",
        "Obligatoire pour manipuler les aliments: fixée par la réglementation.",
        CIUSSS,
        "hugo.martel@example.org",
        -280,
        -230,
        "done",
        True,
        [(CAB, "contributes", "Inscription des bénévoles")],
        [(232, "done", "35 bénévoles formés.")],
    ),
    (
        1,
        1,
        "Jardin collectif derrière l'école primaire",
        "Un jardin partagé entre l'école et les familles du quartier.",
        ECOLE,
        "sarah.lapointe@example.org",
        -150,
        -10,
        "under_way",
        False,
        [(VILLE, "supports", "Terrain et eau"), (RESIDENTS, "contributes", "Entretien l'été")],
        [(100, "under_way", "Bacs construits, semis faits.")],
    ),
    (
        1,
        1,
        "Bacs de culture sur les balcons des HLM",
        "Des bacs et un accompagnement pour cultiver chez soi.",
        OMH,
        "francois.pelletier@example.org",
        -120,
        240,
        "suspended",
        False,
        [(MARMITE, "informed", "")],
        [(60, "suspended", "En attente de l'avis de l'assureur sur les balcons.")],
    ),
    (
        1,
        1,
        "Serre communautaire quatre saisons",
        "Étude de faisabilité puis construction d'une petite serre.",
        VILLE,
        "isabelle.roy@example.org",
        200,
        900,
        "planned",
        False,
        [(INSTITUT, "contributes", "Étude de faisabilité"), (FONDATION, "supports", "")],
        [],
    ),
    (
        2,
        0,
        "Répertoire des ressources alimentaires du quartier",
        "Une carte et une liste imprimée, mises à jour deux fois par année.",
        BIBLIO,
        "melanie.caron@example.org",
        -350,
        -260,
        "done",
        False,
        [(CAB, "contributes", "Mise à jour"), (CLSC, "contributes", "Diffusion")],
        [(262, "done", "Répertoire imprimé à 2 000 exemplaires.")],
    ),
    (
        2,
        0,
        "Table ronde annuelle sur la sécurité alimentaire",
        "Une rencontre ouverte chaque automne: exigée par l'entente avec la Ville.",
        VILLE,
        "isabelle.roy@example.org",
        90,
        120,
        "planned",
        True,
        [(BANQUE, "contributes", "Programme"), (RESIDENTS, "contributes", "Témoignages")],
        [],
    ),
    (
        2,
        1,
        "Achats groupés entre organismes",
        "Regrouper les achats de denrées sèches pour payer moins cher.",
        BANQUE,
        "karine.poirier@example.org",
        -100,
        260,
        "suspended",
        False,
        [(MARMITE, "contributes", ""), (FAMILLE, "contributes", "")],
        [(30, "suspended", "Le fournisseur a changé ses conditions; discussion reportée.")],
    ),
    (
        2,
        1,
        "Entente de récupération des invendus avec les commerces",
        "Récupérer les invendus des épiceries et boulangeries du quartier.",
        CHAMBRE,
        "patrick.belanger@example.org",
        -210,
        -30,
        "late",
        False,
        [(BANQUE, "lead", "Collecte et tri")],
        [
            (90, "under_way", "Deux commerces sur cinq ont signé."),
            (28, "late", "Les trois autres hésitent; nouvelle rencontre à prévoir."),
        ],
    ),
    (
        3,
        0,
        "Comité de citoyennes et citoyens en sécurité alimentaire",
        "Un comité qui se réunit tous les deux mois et siège à la table.",
        FEMMES,
        "julie.boucher@example.org",
        -260,
        500,
        "under_way",
        False,
        [(RESIDENTS, "lead", "Recrutement")],
        [(180, "under_way", "Huit personnes engagées.")],
    ),
    (
        3,
        0,
        "Consultation des familles sur leurs besoins",
        "Un sondage et trois groupes de discussion.",
        CLSC,
        "membre@example.org",
        -340,
        -250,
        "done",
        False,
        [(FAMILLE, "contributes", "Groupes de discussion"), (INSTITUT, "supports", "Analyse")],
        [(255, "done", "Rapport de consultation présenté à la table.")],
    ),
    (
        3,
        0,
        "Porte-parole citoyens au conseil d'arrondissement",
        "Former des porte-parole pour présenter les besoins au conseil.",
        RESIDENTS,
        "genevieve.fortin@example.org",
        -200,
        100,
        "abandoned",
        False,
        [(FEMMES, "contributes", "")],
        [(70, "abandoned", "Remplacé par le comité citoyen, qui joue ce rôle.")],
    ),
    (
        3,
        1,
        "Bilan de mi-parcours du plan d'action",
        "Un bilan partagé à mi-chemin: demandé par le bailleur de fonds.",
        FONDATION,
        "marc-andre.dube@example.org",
        150,
        210,
        "planned",
        True,
        [(INSTITUT, "lead", "Accompagnement évaluatif")],
        [],
    ),
    (
        3,
        1,
        "Indicateurs de suivi partagés avec les bailleurs de fonds",
        "Des indicateurs communs plutôt qu'un rapport différent par bailleur.",
        INSTITUT,
        "olivier.levesque@example.org",
        -90,
        5,
        "under_way",
        True,
        [(FONDATION, "contributes", "Exigences des bailleurs"), (CIUSSS, "informed", "")],
        [(20, "under_way", "Liste préliminaire de douze indicateurs.")],
    ),
]

# Follow-up actions of the meetings demo that contribute to a plan action.
MEETING_ACTIONS = {
    "Proposer un horaire pour le comité sécurité alimentaire": (
        "Comité de citoyennes et citoyens en sécurité alimentaire"
    ),
    "Organiser la visite du jardin collectif": "Jardin collectif derrière l'école primaire",
}


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    process = selectors.process_get(table=table, process_slug=PROCESS_SLUG)
    if process is None or PlanAction.objects.filter(process=process).exists():
        return
    today = timezone.localdate()
    organizations = list(selectors.plan_organizations(table=table))
    by_name = {o.name: o for o in organizations}

    def organization(name: str, index: int):
        if name in by_name:
            return by_name[name]
        return organizations[index % len(organizations)] if organizations else None

    def person(email: str):
        found = people.get(email)
        return found if found is not None and role_in(found, table) else coordinator

    objectives = []
    for title, description, strategies in OBJECTIVES:
        objective = services.objective_create(
            process=process, actor=coordinator, title=title, description=description
        )
        axes = [
            services.axis_create(
                objective=objective, actor=coordinator, title=axis_title, description=axis_text
            )
            for axis_title, axis_text in strategies
        ]
        objectives.append((objective, axes))

    created: dict[str, PlanAction] = {}
    for index, spec in enumerate(ACTIONS):
        (
            o_index,
            a_index,
            title,
            description,
            org_name,
            email,
            start,
            end,
            status,
            fixed,
            partners,
            updates,
        ) = spec
        objective, axes = objectives[o_index]
        accountable = organization(org_name, index)
        partner_inputs = []
        seen = {accountable.pk} if accountable else set()
        for p_index, (name, role, detail) in enumerate(partners):
            partner = organization(name, index + p_index + 1)
            if partner is None or partner.pk in seen:
                continue
            seen.add(partner.pk)
            partner_inputs.append(
                services.PartnerInput(organization=partner, role=role, role_detail=detail)
            )
        action = services.plan_action_create(
            process=process,
            actor=coordinator,
            data=services.ActionInput(
                title=title,
                description=description,
                objective=objective,
                axis=axes[a_index],
                accountable_organization=accountable,
                accountable_person=person(email),
                starts_on=today + timedelta(days=start),
                ends_on=today + timedelta(days=end),
                origin="fixed" if fixed else "co_constructed",
                partners=partner_inputs,
            ),
        )
        for days_ago, update_status, note in updates:
            services.progress_record(
                action=action,
                actor=action.accountable_person or coordinator,
                reported_on=today - timedelta(days=days_ago),
                status=update_status,
                note=note,
            )
        created[title] = action
        assert not updates or updates[-1][1] == status, title

    from tablee.actions.models import ActionItem

    for item_title, plan_title in MEETING_ACTIONS.items():
        item = (
            ActionItem.objects.for_table(table)
            .filter(title=item_title, plan_action__isnull=True, status__in=("open", "in_progress"))
            .first()
        )
        if item is not None and plan_title in created:
            services.meeting_action_attach(
                plan_action=created[plan_title], item=item, actor=coordinator
            )
