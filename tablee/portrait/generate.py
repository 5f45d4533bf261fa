"""Benchmark data of the portrait: indicators over ten years, needs, strengths.

Per generated table: four indicators × ten years (the largest table,
`gen-table-001`, gets eight), about one value in twelve missing, ten needs
(thirty in the largest table) citing indicators, sectors and seated
organizations, and four strengths. Everything through bulk_create.
"""

from __future__ import annotations

from decimal import Decimal

from tablee.portrait.importing import indicator_key
from tablee.portrait.models import (
    Coverage,
    EvidenceDocument,
    Need,
    Strength,
    TerritoryIndicator,
    TerritoryValue,
)

FIRST_YEAR = 2015
YEARS = 10

INDICATOR_NAMES = [
    ("Ménages en situation d'insécurité alimentaire", "%", 8, 25),
    ("Ménages à faible revenu", "%", 15, 35),
    ("Distance moyenne jusqu'à une épicerie", "km", 0.4, 2.5),
    ("Demandes d'aide alimentaire d'urgence", "demandes par mois", 100, 900),
    ("Taux de chômage", "%", 4, 12),
    ("Logements nécessitant des réparations majeures", "%", 5, 15),
    ("Familles monoparentales", "%", 12, 30),
    ("Personnes de 65 ans et plus vivant seules", "%", 20, 40),
]
NEED_STATEMENTS = [
    "Des familles sautent des repas à la fin du mois",
    "Peu de commerces d'alimentation à distance de marche",
    "Les aînés isolés peinent à faire leurs courses",
    "Des enfants arrivent à l'école sans avoir déjeuné",
    "Manque de lieux pour cuisiner en groupe",
    "Les nouveaux arrivants connaissent mal les ressources",
    "Le transport collectif ne dessert pas les comptoirs alimentaires",
    "Des logements trop chers laissent peu pour l'épicerie",
    "Les jeunes adultes quittent le quartier faute d'emploi",
    "Les organismes manquent de bénévoles la fin de semaine",
]
STRENGTH_STATEMENTS = [
    "Un réseau de jardins collectifs bien implanté",
    "Une cuisine communautaire disponible en soirée",
    "Des bénévoles fidèles et expérimentés",
    "Des commerçants ouverts à donner leurs invendus",
]


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    from tablee.members.models import Seat
    from tablee.organizations.models import Sector
    from tablee.processes.models import Process

    table_ids = [table.pk for table in tables]
    processes: dict[int, int] = {}
    for table_id, process_id in (
        Process.objects.filter(table_id__in=table_ids).order_by("id").values_list("table_id", "id")
    ):
        processes.setdefault(table_id, process_id)
    organizations: dict[int, list[int]] = {}
    for table_id, organization_id in (
        Seat.objects.filter(table_id__in=table_ids, organization__isnull=False)
        .order_by("id")
        .values_list("table_id", "organization_id")
    ):
        organizations.setdefault(table_id, []).append(organization_id)
    sector_ids = list(Sector.objects.order_by("position").values_list("id", flat=True))

    indicators: list[TerritoryIndicator] = []
    for table in tables:
        largest = table.slug.endswith("-001")
        for name, unit, _low, _high in INDICATOR_NAMES[: 8 if largest else 4]:
            indicators.append(
                TerritoryIndicator(
                    table=table,
                    name=name,
                    unit=unit,
                    source="Données générées pour les mesures de performance",
                    geography=table.territory or "Territoire",
                    key=indicator_key(name, table.territory or "Territoire"),
                    process_id=processes.get(table.pk),
                )
            )
    batch(TerritoryIndicator, indicators)

    values: list[TerritoryValue] = []
    bounds = {name: (low, high) for name, _unit, low, high in INDICATOR_NAMES}
    for indicator in indicators:
        low, high = bounds[indicator.name]
        level = rng.uniform(low, high)
        for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
            level = min(high, max(low, level * rng.uniform(0.93, 1.08)))
            missing = rng.random() < 1 / 12
            values.append(
                TerritoryValue(
                    table_id=indicator.table_id,
                    indicator=indicator,
                    year=year,
                    value=None if missing else Decimal(f"{level:.1f}"),
                    note="données partielles" if missing else "",
                )
            )
    batch(TerritoryValue, values)

    by_table: dict[int, list[TerritoryIndicator]] = {}
    for indicator in indicators:
        by_table.setdefault(indicator.table_id, []).append(indicator)
    coverages = [Coverage.COVERED, Coverage.PARTLY, Coverage.NOT_COVERED, Coverage.UNKNOWN]
    needs: list[Need] = []
    strengths: list[Strength] = []
    for table in tables:
        count = 30 if table.slug.endswith("-001") else 10
        for index in range(count):
            needs.append(
                Need(
                    table=table,
                    statement=f"{NEED_STATEMENTS[index % len(NEED_STATEMENTS)]} ({index + 1})",
                    coverage=rng.choice(coverages),
                    citizens="Forum citoyen" if index % 3 == 0 else "",
                    process_id=processes.get(table.pk),
                )
            )
        for statement in STRENGTH_STATEMENTS:
            strengths.append(
                Strength(table=table, statement=statement, process_id=processes.get(table.pk))
            )
    batch(Need, needs)
    batch(Strength, strengths)

    need_indicators, need_sectors, need_organizations = [], [], []
    for need in needs:
        for indicator in rng.sample(by_table[need.table_id], 2):
            need_indicators.append(
                Need.indicators.through(need_id=need.pk, territoryindicator_id=indicator.pk)
            )
        if sector_ids:
            need_sectors.append(
                Need.sectors.through(need_id=need.pk, sector_id=rng.choice(sector_ids))
            )
        table_orgs = organizations.get(need.table_id) or []
        for organization_id in rng.sample(table_orgs, min(2, len(table_orgs))):
            need_organizations.append(
                Need.organizations.through(need_id=need.pk, organization_id=organization_id)
            )
    batch(Need.indicators.through, need_indicators)
    batch(Need.sectors.through, need_sectors)
    batch(Need.organizations.through, need_organizations)
    return {
        "territory indicators": len(indicators),
        "territory values": len(values),
        "needs": len(needs),
        "strengths": len(strengths),
    }


def delete(*, tables) -> None:
    EvidenceDocument.objects.filter(table__in=tables).delete()
    Need.objects.filter(table__in=tables).delete()
    Strength.objects.filter(table__in=tables).delete()
    TerritoryValue.objects.filter(table__in=tables).delete()
    TerritoryIndicator.objects.filter(table__in=tables).delete()
