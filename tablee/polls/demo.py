"""Demo polls of « Table de quartier Démo »; idempotent.

One open dot vote on priorities with a few ballots, and one closed
ranked-choice poll whose results show several rounds.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.polls import services
from tablee.polls.models import Poll, PollKind
from tablee.tables.models import Membership, Role, Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    if table is None or Poll.objects.for_table(table).exists():
        return
    coordinator = people[COORDINATOR_EMAIL]
    voters = [
        membership.user
        for membership in Membership.objects.for_table(table)
        .current()
        .filter(role__in=(Role.MEMBER, Role.COORDINATOR))
        .select_related("user")
        .order_by("user__email")
    ]
    now = timezone.now()

    # A closed ranked-choice poll: opened, voted, closed, then dated last month.
    ranked = services.poll_create(
        table=table,
        actor=coordinator,
        question="Quel thème pour le forum citoyen du printemps?",
        description="Classez les thèmes par ordre de préférence; le dépouillement se fait "
        "par vote préférentiel.",
        kind=PollKind.RANKED,
        options=[
            "Se loger dignement",
            "Bien manger près de chez soi",
            "Se déplacer sans voiture",
            "Vieillir dans le quartier",
        ],
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(days=1),
        is_secret=True,
    )
    ranked = services.poll_open(poll=ranked, actor=coordinator)
    a, b, c, d = list(ranked.options.order_by("position").values_list("pk", flat=True))
    patterns = [[a, c], [b, a], [a], [c, b], [b, c], [d, b], [c, a], [a, b], [b], [d, c, a]]
    for voter, choices in zip(voters, patterns, strict=False):
        services.poll_cast_ballot(poll=ranked, voter=voter, choices=choices)
    ranked = services.poll_close(poll=ranked, actor=coordinator)
    opened, closed = now - timedelta(days=40), now - timedelta(days=33)
    Poll.objects.filter(pk=ranked.pk).update(opens_at=opened, closes_at=closed, closed_at=closed)
    ranked.ballots.update(created_at=opened, updated_at=opened)

    # An open dot vote on the year's priorities, results shown as they come.
    dots = services.poll_create(
        table=table,
        actor=coordinator,
        question="Où mettre nos efforts cette année?",
        description="Répartissez vos cinq points entre les chantiers proposés.",
        kind=PollKind.DOTS,
        dots_per_voter=5,
        options=[
            "Épicerie solidaire",
            "Corridors scolaires sécuritaires",
            "Logements abordables",
            "Activités intergénérationnelles",
        ],
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=12),
        hide_results_until_closed=False,
    )
    dots = services.poll_open(poll=dots, actor=coordinator)
    w, x, y, z = list(dots.options.order_by("position").values_list("pk", flat=True))
    spreads = [{w: 3, y: 2}, {x: 5}, {w: 2, x: 1, z: 2}, {y: 4, w: 1}, {z: 3, x: 2}]
    for voter, spread in zip(voters[1:], spreads, strict=False):
        services.poll_cast_ballot(
            poll=dots, voter=voter, choices={str(k): v for k, v in spread.items()}
        )
