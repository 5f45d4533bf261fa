"""Demo seats, holders and committees of « Table de quartier Démo »; idempotent.

Written through the services so the audit log reads like real use. Some
sectors are left out on purpose (transport, public safety, and no
lived-experience voice holds a seat) so the coverage page shows gaps.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from tablee.accounts.models import User
from tablee.members import services
from tablee.members.models import (
    ActorType,
    CommitteeKind,
    CommitteeRole,
    ContactCard,
    Position,
    Seat,
)
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"

EXTRA_PEOPLE = {
    "lucie.fournier@example.org": "Lucie Fournier",
    "hugo.martel@example.org": "Hugo Martel",
    "ines.benali@example.org": "Inès Benali",
    "thomas.gagne@example.org": "Thomas Gagné",
    "sarah.lapointe@example.org": "Sarah Lapointe",
    "kevin.tremblay@example.org": "Kevin Tremblay",
    "nadia.cyr@example.org": "Nadia Cyr",
}

S, T, L = ActorType.STRATEGIC, ActorType.TACTICAL, ActorType.LIVED_EXPERIENCE

# (organization, type of actor, representative, alternate, powers, contributions)
SEATS = [
    (
        "CIUSSS de la Vallée-Exemple",
        S,
        "hugo.martel@example.org",
        None,
        ["decision", "evaluation"],
        ["financial_resources", "authority", "expertise"],
    ),
    (
        "CLSC de Saint-Exemple",
        T,
        "membre@example.org",
        "ines.benali@example.org",
        ["contribution", "co_construction"],
        ["expertise", "human_resources", "presence"],
    ),
    (
        "Clinique communautaire des Trois-Rives",
        T,
        "thomas.gagne@example.org",
        None,
        ["contribution"],
        ["expertise", "presence"],
    ),
    (
        "Centre de services scolaire des Érables",
        S,
        "mathieu.cote@example.org",
        None,
        ["decision", "co_construction"],
        ["authority", "material_resources"],
    ),
    (
        "École primaire des Tournesols",
        T,
        "sarah.lapointe@example.org",
        None,
        ["contribution"],
        ["presence", "competencies"],
    ),
    (
        "Ville de Saint-Exemple",
        S,
        "isabelle.roy@example.org",
        "kevin.tremblay@example.org",
        ["decision", "evaluation"],
        ["financial_resources", "authority", "material_resources"],
    ),
    (
        "Bibliothèque municipale Gabrielle-Roy-Fictive",
        T,
        "melanie.caron@example.org",
        None,
        ["contribution"],
        ["material_resources", "presence"],
    ),
    (
        "Carrefour jeunesse-emploi de Saint-Exemple",
        T,
        "nathalie.bergeron@example.org",
        None,
        ["contribution", "co_construction"],
        ["expertise", "human_resources"],
    ),
    (
        "Services Québec — bureau de Saint-Exemple",
        S,
        "nadia.cyr@example.org",
        None,
        ["decision"],
        ["financial_resources"],
    ),
    (
        "Office municipal d'habitation de Saint-Exemple",
        S,
        "francois.pelletier@example.org",
        None,
        ["decision", "co_construction"],
        ["material_resources", "authority"],
    ),
    (
        "Comité logement du Vieux-Moulin",
        T,
        "catherine.ouellet@example.org",
        None,
        ["co_construction"],
        ["expertise", "presence"],
    ),
    (
        "Centre d'action bénévole Les Mains tendues",
        T,
        "annie.girard@example.org",
        None,
        ["contribution"],
        ["human_resources", "presence"],
    ),
    ("Maison des jeunes L'Escale", T, None, None, ["contribution"], ["presence"]),
    (
        "Cuisine collective La Marmite",
        T,
        "alexandre.morin@example.org",
        None,
        ["contribution", "co_construction"],
        ["competencies", "presence"],
    ),
    (
        "Maison de la famille du Vieux-Moulin",
        T,
        "lucie.fournier@example.org",
        None,
        ["co_construction"],
        ["expertise", "presence"],
    ),
    (
        "Centre des femmes L'Éclaircie",
        T,
        "julie.boucher@example.org",
        None,
        ["co_construction"],
        ["expertise"],
    ),
    (
        "Banque alimentaire de la Vallée",
        T,
        "karine.poirier@example.org",
        None,
        ["contribution"],
        ["material_resources"],
    ),
    (
        "Chambre de commerce de Saint-Exemple",
        S,
        "patrick.belanger@example.org",
        None,
        ["contribution"],
        ["financial_resources", "competencies"],
    ),
    ("Coopérative d'épicerie Le Panier", T, None, None, ["contribution"], ["material_resources"]),
    (
        "Institut de recherche en développement des communautés",
        T,
        "olivier.levesque@example.org",
        None,
        ["evaluation"],
        ["expertise", "competencies"],
    ),
    (
        "Fondation communautaire de la Vallée",
        S,
        "marc-andre.dube@example.org",
        None,
        ["decision", "evaluation"],
        ["financial_resources"],
    ),
    (
        "Association des résidents du Vieux-Moulin",
        T,
        "genevieve.fortin@example.org",
        None,
        ["co_construction"],
        ["lived_experience", "presence"],
    ),
]
HANDED_OVER = ("Maison de la famille du Vieux-Moulin", "sylvain.gauthier@example.org")
PAST_MANDATE = "Carrefour jeunesse-emploi de Saint-Exemple"
CONSENTING = {
    COORDINATOR_EMAIL: ("418 555-0100", "Coordonnatrice de la table"),
    "membre@example.org": ("418 555-0142", "Organisatrice communautaire"),
    "mathieu.cote@example.org": ("418 555-0177", "Conseiller pédagogique"),
    "isabelle.roy@example.org": ("", "Conseillère en développement social"),
    "annie.girard@example.org": ("418 555-0190", "Directrice"),
}


def _ensure_extra_people() -> dict[str, User]:
    hashed = make_password("demo-tablee-2026")
    found = {}
    for email, name in EXTRA_PEOPLE.items():
        person, _created = User.objects.get_or_create(
            email=email, defaults={"full_name": name, "password": hashed}
        )
        found[email] = person
    return found


def load(*, people) -> None:
    from tablee.organizations.demo import organization_named

    table = Table.objects.filter(slug=MAIN_TABLE_SLUG).first()
    if table is None or Seat.objects.for_table(table).exists():
        return
    people = {**people, **_ensure_extra_people()}
    coordinator = people[COORDINATOR_EMAIL]
    today = timezone.localdate()
    start = today - timedelta(days=420)
    seats = {}
    for name, actor_type, rep, alt, powers, contributions in SEATS:
        mandate_end = start + timedelta(days=730)
        if name == PAST_MANDATE:
            mandate_end = today - timedelta(days=45)
        seat = services.seat_create(
            table=table,
            actor=coordinator,
            organization=organization_named(name),
            actor_type=actor_type,
            expected_roles=["share", "relay", "represent_organization"],
            powers=powers,
            contributions=contributions,
            mandate_start=start if name != PAST_MANDATE else start - timedelta(days=400),
            mandate_end=mandate_end,
            representative_email=rep or "",
            representative_name=people[rep].full_name if rep else "",
            alternate_email=alt or "",
            alternate_name=people[alt].full_name if alt else "",
        )
        seats[name] = seat
    # Two seats without organization: a citizen and a lived-experience seat,
    # the latter still vacant (the coverage page points it out).
    services.seat_create(
        table=table,
        actor=coordinator,
        label="Siège citoyen 1",
        actor_type=T,
        expected_roles=["share", "shed_light"],
        powers=["contribution", "co_construction"],
        contributions=["presence", "lived_experience"],
        mandate_start=start,
        representative_email="louise.tremblay@example.org",
        representative_name=people["louise.tremblay@example.org"].full_name,
    )
    services.seat_create(
        table=table,
        actor=coordinator,
        label="Siège expérience vécue",
        actor_type=L,
        expected_roles=["shed_light"],
        powers=["contribution", "co_construction"],
        contributions=["lived_experience"],
        contribution_note="Recherché : une personne qui vit la situation du quartier.",
    )
    # A handover four months ago keeps the first holder in the seat's history.
    seat_name, successor = HANDED_OVER
    services.seat_hand_over(
        seat=seats[seat_name],
        actor=coordinator,
        position=Position.REPRESENTATIVE,
        email=successor,
        full_name=people[successor].full_name,
        on_date=today - timedelta(days=120),
    )

    groups = [
        (
            "Comité de coordination",
            CommitteeKind.COMMITTEE,
            "Prépare les rencontres de la table et suit le plan d'action entre deux plénières.",
            [
                (COORDINATOR_EMAIL, CommitteeRole.CHAIR),
                ("membre@example.org", CommitteeRole.MEMBER),
                ("isabelle.roy@example.org", CommitteeRole.MEMBER),
                ("annie.girard@example.org", CommitteeRole.MEMBER),
            ],
        ),
        (
            "Comité sécurité alimentaire",
            CommitteeKind.COMMITTEE,
            "Coordonne l'offre alimentaire du quartier et cherche les trous de service.",
            [
                ("alexandre.morin@example.org", CommitteeRole.CHAIR),
                ("karine.poirier@example.org", CommitteeRole.MEMBER),
                ("membre@example.org", CommitteeRole.MEMBER),
            ],
        ),
        (
            "Groupe de travail Portrait du quartier",
            CommitteeKind.WORKING_GROUP,
            "Rassemble les données pour mettre à jour le portrait du quartier d'ici l'automne.",
            [
                ("olivier.levesque@example.org", CommitteeRole.CHAIR),
                ("mathieu.cote@example.org", CommitteeRole.MEMBER),
                ("genevieve.fortin@example.org", CommitteeRole.MEMBER),
            ],
        ),
    ]
    for name, kind, mandate, members in groups:
        committee = services.committee_create(
            table=table,
            actor=coordinator,
            name=name,
            kind=kind,
            mandate=mandate,
            end_date=today + timedelta(days=240) if kind == CommitteeKind.WORKING_GROUP else None,
        )
        for email, role in members:
            services.committee_add_member(
                committee=committee, actor=coordinator, person=people[email], role=role
            )
    for email, (phone, title) in CONSENTING.items():
        ContactCard.objects.update_or_create(
            person=people[email],
            defaults={"phone": phone, "job_title": title, "directory_consent": True},
        )
