"""Demo evaluations of « Table de quartier Démo »; idempotent.

Two partnership diagnostics a year apart, each answered by the table's
people and a partner of the municipality (signed link): participation in
decisions and communication progress between the two, and power relations
split the group in the second one (divergent perceptions). A discussion
sheet records what the table decided. Everything goes through the
services, so the activity log tells the story.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from tablee.evaluation import instruments, selectors, services
from tablee.evaluation.models import Attribute, Campaign, InviteScope, Mode
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"
EXTERNAL_EMAIL = "developpement.social@ville-exemple.example.org"

# Mean answer per dimension, for each of the two years.
PROFILES = {
    "before": {
        "D1": 3.8,
        "D2": 3.4,
        "D3": 2.7,
        "D4": 3.3,
        "D5": 3.6,
        "D6": 2.9,
        "D7": 3.5,
        "D8": 3.1,
    },
    "after": {
        "D1": 4.1,
        "D2": 3.6,
        "D3": 3.9,
        "D4": None,
        "D5": 3.9,
        "D6": 4.1,
        "D7": 3.7,
        "D8": 3.2,
    },
}


def _answers(rng: random.Random, profile: dict, index: int) -> dict:
    data = {}
    for dim in instruments.DIAGNOSTIC:
        base = profile[dim.code]
        for item in dim.items:
            if rng.random() < 0.05:
                data[item.code] = instruments.DONT_KNOW
                continue
            if base is None:  # split group: half see a problem, half do not
                value = rng.choice((1, 2, 2)) if index % 2 else rng.choice((4, 5, 5))
            else:
                value = round(rng.gauss(base, 0.7))
            data[item.code] = str(min(5, max(1, value)))
    return data


def load(*, people) -> None:
    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if Campaign.objects.for_table(table).exists():
        return
    from tablee.members.selectors import people_of_table

    respondents = [p for p in people_of_table(table=table) if p.email != "observateur@example.org"]
    respondents = respondents[:11]
    rng = random.Random(2026)
    now = timezone.now()
    first = _campaign(
        table, coordinator, respondents, rng, "Diagnostic du partenariat 2025", "before"
    )
    services.campaign_update(
        campaign=first,
        actor=coordinator,
        data=_input(
            "Diagnostic du partenariat 2025",
            now - timedelta(days=400),
            now - timedelta(days=372),
            respondents,
        ),
        revision=first.revision,
    )
    second = _campaign(
        table, coordinator, respondents, rng, "Diagnostic du partenariat 2026", "after"
    )
    services.campaign_update(
        campaign=second,
        actor=coordinator,
        data=_input(
            "Diagnostic du partenariat 2026",
            now - timedelta(days=35),
            now - timedelta(days=7),
            respondents,
        ),
        revision=second.revision,
    )
    results = selectors.campaign_results(campaign=second)
    notes = {}
    if results.divergent:
        notes[results.divergent[0].code] = (
            "Atelier en novembre sur la place des petits organismes : revoir la prise de "
            "parole en rencontre et la répartition des tâches de représentation."
        )
    if results.lowest:
        notes[results.lowest[0].code] = (
            "Un comité de suivi fera le point chaque trimestre sur les engagements de "
            "ressources de chaque partenaire."
        )
    if notes:
        services.discussion_notes_save(campaign=second, actor=coordinator, notes=notes)


def _input(title, opens_at, closes_at, respondents) -> services.CampaignInput:
    return services.CampaignInput(
        title=title,
        opens_at=opens_at,
        closes_at=closes_at,
        mode=Mode.INDIVIDUAL_COMPILED,
        attributes=[a.value for a in Attribute],
        invite_scope=InviteScope.PEOPLE,
        people=respondents,
    )


def _campaign(table, coordinator, respondents, rng, title, profile) -> Campaign:
    now = timezone.now()
    campaign = services.campaign_create(
        table=table,
        actor=coordinator,
        data=_input(title, now - timedelta(hours=1), now + timedelta(days=14), respondents),
    )
    external = services.campaign_invite_external(
        campaign=campaign, actor=coordinator, email=EXTERNAL_EMAIL, name="Ville d'Exemple"
    )
    for index, person in enumerate(respondents):
        services.campaign_answer(
            campaign=campaign, actor=person, answers=_answers(rng, PROFILES[profile], index)
        )
    services.campaign_answer(
        campaign=campaign,
        external=external,
        answers=_answers(rng, PROFILES[profile], len(respondents)),
    )
    campaign.refresh_from_db()
    return campaign
