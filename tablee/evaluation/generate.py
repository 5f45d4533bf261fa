"""Benchmark evaluations: about two diagnostic campaigns per generated table.

At scale 1 about 400 campaigns and 15,000 anonymous responses. The first
generated table (`gen-table-001`) gets a campaign answered by 60 people,
for the results page benchmark. Written with bulk_create only.
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
    InviteScope,
    Mode,
    Participation,
    Response,
)

BIG_RESPONDENTS = 60
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
    progress(f"evaluation: {len(campaigns)} campaigns, {len(responses)} responses")
    return {"evaluation campaigns": len(campaigns), "evaluation responses": len(responses)}


def delete(*, tables) -> None:
    DiscussionNote.objects.filter(table__in=tables).delete()
    Response.objects.filter(table__in=tables).delete()
    Participation.objects.filter(table__in=tables).delete()
    ExternalInvitation.objects.filter(table__in=tables).delete()
    Campaign.invited_people.through.objects.filter(campaign__table__in=tables).delete()
    Campaign.objects.filter(table__in=tables).delete()
