"""Demo resources and funding of « Table de quartier Démo »; idempotent.

On the process `securite-alimentaire` (processes demo) and its plan actions
(plans demo, which runs first): resources committed by several
organizations, two funders with a program each (a regional public health
directorate and a foundation, invented), reporting dates, one of them less
than three weeks away, and budget lines. Written through the services so the
activity log tells the story. Does nothing when the plan is missing or when
its part already exists.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tablee.funding import selectors, services
from tablee.funding.models import Funder, ResourceCommitment, ResourceKind
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
PROCESS_SLUG = "securite-alimentaire"
COORDINATOR_EMAIL = "coordination@example.org"

# (kind, quantity, unit, value in $, note) — cycled over actions and organizations.
RESOURCES = [
    (ResourceKind.STAFF_HOURS, "120", "h", "4200", "Une intervenante deux jours par mois"),
    (ResourceKind.IN_KIND, None, "", "3600", "Local prêté pour les rencontres"),
    (ResourceKind.MONEY, None, "", "5000", "Contribution au fonds de l'action"),
    (ResourceKind.MATERIAL, "20", "jours-salle", "2000", "Cuisine collective équipée"),
    (ResourceKind.STAFF_HOURS, "60", "h", None, "Bénévoles encadrés par l'organisme"),
    (ResourceKind.STAFF_HOURS, "250", "h", "8750", "Agente de mobilisation à temps partiel"),
    (ResourceKind.MATERIAL, "300", "boîtes", "1500", "Contenants pour la distribution"),
    (ResourceKind.IN_KIND, None, "", "1200", "Transport des denrées par camionnette"),
]


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    process = selectors.process_get(table=table, slug=PROCESS_SLUG)
    if process is None:
        return
    actions = list(
        selectors.plan_actions(process=process).order_by("objective__position", "position", "id")
    )
    if not actions:
        return
    if not ResourceCommitment.objects.for_table(table).filter(action__process=process).exists():
        _resources(process=process, actions=actions, actor=coordinator)
    if not Funder.objects.for_table(table).exists():
        _funding(table=table, process=process, actions=actions, actor=coordinator)


def _resources(*, process, actions, actor) -> None:
    organizations = list(selectors.committing_organizations(table=process.table)[:8])
    if not organizations:
        return
    step = 0
    # About two actions out of three, one to three organizations each.
    for index, action in enumerate(actions):
        if index % 3 == 2:
            continue
        for offset in range(1 + index % 3):
            kind, quantity, unit, amount, note = RESOURCES[step % len(RESOURCES)]
            organization = organizations[(index + offset * 3) % len(organizations)]
            step += 1
            services.resource_commit(
                process=process,
                actor=actor,
                action=action,
                organization=organization,
                kind=kind,
                quantity=Decimal(quantity) if quantity else None,
                unit=unit,
                amount=Decimal(amount) if amount else None,
                note=note,
            )


def _funding(*, table, process, actions, actor) -> None:
    today = timezone.localdate()
    start = process.starts_on or today - timedelta(days=300)
    end = process.ends_on or start + timedelta(days=3 * 365 - 1)
    health = services.funder_create(
        table=table,
        actor=actor,
        name="Direction régionale de santé publique du Centre-Démo",
        contact_name="Hélène Brisebois",
        contact_email="securite.alimentaire@drsp-demo.example.org",
        contact_phone="514 555-0142",
    )
    health_program = services.program_create(
        funder=health,
        actor=actor,
        name="Programme régional de soutien en sécurité alimentaire",
        amount=Decimal("180000"),
        starts_on=start,
        ends_on=end,
        conditions=(
            "Dépenses admissibles : ressources humaines, achats de denrées et transport.\n"
            "Rapport d'étape annuel et bilan final avec les indicateurs du plan.\n"
            "Mention du soutien de la santé publique dans les communications."
        ),
        process=process,
    )
    foundation = services.funder_create(
        table=table,
        actor=actor,
        name="Fondation Bonne Table",
        contact_name="Marc-Antoine Veilleux",
        contact_email="programmes@bonnetable-demo.example.org",
    )
    foundation_program = services.program_create(
        funder=foundation,
        actor=actor,
        name="Fonds Quartiers nourriciers",
        amount=Decimal("60000"),
        starts_on=max(start, today - timedelta(days=120)),
        ends_on=max(start, today - timedelta(days=120)) + timedelta(days=2 * 365),
        conditions="Projets concertés seulement; un rapport narratif par année.",
    )
    done = services.reporting_date_add(
        program=health_program,
        actor=actor,
        due_on=max(start, today - timedelta(days=60)),
        what="Rapport d'étape de la première année",
    )
    services.reporting_date_mark_done(reporting=done, actor=actor)
    services.reporting_date_add(
        program=foundation_program,
        actor=actor,
        due_on=today + timedelta(days=12),
        what="Rapport narratif annuel et photos des activités",
    )
    services.reporting_date_add(
        program=health_program,
        actor=actor,
        due_on=today + timedelta(days=75),
        what="Rapport d'étape et état des dépenses",
    )
    services.reporting_date_add(
        program=health_program, actor=actor, due_on=end, what="Bilan final du plan d'action"
    )
    health_amounts = ["25000", "18000", "15000", "12000", "20000", "9000", "14000", "11000"]
    for action, amount in zip(actions[::2], health_amounts, strict=False):
        services.budget_line_add(
            program=health_program,
            actor=actor,
            action=action,
            amount=Decimal(amount),
            note="Salaire d'intervention et achats",
        )
    foundation_amounts = ["12000", "9500", "8000", "6000"]
    for action, amount in zip(actions[1::3], foundation_amounts, strict=False):
        services.budget_line_add(
            program=foundation_program,
            actor=actor,
            action=action,
            amount=Decimal(amount),
            note="Animation et matériel",
        )
