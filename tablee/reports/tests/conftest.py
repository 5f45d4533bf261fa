"""A small but complete plan: every level the report and the workbook show."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from tablee.funding.models import Funder, ResourceKind
from tablee.funding.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingProgramFactory,
    ReportingDateFactory,
    ResourceCommitmentFactory,
)
from tablee.organizations.tests.factories import OrganizationFactory, seat_for
from tablee.plans.models import ActionOrigin, ActionStatus, PartnerRole
from tablee.plans.tests.factories import (
    ActionPartnerFactory,
    AxisFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ProcessFactory,
    ProgressUpdateFactory,
)
from tablee.results.tests.factories import IndicatorMeasureFactory, PlanIndicatorFactory


@dataclass
class Plan:
    process: object
    objectives: list
    actions: list
    organizations: list
    indicators: list


def _organization(table, name, acronym=""):
    from tablee.members.models import Seat
    from tablee.organizations.models import Organization

    organization = Organization.objects.filter(name=name).first() or OrganizationFactory(
        name=name, acronym=acronym
    )
    if not Seat.objects.filter(table=table, organization=organization).exists():
        seat_for(table=table, organization=organization)
    return organization


def make_plan(table, person, *, slug="securite-alimentaire", extra_actions=0) -> Plan:
    """Build a plan in `table`; `person` (who sits at the table) is accountable."""
    process = ProcessFactory(table=table, slug=slug, title="Sécurité alimentaire 2024-2027")
    cuisine = _organization(table, "Cuisine Amitié")
    sante = _organization(table, "Centre de santé du quartier", acronym="CSQ")
    first = ObjectiveFactory(
        process=process, title="Améliorer l'accès aux aliments frais", position=0
    )
    second = ObjectiveFactory(process=process, title="Cuisiner ensemble", position=1)
    axis = AxisFactory(objective=first, title="Rapprocher l'offre des quartiers")
    market = PlanActionFactory(
        objective=first,
        axis=axis,
        title="Marché solidaire mobile",
        description="Un marché qui se déplace dans les secteurs sans épicerie.",
        accountable_organization=cuisine,
        accountable_person=person,
        starts_on=date(2025, 1, 15),
        ends_on=date(2025, 12, 31),
        status=ActionStatus.UNDER_WAY,
        origin=ActionOrigin.FIXED,
    )
    ActionPartnerFactory(
        action=market, organization=sante, role=PartnerRole.SUPPORTS, role_detail="prête un local"
    )
    kitchens = PlanActionFactory(
        objective=second,
        title="Cuisines collectives",
        accountable_organization=sante,
        starts_on=date(2024, 3, 1),
        ends_on=date(2024, 11, 30),
        status=ActionStatus.DONE,
    )
    ProgressUpdateFactory(
        action=market,
        author=person,
        reported_on=date(2025, 3, 10),
        status=ActionStatus.UNDER_WAY,
        note="Trois arrêts ouverts dans le secteur nord.",
    )
    ProgressUpdateFactory(
        action=market,
        author=person,
        reported_on=date(2024, 12, 1),
        status=ActionStatus.PLANNED,
        note="Note de l'an passé, hors période.",
    )
    households = PlanIndicatorFactory(
        action=market, name="Ménages rejoints", unit="ménages", source="Registre du marché"
    )
    satisfied = PlanIndicatorFactory(
        action=market,
        name="Clientèle satisfaite",
        kind="how_well",
        unit="%",
        baseline_value=Decimal("55"),
        target_value=Decimal("80"),
    )
    IndicatorMeasureFactory(
        indicator=households, measured_on=date(2025, 4, 1), value=Decimal("142")
    )
    IndicatorMeasureFactory(
        indicator=households, measured_on=date(2023, 6, 1), value=Decimal("12.5")
    )
    IndicatorMeasureFactory(
        indicator=satisfied, measured_on=date(2025, 5, 1), value=Decimal("72.5")
    )
    ResourceCommitmentFactory(
        action=market,
        organization=cuisine,
        kind=ResourceKind.STAFF_HOURS,
        quantity=Decimal("120"),
        unit="h",
        amount=Decimal("3600"),
    )
    ResourceCommitmentFactory(
        action=market,
        organization=sante,
        kind=ResourceKind.MONEY,
        quantity=None,
        unit="",
        amount=Decimal("5000"),
        note="Achat du véhicule",
    )
    funder = Funder.objects.filter(table=table, name="Fondation Bon Voisin").first()
    program = FundingProgramFactory(
        funder=funder or FunderFactory(table=table, name="Fondation Bon Voisin"),
        name="Programme Nourrir le quartier",
        amount=Decimal("25000"),
        starts_on=date(2025, 1, 1),
        ends_on=date(2026, 12, 31),
        process=process,
    )
    BudgetLineFactory(program=program, action=market, amount=Decimal("8000"), note="Véhicule")
    ReportingDateFactory(program=program, due_on=date(2025, 6, 30), what="Bilan de mi-année")
    actions = [market, kitchens]
    for index in range(extra_actions):
        actions.append(
            PlanActionFactory(
                objective=second,
                title=f"Atelier de quartier {index}",
                starts_on=date(2025, 2, 1),
                accountable_organization=cuisine,
            )
        )
    return Plan(
        process=process,
        objectives=[first, second],
        actions=actions,
        organizations=[cuisine, sante],
        indicators=[households, satisfied],
    )


@pytest.fixture
def plan(table, member):
    return make_plan(table, member)


def report_url(table, process, suffix=""):
    return f"/t/{table.slug}/processes/{process.slug}/report/{suffix}"


@pytest.fixture(autouse=True)
def english():
    """Service-level messages in the source language (pages set their own)."""
    from django.utils import translation

    with translation.override("en"):
        yield
