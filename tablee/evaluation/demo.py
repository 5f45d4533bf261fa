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
from tablee.evaluation.models import Attribute, Campaign, Instrument, InviteScope, Mode
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
    if not Campaign.objects.for_table(table).filter(instrument=Instrument.DIAGNOSTIC).exists():
        _load_diagnostics(table, coordinator)
    if not Campaign.objects.for_table(table).filter(instrument=Instrument.WHEEL).exists():
        _load_wheels(table, coordinator)


def _load_diagnostics(table, coordinator) -> None:
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


# --- appreciation wheel -------------------------------------------------------

WHEEL_AXES = [
    ("Vision partagée", "Les partenaires poursuivent ensemble un but clair pour le quartier."),
    ("Écoute mutuelle", "Chaque partenaire se sent entendu lors des rencontres."),
    ("Décisions partagées", "Les choix importants se font avec tous les partenaires concernés."),
    ("Mise en commun", "Chacun apporte du temps, des savoirs ou des moyens aux actions."),
    ("Circulation de l'information", "L'information utile circule bien entre les rencontres."),
    ("Suivi des engagements", "Nous vérifions ensemble que ce qui est promis se réalise."),
]
MUNICIPAL_EMAILS = [
    "developpement.social@ville-exemple.example.org",
    "loisirs@ville-exemple.example.org",
    "urbanisme@ville-exemple.example.org",
    "greffe@ville-exemple.example.org",
    "direction.generale@ville-exemple.example.org",
]
# Median-ish score per axis: table members, then the municipality. The
# municipality sees « Décisions partagées » much lower (a gap of 2 or more).
WHEEL_PROFILES = {
    "2025": ([6, 6, 5, 6, 4, 5], [6, 5, 3, 5, 4, 4]),
    "2026": ([7, 7, 7, 6, 6, 6], [6, 6, 4, 6, 5, 5]),
}


def _wheel_answers(rng: random.Random, profile: list[int], *, why: bool) -> dict:
    data = {}
    for position, base in enumerate(profile, 1):
        data[f"a{position}-score"] = min(10, max(0, base + rng.choice((-1, 0, 0, 1))))
        data[f"a{position}-desired"] = min(10, base + 2)
        data[f"a{position}-why"] = (
            "Nous y travaillons, mais il reste du chemin." if why and position == 3 else ""
        )
    return data


def _load_wheels(table, coordinator) -> None:
    from tablee.tables.models import Membership, Role

    member_ids = set(
        Membership.objects.current()
        .filter(table=table, role=Role.MEMBER)
        .values_list("user_id", flat=True)
    )
    from tablee.members.selectors import people_of_table

    respondents = [p for p in people_of_table(table=table) if p.pk in member_ids][:12]
    if len(respondents) < 5:
        return
    rng = random.Random(8)
    now = timezone.now()
    previous = None
    for year, (opens, closes) in (("2025", (380, 366)), ("2026", (20, 6))):
        title = f"Roue d'appréciation du partenariat {year}"

        def data(opens_at, closes_at, title=title, previous=previous):
            return services.CampaignInput(
                title=title,
                opens_at=opens_at,
                closes_at=closes_at,
                mode=Mode.INDIVIDUAL_DISCUSSED,
                attributes=[Attribute.ROLE, Attribute.SECTOR],
                invite_scope=InviteScope.PEOPLE,
                people=respondents,
                instrument=Instrument.WHEEL,
                axes=[] if previous else WHEEL_AXES,
                copy_axes_from=previous,
            )

        campaign = services.campaign_create(
            table=table,
            actor=coordinator,
            data=data(now - timedelta(hours=1), now + timedelta(days=14)),
        )
        members_profile, city_profile = WHEEL_PROFILES[year]
        for index, person in enumerate(respondents):
            services.campaign_answer(
                campaign=campaign,
                actor=person,
                answers=_wheel_answers(rng, members_profile, why=index % 4 == 0),
            )
        for email in MUNICIPAL_EMAILS:
            external = services.campaign_invite_external(
                campaign=campaign, actor=coordinator, email=email, name="Ville de Saint-Exemple"
            )
            services.campaign_answer(
                campaign=campaign,
                external=external,
                answers=_wheel_answers(rng, city_profile, why=True),
            )
        campaign.refresh_from_db()
        campaign = services.campaign_update(
            campaign=campaign,
            actor=coordinator,
            data=data(now - timedelta(days=opens), now - timedelta(days=closes)),
            revision=campaign.revision,
        )
        previous = campaign
