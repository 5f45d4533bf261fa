"""Demo follow-up actions of « Table de quartier Démo »; idempotent.

About twenty actions hanging on the held meetings (and their decisions) of
the meetings and decisions demos when they ran: some done, some overdue,
some open, a couple for coordination@example.org. Written through the
services, so the activity log tells the story. Runs once per database.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.actions import selectors, services
from tablee.actions.models import ActionItem, ActionStatus
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"

# (title, days from today to the due date, final status, person index or "coord")
ACTIONS = [
    ("Mettre à jour la liste des organismes membres", -200, "done", 0),
    ("Réserver la salle pour les rencontres de l'automne", -170, "done", "coord"),
    ("Envoyer le portrait du quartier aux partenaires", -140, "done", 1),
    ("Recenser les frigos communautaires du secteur", -110, "done", 2),
    ("Rencontrer la direction de l'école primaire", -80, "done", 3),
    ("Préparer le bilan de mi-année", -50, "done", "coord"),
    ("Relancer la Ville au sujet du local jeunesse", -30, "open", 4),
    ("Compiler les réponses au sondage des familles", -21, "in_progress", 5),
    ("Écrire au CIUSSS pour la clinique mobile", -12, "open", 1),
    ("Proposer un horaire pour le comité sécurité alimentaire", -6, "open", 6),
    ("Transmettre les données de fréquentation de la halte-garderie", -2, "open", 2),
    ("Inviter les commerçants de la rue Principale", 0, "open", 7),
    ("Faire le suivi de la demande de subvention", 2, "in_progress", "coord"),
    ("Préparer la présentation du plan d'action", 3, "open", 0),
    ("Réviser la charte avec le comité de coordination", 8, "open", 3),
    ("Organiser la visite du jardin collectif", 15, "open", 4),
    ("Mettre à jour la carte des ressources", 25, "open", 5),
    ("Planifier la journée de réflexion annuelle", 40, "open", 6),
    ("Documenter les bons coups de l'année", 60, "open", 7),
    ("Trouver un lieu pour le forum citoyen", None, "open", 1),
]


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if ActionItem.objects.for_table(table).exists():
        return
    from tablee.decisions.models import Decision
    from tablee.meetings.models import Meeting

    members = [p for p in selectors.action_people(table=table) if p.pk != coordinator.pk]
    organizations = list(selectors.action_organizations(table=table))
    meetings = list(
        Meeting.objects.for_table(table)
        .filter(status="held", starts_at__isnull=False)
        .prefetch_related("items")
        .order_by("starts_at")
    )
    today = timezone.localdate()
    for index, (title, days, status, who) in enumerate(ACTIONS):
        person = coordinator if who == "coord" or not members else members[who % len(members)]
        due = today + timedelta(days=days) if days is not None else None
        meeting = item = decision = None
        if meetings:
            # Each action comes from the last meeting held before it was due.
            candidates = [
                m for m in meetings if due is None or m.starts_at.date() < due - timedelta(days=7)
            ]
            meeting = candidates[-1] if candidates else meetings[0]
            items = list(meeting.items.all())
            item = items[index % len(items)] if items else None
            decision = (
                Decision.objects.for_table(table)
                .filter(meeting=meeting)
                .order_by("number")
                .first()
                if index % 3 == 0
                else None
            )
        action = services.action_create(
            table=table,
            actor=coordinator,
            title=title,
            accountable_person=person,
            accountable_organization=(
                organizations[index % len(organizations)] if organizations and index % 2 else None
            ),
            due_date=due,
            meeting=meeting,
            agenda_item=item,
            decision=decision,
        )
        if status != ActionStatus.OPEN:
            services.action_set_status(action=action, actor=person, status=status)
