"""Demo organizations of the fictional territory of Saint-Exemple (all invented).

`ORGANIZATIONS` is shared by the other demo loaders (seats, relations), which
find an organization by its name.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.utils import timezone

from tablee.organizations.models import (
    Organization,
    OrganizationKind,
    OrganizationRelation,
    RelationLevel,
    Sector,
    normalize_name,
)

# (name, acronym, sector code, kind)
ORGANIZATIONS = [
    (
        "CIUSSS de la Vallée-Exemple",
        "CIUSSS VE",
        "sante-services-sociaux",
        OrganizationKind.PUBLIC,
    ),
    ("CLSC de Saint-Exemple", "CLSC SE", "sante-services-sociaux", OrganizationKind.PUBLIC),
    (
        "Clinique communautaire des Trois-Rives",
        "",
        "sante-services-sociaux",
        OrganizationKind.COMMUNITY,
    ),
    ("Centre de services scolaire des Érables", "CSSE", "education", OrganizationKind.PUBLIC),
    ("École primaire des Tournesols", "", "education", OrganizationKind.PUBLIC),
    ("Cégep de la Vallée-Exemple", "", "education", OrganizationKind.PUBLIC),
    ("Ville de Saint-Exemple", "", "municipal", OrganizationKind.PUBLIC),
    ("Bibliothèque municipale Gabrielle-Roy-Fictive", "", "municipal", OrganizationKind.PUBLIC),
    ("Carrefour jeunesse-emploi de Saint-Exemple", "CJE", "emploi", OrganizationKind.COMMUNITY),
    ("Services Québec — bureau de Saint-Exemple", "", "emploi", OrganizationKind.PUBLIC),
    (
        "Office municipal d'habitation de Saint-Exemple",
        "OMH",
        "habitation",
        OrganizationKind.PUBLIC,
    ),
    ("Comité logement du Vieux-Moulin", "", "habitation", OrganizationKind.COMMUNITY),
    ("Société de transport de la Vallée", "STV", "transport", OrganizationKind.PUBLIC),
    (
        "Service de police de Saint-Exemple — poste de quartier 3",
        "SPSE",
        "securite-publique",
        OrganizationKind.PUBLIC,
    ),
    (
        "Centre d'action bénévole Les Mains tendues",
        "CAB",
        "communautaire",
        OrganizationKind.COMMUNITY,
    ),
    ("Maison des jeunes L'Escale", "", "communautaire", OrganizationKind.COMMUNITY),
    ("Cuisine collective La Marmite", "", "communautaire", OrganizationKind.COMMUNITY),
    ("Maison de la famille du Vieux-Moulin", "", "communautaire", OrganizationKind.COMMUNITY),
    ("Centre des femmes L'Éclaircie", "", "communautaire", OrganizationKind.COMMUNITY),
    ("Banque alimentaire de la Vallée", "", "communautaire", OrganizationKind.COMMUNITY),
    (
        "Chambre de commerce de Saint-Exemple",
        "CCSE",
        "economie-entreprises",
        OrganizationKind.PRIVATE,
    ),
    ("Coopérative d'épicerie Le Panier", "", "economie-entreprises", OrganizationKind.PRIVATE),
    (
        "Institut de recherche en développement des communautés",
        "IRDC",
        "recherche",
        OrganizationKind.PUBLIC,
    ),
    ("Fondation communautaire de la Vallée", "", "philanthropie", OrganizationKind.COMMUNITY),
    ("Association des résidents du Vieux-Moulin", "", "citoyens", OrganizationKind.CITIZEN),
]


def organization_named(name: str) -> Organization:
    return Organization.objects.get(name_key=normalize_name(name))


def _ensure_default_sectors() -> None:
    """Put back the seeded sectors if a database flush removed them.

    They come from a data migration; a flushed test database (transactional
    tests) no longer has them, and the demo needs them.
    """
    seeding = import_module("tablee.organizations.migrations.0002_seed_sectors")
    for position, (code, name_fr, name_en) in enumerate(seeding.SECTORS, start=1):
        Sector.objects.get_or_create(
            code=code, defaults={"name_fr": name_fr, "name_en": name_en, "position": position}
        )


def load(*, people) -> None:
    """Register the demo organizations once (found again by their name key)."""
    _ensure_default_sectors()
    sectors = {sector.code: sector for sector in Sector.objects.all()}
    for name, acronym, sector_code, kind in ORGANIZATIONS:
        Organization.objects.get_or_create(
            name_key=normalize_name(name),
            defaults={
                "name": name,
                "acronym": acronym,
                "acronym_key": normalize_name(acronym),
                "sector": sectors.get(sector_code),
                "kind": kind,
                "territory": "Saint-Exemple",
            },
        )
    _load_relations(people=people)


MAIN_TABLE_SLUG = "quartier-demo"
C, K, P = RelationLevel.COLLABORATION, RelationLevel.CONCERTATION, RelationLevel.PARTNERSHIP

# (first name, second name, [(level, days ago, agreement title)]): each later
# step closes the previous one, so the pair shows a history. The library, the
# chamber of commerce, the cégep and the community clinic have no relation:
# with a seat at the table, they appear as isolated in the network view.
RELATIONS = [
    (
        "CIUSSS de la Vallée-Exemple",
        "CLSC de Saint-Exemple",
        [(P, 700, "Entente de services de proximité en santé")],
    ),
    ("CLSC de Saint-Exemple", "Maison de la famille du Vieux-Moulin", [(K, 500, "")]),
    ("CLSC de Saint-Exemple", "Centre des femmes L'Éclaircie", [(K, 420, "")]),
    ("Centre de services scolaire des Érables", "École primaire des Tournesols", [(K, 650, "")]),
    ("École primaire des Tournesols", "Maison des jeunes L'Escale", [(C, 300, "")]),
    ("Ville de Saint-Exemple", "Office municipal d'habitation de Saint-Exemple", [(K, 600, "")]),
    (
        "Office municipal d'habitation de Saint-Exemple",
        "Comité logement du Vieux-Moulin",
        [(C, 540, ""), (K, 180, "")],
    ),
    (
        "Carrefour jeunesse-emploi de Saint-Exemple",
        "Services Québec — bureau de Saint-Exemple",
        [(K, 480, ""), (P, 90, "Entente Parcours emploi jeunesse")],
    ),
    ("Carrefour jeunesse-emploi de Saint-Exemple", "Maison des jeunes L'Escale", [(K, 350, "")]),
    (
        "Banque alimentaire de la Vallée",
        "Cuisine collective La Marmite",
        [(P, 400, "Entente d'approvisionnement partagé")],
    ),
    ("Cuisine collective La Marmite", "Coopérative d'épicerie Le Panier", [(C, 250, "")]),
    (
        "Centre d'action bénévole Les Mains tendues",
        "Banque alimentaire de la Vallée",
        [(K, 380, "")],
    ),
    ("Société de transport de la Vallée", "Ville de Saint-Exemple", [(K, 560, "")]),
    (
        "Service de police de Saint-Exemple — poste de quartier 3",
        "Maison des jeunes L'Escale",
        [(C, 200, "")],
    ),
    (
        "Fondation communautaire de la Vallée",
        "Centre d'action bénévole Les Mains tendues",
        [(C, 320, "")],
    ),
    (
        "Institut de recherche en développement des communautés",
        "Ville de Saint-Exemple",
        [(C, 150, "")],
    ),
    (
        "Association des résidents du Vieux-Moulin",
        "Comité logement du Vieux-Moulin",
        [(K, 270, "")],
    ),
]


def _load_relations(*, people) -> None:
    """Record the main table's relations once, through the service (audited)."""
    from tablee.core.demo import COORDINATOR_EMAIL
    from tablee.organizations.services import relation_record
    from tablee.tables.models import Table

    table = Table.objects.filter(slug=MAIN_TABLE_SLUG).first()
    if table is None or OrganizationRelation.objects.for_table(table).exists():
        return
    actor = people.get(COORDINATOR_EMAIL) if isinstance(people, dict) else None
    today = timezone.localdate()
    for first_name, second_name, steps in RELATIONS:
        first, second = organization_named(first_name), organization_named(second_name)
        for level, days_ago, agreement in steps:
            started_on = today - timedelta(days=days_ago)
            relation_record(
                table=table,
                actor=actor,
                first=first,
                second=second,
                level=level,
                started_on=started_on,
                agreement_title=agreement,
                agreement_start=started_on if agreement else None,
                agreement_end=started_on + timedelta(days=3 * 365) if agreement else None,
                note="",
            )
