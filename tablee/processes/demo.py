"""Demo collective process of « Table de quartier Démo »; idempotent.

A three-year food-security action plan (slug `securite-alimentaire`, which
the other demos look up): the first five stages done, implementation and
follow-up under way, evaluation to come. Needed groups and levers are filled
for every stage, with one lever left empty (resources at the priorities
stage) and one needed group nobody engages (the vacant lived-experience
seat, at implementation). Held meetings, their decisions and the polls of
the table are linked where their order makes sense. Written through the
services, so the activity log tells the story.
"""

from __future__ import annotations

from datetime import date

from django.utils import translation

from tablee.processes import services
from tablee.processes.models import Process, Stage, StageKind, StageStatus
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"
PROCESS_SLUG = "securite-alimentaire"
TITLE = "Plan d'action en sécurité alimentaire 2025-2028"
PURPOSE = (
    "Faire en sorte que chaque famille du quartier ait accès, près de chez elle et "
    "dans la dignité, à une alimentation saine et abordable : mieux connaître les "
    "besoins, relier l'offre existante, combler les trous de service et suivre "
    "ensemble ce qui change."
)

# kind → (status, start, end, notes)
STAGES = {
    StageKind.PORTRAIT: (
        StageStatus.DONE,
        date(2025, 4, 1),
        date(2025, 6, 30),
        "Portrait présenté en plénière en juin ; données de santé publique et de la "
        "banque alimentaire réunies par le groupe de travail.",
    ),
    StageKind.DIAGNOSTIC: (
        StageStatus.DONE,
        date(2025, 7, 1),
        date(2025, 10, 31),
        "Trois besoins retenus : dépannage le soir, accès aux fruits et légumes, "
        "cuisines accessibles pour les familles.",
    ),
    StageKind.VISION: (
        StageStatus.DONE,
        date(2025, 11, 1),
        date(2026, 1, 31),
        "Énoncé de vision adopté après deux rencontres et une consultation.",
    ),
    StageKind.PRIORITISATION: (
        StageStatus.DONE,
        date(2026, 2, 1),
        date(2026, 4, 30),
        "Les membres ont noté les pistes ; la liste priorisée est adoptée.",
    ),
    StageKind.GOVERNANCE: (
        StageStatus.DONE,
        date(2026, 5, 1),
        date(2026, 6, 30),
        "Le comité sécurité alimentaire porte le plan ; le comité de coordination "
        "en fait le suivi entre les plénières.",
    ),
    StageKind.IMPLEMENTATION: (
        StageStatus.UNDER_WAY,
        date(2026, 7, 1),
        date(2027, 12, 31),
        "",
    ),
    StageKind.FOLLOW_UP: (
        StageStatus.UNDER_WAY,
        date(2026, 7, 1),
        date(2028, 1, 31),
        "Point d'étape à chaque plénière ; tableau de bord mis à jour par les porteurs.",
    ),
    StageKind.EVALUATION: (
        StageStatus.TO_COME,
        date(2027, 11, 1),
        date(2028, 3, 31),
        "",
    ),
}

LEVERS = {
    StageKind.PORTRAIT: {
        "information": "Fiches de données par secteur, mises en commun sur Tablée.",
        "communication": "Invitation personnalisée aux organismes qui détiennent des données.",
        "motivation": "Montrer à chacun comment ses données servent le portrait.",
        "resources": "Deux jours de soutien d'une agente de recherche du CIUSSS.",
    },
    StageKind.DIAGNOSTIC: {
        "information": "Synthèse du portrait envoyée deux semaines avant l'atelier.",
        "communication": "Atelier ouvert aux familles, avec halte-garderie.",
        "motivation": "Chaque besoin retenu est relié à des personnes qui l'ont nommé.",
        "resources": "Salle et repas offerts par la Maison de la famille.",
    },
    StageKind.VISION: {
        "information": "Les besoins retenus et trois exemples d'autres quartiers.",
        "communication": "Journée de réflexion annoncée trois mois à l'avance.",
        "motivation": "Un énoncé court que chacun peut rapporter à son organisation.",
        "resources": "Animation externe payée par la réserve de mobilisation.",
    },
    StageKind.PRIORITISATION: {
        "information": "Fiche par piste d'action : coût estimé, porteurs possibles.",
        "communication": "Vote à points ouvert une semaine, rappel par courriel.",
        "motivation": "Résultats montrés avec les écarts d'opinion, discutés en plénière.",
        # The resources lever is left empty on purpose: the mobilisation view
        # shows it as unsupported.
    },
    StageKind.GOVERNANCE: {
        "information": "Projet de structure de suivi envoyé avec l'ordre du jour.",
        "communication": "Rôles de chacun présentés en plénière et dans le bulletin.",
        "motivation": "Chaque organisme choisit l'action qu'il porte.",
        "resources": "Temps de coordination financé par le programme régional.",
    },
    StageKind.IMPLEMENTATION: {
        "information": "Tableau de bord des actions accessible à tous les membres.",
        "communication": "Bulletin mensuel et capsules sur les réseaux sociaux.",
        "motivation": "Bons coups soulignés à chaque plénière.",
        "resources": "Subventions des deux bailleurs ; prêt de locaux par la Ville.",
    },
    StageKind.FOLLOW_UP: {
        "information": "Mises à jour des porteurs avant chaque plénière.",
        "communication": "Rappel automatique aux porteurs une semaine avant l'échéance.",
        "motivation": "Les retards sont discutés sans blâme, pour ajuster ensemble.",
        "resources": "Une demi-journée par mois de la coordination.",
    },
    StageKind.EVALUATION: {
        "information": "Indicateurs du plan et témoignages recueillis en cours de route.",
        "communication": "Questionnaire aux partenaires et groupe de discussion citoyen.",
        "motivation": "L'évaluation prépare le prochain plan : chacun y a voix.",
        "resources": "Budget d'évaluation prévu dans la demande de renouvellement.",
    },
}


def _seats(table) -> dict:
    """Return the open seats by name, with their effective sector code and type."""
    from tablee.members.models import Seat

    seats = {}
    for seat in (
        Seat.objects.for_table(table)
        .filter(closed_at__isnull=True)
        .select_related("organization", "organization__sector", "sector")
    ):
        sector = seat.sector or (seat.organization.sector if seat.organization else None)
        seat.sector_code = sector.code if sector else ""
        seats[str(seat)] = seat
    return seats


def _needs(table, seats) -> dict:
    """Return kind → [(target kwargs, level)] for the groups that exist at the table."""
    from tablee.members.models import Committee
    from tablee.organizations.models import Sector

    sectors = {s.code: s for s in Sector.objects.all()}
    committees = {c.name: c for c in Committee.objects.for_table(table)}

    def sector(code, level):
        return (
            ({"group_kind": "sector", "sector": sectors[code]}, level) if code in sectors else None
        )

    def actor(value, level):
        return ({"group_kind": "actor_type", "actor_type": value}, level)

    def committee(name, level):
        found = committees.get(name)
        return ({"group_kind": "committee", "committee": found}, level) if found else None

    def seat(name, level):
        found = seats.get(name)
        return ({"group_kind": "seat", "seat": found}, level) if found else None

    wanted = {
        StageKind.PORTRAIT: [
            sector("sante-services-sociaux", "contributing"),
            sector("communautaire", "contributing"),
            actor("strategic", "informed"),
        ],
        StageKind.DIAGNOSTIC: [
            sector("communautaire", "contributing"),
            sector("sante-services-sociaux", "consulted"),
            actor("tactical", "contributing"),
        ],
        StageKind.VISION: [
            actor("strategic", "deciding"),
            actor("tactical", "contributing"),
            sector("communautaire", "consulted"),
        ],
        StageKind.PRIORITISATION: [
            actor("strategic", "deciding"),
            actor("tactical", "contributing"),
            sector("sante-services-sociaux", "consulted"),
        ],
        StageKind.GOVERNANCE: [
            actor("strategic", "deciding"),
            sector("municipal", "consulted"),
        ],
        StageKind.IMPLEMENTATION: [
            committee("Comité sécurité alimentaire", "contributing"),
            sector("communautaire", "contributing"),
            # Vacant seat: nobody engages it, the view flags the stage.
            seat("Siège expérience vécue", "consulted"),
        ],
        StageKind.FOLLOW_UP: [
            committee("Comité de coordination", "deciding"),
            sector("municipal", "informed"),
        ],
        StageKind.EVALUATION: [
            actor("strategic", "consulted"),
            actor("tactical", "consulted"),
            actor("lived_experience", "consulted"),
        ],
    }
    return {kind: [n for n in needs if n is not None] for kind, needs in wanted.items()}


def _first(seats, *, sector: str = "", name: str = ""):
    if name and name in seats:
        return seats[name]
    return next((s for s in seats.values() if sector and s.sector_code == sector), None)


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if Process.objects.for_table(table).filter(slug=PROCESS_SLUG).exists():
        return
    with translation.override("fr-ca"):
        _load(table, coordinator)


def _load(table, coordinator) -> None:
    from tablee.decisions.models import Decision
    from tablee.meetings.models import Meeting
    from tablee.polls.models import Poll

    process = services.process_create(
        table=table,
        actor=coordinator,
        data=services.ProcessInput(
            title=TITLE,
            slug=PROCESS_SLUG,
            purpose=PURPOSE,
            starts_on=date(2025, 4, 1),
            ends_on=date(2028, 3, 31),
        ),
    )
    stages = {s.kind: s for s in Stage.objects.for_table(table).filter(process=process)}
    for kind, (status, starts_on, ends_on, notes) in STAGES.items():
        stage = stages[kind]
        stages[kind] = services.stage_update(
            stage=stage,
            actor=coordinator,
            data=services.StageInput(
                status=status,
                starts_on=starts_on,
                ends_on=ends_on,
                question=stage.question,
                notes=notes,
            ),
            revision=stage.revision,
        )

    # Held meetings in date order: the earliest ones fed the vision and the
    # priorities, the latest ones carry out and follow the plan.
    held = list(
        Meeting.objects.for_table(table)
        .filter(status="held", committee__isnull=True, starts_at__isnull=False)
        .order_by("starts_at")
    )
    committee_meetings = list(
        Meeting.objects.for_table(table).filter(status="held", committee__isnull=False)
    )
    upcoming = list(Meeting.objects.for_table(table).filter(status__in=["scheduled", "convened"]))
    plan = {
        StageKind.VISION: held[0:2],
        StageKind.PRIORITISATION: held[2:4],
        StageKind.GOVERNANCE: held[4:5],
        StageKind.IMPLEMENTATION: held[5:] + committee_meetings + upcoming,
        StageKind.FOLLOW_UP: held[7:] + upcoming,
    }
    for kind, meetings in plan.items():
        for meeting in meetings:
            services.stage_link(stage=stages[kind], actor=coordinator, item=meeting)
        meeting_ids = [m.pk for m in meetings]
        if kind in (StageKind.VISION, StageKind.PRIORITISATION, StageKind.GOVERNANCE):
            for decision in Decision.objects.for_table(table).filter(meeting_id__in=meeting_ids):
                services.stage_link(stage=stages[kind], actor=coordinator, item=decision)
    for poll in Poll.objects.for_table(table).order_by("opens_at"):
        kind = StageKind.PRIORITISATION if poll.kind == "dots" else StageKind.IMPLEMENTATION
        services.stage_link(stage=stages[kind], actor=coordinator, item=poll)

    seats = _seats(table)
    for kind, needs in _needs(table, seats).items():
        for target, level in needs:
            services.stage_need_add(stage=stages[kind], actor=coordinator, level=level, **target)
    for kind, means in LEVERS.items():
        services.stage_levers_save(stage=stages[kind], actor=coordinator, means=means)

    contributions = [
        (
            StageKind.PORTRAIT,
            _first(seats, sector="sante-services-sociaux"),
            date(2025, 5, 12),
            "Données de santé publique du quartier transmises au groupe de travail.",
        ),
        (
            StageKind.PORTRAIT,
            _first(seats, name="Banque alimentaire de la Vallée", sector="communautaire"),
            date(2025, 5, 28),
            "Statistiques de fréquentation du dépannage sur trois ans.",
        ),
        (
            StageKind.DIAGNOSTIC,
            _first(seats, name="Cuisine collective La Marmite", sector="communautaire"),
            date(2025, 9, 17),
            "Animation de l'atelier des familles sur les besoins alimentaires.",
        ),
        (
            StageKind.DIAGNOSTIC,
            _first(seats, name="CLSC de Saint-Exemple", sector="sante-services-sociaux"),
            date(2025, 10, 2),
            "Témoignages recueillis auprès des intervenantes de proximité.",
        ),
        (
            StageKind.GOVERNANCE,
            _first(seats, name="Ville de Saint-Exemple", sector="municipal"),
            date(2026, 6, 10),
            "Avis sur la structure de suivi et offre de locaux.",
        ),
        (
            StageKind.IMPLEMENTATION,
            _first(seats, name="Cuisine collective La Marmite", sector="communautaire"),
            date(2026, 9, 8),
            "Prêt de la cuisine deux soirs par semaine pour les ateliers.",
        ),
    ]
    for kind, seat, when, note in contributions:
        if seat is not None:
            services.stage_contribution_record(
                stage=stages[kind], actor=coordinator, seat=seat, contributed_on=when, note=note
            )
