"""Demo: the coordination's own sections of last year's annual report are written.

So the demo table's « bilan annuel » of last year downloads complete, with
its own introduction and outlook beside what Tablée gathers.
"""

from __future__ import annotations

from django.utils import timezone

from tablee.reports import selectors, services
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"

INTRODUCTION = (
    "Cette année, la table a consolidé son chantier de sécurité alimentaire : "
    "le plan d'action a été adopté au printemps et les premières actions sont en cours.\n\n"
    "Nous avons aussi pris le temps de nous évaluer ensemble : le diagnostic du "
    "partenariat, la roue d'appréciation avec la Ville et la carte des liens entre "
    "organisations nous ont donné une lecture commune de nos forces et de nos défis."
)
OUTLOOK = (
    "L'an prochain, nous voulons mieux partager les décisions, comme le diagnostic "
    "l'a montré, et accueillir les organisations en habitation qui manquent encore "
    "à la table.\n\n"
    "Nous poursuivrons le suivi des indicateurs du plan et présenterons un premier "
    "bilan des actions aux bailleurs de fonds à l'automne."
)


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    year = timezone.localdate().year - 1
    if selectors.annual_text_get(table=table, year=year) is None:
        services.annual_text_save(
            table=table,
            actor=coordinator,
            year=year,
            introduction=INTRODUCTION,
            outlook=OUTLOOK,
            revision=0,
        )
