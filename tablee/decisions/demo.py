"""Demo decisions of « Table de quartier Démo »; idempotent.

About fifteen decisions over the year, with every modality, one superseded
by a later decision and one amended. They hang on the held meetings of the
meetings demo when it ran (else they are recorded between meetings).
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.decisions import services
from tablee.decisions.models import Decision, Modality, Outcome
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"

# (wording, modality, extra fields); the demo's own words, all fictional.
DECISIONS = [
    ("Adopter le calendrier des rencontres de l'année : un jeudi par mois.", "consensus", {}),
    (
        "Confier au comité portrait la mise à jour des données du quartier.",
        "consent",
        {"objections": 0},
    ),
    (
        "Retenir la sécurité alimentaire comme première priorité d'action.",
        "agreement_scale",
        {"agreement_counts": [7, 4, 2, 1, 0]},
    ),
    (
        "Appuyer la demande de financement de la halte-garderie communautaire.",
        "majority",
        {"votes_for": 11, "votes_against": 2, "abstentions": 1},
    ),
    (
        "Tenir l'assemblée annuelle à la bibliothèque municipale.",
        "consensus",
        {},
    ),
    (
        "Réserver 2 000 $ du budget commun aux activités de mobilisation citoyenne.",
        "majority",
        {"votes_for": 9, "votes_against": 3, "abstentions": 2, "threshold_percent": 66},
    ),
    (
        "Créer un groupe de travail sur le transport collectif vers les épiceries.",
        "consent",
        {"objections": 0},
    ),
    (
        "Reporter la décision sur le logo de la table à l'automne.",
        "consensus",
        {"outcome": Outcome.DEFERRED},
    ),
    (
        "Publier un bulletin trimestriel destiné aux résidents.",
        "agreement_scale",
        {"agreement_counts": [5, 5, 3, 1, 0]},
    ),
    (
        "Adhérer au regroupement régional des tables de quartier.",
        "majority",
        {"votes_for": 4, "votes_against": 8, "abstentions": 2, "outcome": Outcome.REJECTED},
    ),
    (
        "Inviter deux résidentes et résidents à siéger comme experts de vécu.",
        "consent",
        {"objections": 0},
    ),
    (
        "Adopter le plan d'action annuel en sécurité alimentaire.",
        "agreement_scale",
        {
            "agreement_counts": [6, 5, 2, 0, 0],
            "reservations": [
                {"name": "Mathieu Côté", "text": "souhaite un bilan de mi-année avec les écoles"}
            ],
        },
    ),
    (
        "Tenir les rencontres en mode hybride lorsque la salle le permet.",
        "consensus",
        {},
    ),
]


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    if table is None or Decision.objects.for_table(table).exists():
        return
    coordinator = people[COORDINATOR_EMAIL]
    from tablee.meetings.models import AgendaItem, Meeting

    meetings = list(
        Meeting.objects.for_table(table)
        .filter(status="held", starts_at__isnull=False)
        .order_by("starts_at")
    )
    start = timezone.localdate() - timedelta(days=330)
    recorded = []
    for index, (wording, modality, extra) in enumerate(DECISIONS):
        meeting = meetings[index % len(meetings)] if meetings else None
        item = None
        if meeting is not None:
            item = (
                AgendaItem.objects.for_table(table)
                .filter(meeting=meeting, kind="decision")
                .order_by("position")
                .first()
            )
        decided_on = (
            timezone.localdate(meeting.starts_at)
            if meeting is not None
            else start + timedelta(days=25 * index)
        )
        fields = {"outcome": Outcome.ADOPTED, **extra}
        data = services.DecisionInput(
            wording=wording,
            decided_on=decided_on,
            modality=Modality(modality),
            meeting=meeting,
            agenda_item=item,
            **fields,
        )
        recorded.append(services.decision_record(table=table, actor=coordinator, data=data))
    last_date = recorded[-1].decided_on
    # The meeting place changes: the annual assembly moves (supersedes no. 5).
    services.decision_supersede(
        decision=recorded[4],
        actor=coordinator,
        data=services.DecisionInput(
            wording="Tenir l'assemblée annuelle au centre communautaire, plus accessible.",
            decided_on=last_date,
            modality=Modality.CONSENT,
            objections=0,
            dissent="La bibliothèque reste disponible en solution de rechange.",
        ),
    )
    # The mobilisation budget is raised (amends no. 6).
    services.decision_amend(
        decision=recorded[5],
        actor=coordinator,
        data=services.DecisionInput(
            wording="Porter à 3 000 $ la réserve pour la mobilisation citoyenne.",
            decided_on=last_date,
            modality=Modality.MAJORITY,
            votes_for=12,
            votes_against=1,
            abstentions=1,
        ),
    )
