"""Benchmark evaluations: two diagnostics per generated table, a wheel for every other one.

At scale 1 about 500 campaigns and 17,000 anonymous responses. The first
generated table (`gen-table-001`) gets a diagnostic answered by 60 people
and a wheel answered by 40 (members and municipal staff), for the results
page benchmarks. Written with bulk_create only.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.evaluation import instruments
from tablee.evaluation.models import (
    Attribute,
    Campaign,
    DiscussionNote,
    ExternalInvitation,
    Instrument,
    InviteScope,
    Mode,
    Participation,
    Response,
    WheelAxis,
)

BIG_RESPONDENTS = 60
BIG_WHEEL_RESPONDENTS = 40
WHEEL_AXES = (
    ("Vision commune", "Nous savons ensemble ce que nous voulons changer dans le quartier."),
    ("Place des personnes concernées", "Les personnes touchées prennent part aux choix."),
    ("Décisions partagées", "Les décisions se prennent vraiment à la table."),
    ("Confiance", "Nous pouvons compter les uns sur les autres."),
    ("Information", "L'information circule entre les rencontres."),
    ("Capacité d'agir", "Nous réunissons les moyens de nos ambitions."),
    ("Avancement du plan", "Les actions prévues avancent."),
    ("Apprendre ensemble", "Nous tirons des leçons de ce que nous faisons."),
)
ROLES = ("coordinator", "member", "observer")
SECTORS = ("communautaire", "sante-services-sociaux", "municipal", "education", "")
KINDS = ("community", "public", "private", "none")
ACTORS = ("strategic", "tactical", "lived_experience")
SENIORITY = ("lt1", "1to3", "3plus")


def _answers(rng, bases: dict) -> dict:
    data = {}
    for dim in instruments.DIAGNOSTIC:
        base = bases[dim.code]
        for item in dim.items:
            if rng.random() < 0.05:
                data[item.code] = None
            else:
                data[item.code] = min(5, max(1, round(rng.gauss(base, 0.9))))
    return data


def generate(*, rng, scale, tables, seats, batch, progress) -> dict[str, int]:
    now = timezone.now()
    ordered = sorted(tables, key=lambda t: t.slug)
    campaigns: list[Campaign] = []
    sizes: list[int] = []
    for position, table in enumerate(ordered):
        for index in range(2):
            opens = now - timedelta(days=400 - 365 * index)
            campaigns.append(
                Campaign(
                    table_id=table.pk,
                    title=f"Diagnostic du partenariat {opens.year}",
                    opens_at=opens,
                    closes_at=opens + timedelta(days=21),
                    mode=Mode.INDIVIDUAL_COMPILED,
                    attributes=[a.value for a in Attribute],
                    invite_scope=InviteScope.PEOPLE,
                )
            )
            if position == 0 and index == 1:
                sizes.append(BIG_RESPONDENTS)
            else:
                sizes.append(rng.randint(20, 55))
    batch(Campaign, campaigns)
    invited_rows, participations, responses = [], [], []
    through = Campaign.invited_people.through
    for campaign, size in zip(campaigns, sizes, strict=True):
        people = list(seats.get(campaign.table_id, {}))
        for user_id in people:
            invited_rows.append(through(campaign_id=campaign.pk, user_id=user_id))
        for user_id in people[:size]:
            participations.append(
                Participation(table_id=campaign.table_id, campaign=campaign, person_id=user_id)
            )
        bases = {d.code: rng.uniform(2.6, 4.4) for d in instruments.DIAGNOSTIC}
        for _ in range(size):
            responses.append(
                Response(
                    table_id=campaign.table_id,
                    campaign=campaign,
                    attributes={
                        "sector": rng.choice(SECTORS),
                        "organization_kind": rng.choice(KINDS),
                        "actor_type": rng.choice(ACTORS),
                        "role": rng.choice(ROLES),
                        "seniority": rng.choice(SENIORITY),
                    },
                    answers=_answers(rng, bases),
                )
            )
    # Respondents beyond the table's people (e.g. the 60 of gen-table-001 in a
    # smaller table) are external partners, so the response rate stays true.
    externals = []
    for campaign, size in zip(campaigns, sizes, strict=True):
        missing = size - min(size, len(seats.get(campaign.table_id, {})))
        externals.extend(
            ExternalInvitation(
                table_id=campaign.table_id,
                campaign=campaign,
                email=f"partenaire{n}.c{campaign.pk}@gen.example.org",
            )
            for n in range(missing)
        )
    batch(ExternalInvitation, externals)
    participations.extend(
        Participation(table_id=x.table_id, campaign_id=x.campaign_id, external_id=x.pk)
        for x in externals
    )
    batch(through, invited_rows)
    batch(Participation, participations)
    batch(Response, responses)
    wheels, wheel_responses = _wheels(rng, ordered, seats, batch, now)
    progress(
        f"evaluation: {len(campaigns) + wheels} campaigns, "
        f"{len(responses) + wheel_responses} responses"
    )
    return {
        "evaluation campaigns": len(campaigns) + wheels,
        "evaluation responses": len(responses) + wheel_responses,
    }


def _wheel_answer(rng, bases: list[float]) -> dict:
    data = {}
    for position, base in enumerate(bases, 1):
        score = min(10, max(0, round(rng.gauss(base, 1.5))))
        data[f"a{position}"] = {
            "score": score,
            "desired": min(10, score + rng.randint(0, 3)) if rng.random() < 0.6 else None,
            "why": "",
        }
    return data


def _wheels(rng, tables, seats, batch, now) -> tuple[int, int]:
    """A wheel for every other table; members and municipal staff see it differently."""
    campaigns, sizes = [], []
    for position, table in enumerate(tables):
        if position % 2:
            continue
        opens = now - timedelta(days=60)
        campaigns.append(
            Campaign(
                table_id=table.pk,
                instrument=Instrument.WHEEL,
                title=f"Roue d'appréciation {opens.year}",
                opens_at=opens,
                closes_at=opens + timedelta(days=14),
                mode=Mode.INDIVIDUAL_DISCUSSED,
                attributes=[Attribute.ROLE.value, Attribute.SECTOR.value],
                invite_scope=InviteScope.PEOPLE,
            )
        )
        sizes.append(BIG_WHEEL_RESPONDENTS if position == 0 else rng.randint(8, 25))
    batch(Campaign, campaigns)
    axes, responses, externals, participations = [], [], [], []
    through = Campaign.invited_people.through
    invited = []
    for campaign, size in zip(campaigns, sizes, strict=True):
        axes.extend(
            WheelAxis(
                table_id=campaign.table_id,
                campaign=campaign,
                position=n,
                name=name,
                definition=definition,
            )
            for n, (name, definition) in enumerate(WHEEL_AXES, 1)
        )
        people = list(seats.get(campaign.table_id, {}))
        city = max(5, size // 4)  # municipal staff, invited by e-mail
        inside = min(size - city, len(people))
        invited.extend(through(campaign_id=campaign.pk, user_id=u) for u in people)
        participations.extend(
            Participation(table_id=campaign.table_id, campaign=campaign, person_id=u)
            for u in people[:inside]
        )
        externals.extend(
            ExternalInvitation(
                table_id=campaign.table_id,
                campaign=campaign,
                email=f"ville{n}.w{campaign.pk}@gen.example.org",
            )
            for n in range(size - inside)
        )
        members = [rng.uniform(4, 8) for _axis in WHEEL_AXES]
        municipal = [max(0.0, b - rng.choice((0, 1, 2.5))) for b in members]
        for index in range(size):
            outside = index >= inside
            responses.append(
                Response(
                    table_id=campaign.table_id,
                    campaign=campaign,
                    attributes={
                        "role": "external" if outside else rng.choice(ROLES),
                        "sector": "municipal" if outside else rng.choice(SECTORS),
                    },
                    answers=_wheel_answer(rng, municipal if outside else members),
                )
            )
    batch(WheelAxis, axes)
    batch(ExternalInvitation, externals)
    participations.extend(
        Participation(table_id=x.table_id, campaign_id=x.campaign_id, external_id=x.pk)
        for x in externals
    )
    batch(through, invited)
    batch(Participation, participations)
    batch(Response, responses)
    return len(campaigns), len(responses)


def delete(*, tables) -> None:
    DiscussionNote.objects.filter(table__in=tables).delete()
    WheelAxis.objects.filter(table__in=tables).delete()
    Response.objects.filter(table__in=tables).delete()
    Participation.objects.filter(table__in=tables).delete()
    ExternalInvitation.objects.filter(table__in=tables).delete()
    Campaign.invited_people.through.objects.filter(campaign__table__in=tables).delete()
    Campaign.objects.filter(table__in=tables).delete()
