"""Demo relations survey of « Table de quartier Démo »; idempotent.

Two waves a year apart. Between them the food security project brought
several organizations closer (their ties strengthen by one or two levels),
and one organization joined the table (it takes part in the second wave
only). Representatives answer for their organization; the coordination
types in one organization's paper answers; a few organizations do not
answer, so the response rate reads true. One pair rates its relation far
apart, which the coordination sees as « seen differently ».
"""

from __future__ import annotations

import random
from datetime import timedelta
from itertools import combinations

from django.utils import timezone

from tablee.relationsurvey import selectors, services
from tablee.relationsurvey.models import Participant, TieRule, Wave
from tablee.tables.models import Table

MAIN_TABLE_SLUG = "quartier-demo"
COORDINATOR_EMAIL = "coordination@example.org"
# Seated today, but not yet a member when the first wave ran.
JOINED = "Centre des femmes L'Éclaircie"
# Typed in by the coordination from a paper form.
ON_PAPER = "Maison des jeunes L'Escale"
# Did not answer the first wave (the second wave: only the last one).
SILENT_FIRST = ("Coopérative d'épicerie Le Panier", "Chambre de commerce de Saint-Exemple")
SILENT_SECOND = ("Coopérative d'épicerie Le Panier",)
# Brought closer by the food security project between the two waves.
FOOD = (
    "Cuisine collective La Marmite",
    "Banque alimentaire de la Vallée",
    "Coopérative d'épicerie Le Panier",
    "Maison de la famille du Vieux-Moulin",
    "CLSC de Saint-Exemple",
    "Centre d'action bénévole Les Mains tendues",
)
# One pair that sees its relation very differently in the second wave (1 and 4).
SEEN_APART = ("Ville de Saint-Exemple", "Comité logement du Vieux-Moulin")


def _base_levels(rng: random.Random, orgs: list) -> dict[tuple[int, int], int]:
    """A plausible level per pair: closer inside a sector, a few strong partnerships."""
    levels = {}
    for a, b in combinations(sorted(orgs, key=lambda o: o.pk), 2):
        same = a.sector_id is not None and a.sector_id == b.sector_id
        weights = [2, 3, 3, 2, 1, 1] if same else [8, 4, 2, 1, 1, 0]
        levels[(a.pk, b.pk)] = rng.choices(range(6), weights=weights)[0]
    return levels


def _said(rng: random.Random, org, other, base: int) -> int:
    """What `org` says of a pair: the side with the higher id sometimes sees it one level off."""
    if org.pk < other.pk:
        return base
    return min(5, max(0, base + rng.choice((-1, 0, 0, 0, 1))))


def _grid(rng, org, others, levels, *, ask_trust_value) -> dict:
    ratings = {}
    for other in others:
        level = _said(rng, org, other, levels[tuple(sorted((org.pk, other.pk)))])
        trust = value = None
        if ask_trust_value and level >= 1:
            trust = min(4, max(1, round(rng.gauss(2.2 + level * 0.3, 0.6))))
            value = min(4, max(1, round(rng.gauss(2.0 + level * 0.35, 0.6))))
        ratings[other.pk] = services.RatingInput(level=level, trust=trust, value=value)
    return ratings


def _run_wave(
    table,
    coordinator,
    *,
    title,
    levels,
    rng,
    silent,
    opens_days,
    closes_days,
    leave_out=None,
    overrides=None,
):
    now = timezone.now()
    data = services.WaveInput(
        title=title,
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=14),
        tie_level=2,
        tie_rule=TieRule.EITHER,
        ask_trust_value=True,
        anonymity_threshold=5,
    )
    wave = services.wave_create(table=table, actor=coordinator, data=data)
    if leave_out is not None:
        # The first wave ran before this organization joined the table: the
        # demo rewrites history that the service, run today, cannot know.
        Participant.objects.filter(wave=wave, organization=leave_out).delete()
    participants = [p.organization for p in selectors.participant_list(wave=wave)]
    holders = selectors.representatives_by_organization(table=table)
    for org in participants:
        if org.name in silent:
            continue
        others = [o for o in participants if o.pk != org.pk]
        ratings = _grid(rng, org, others, levels, ask_trust_value=True)
        for (source, target), level in (overrides or {}).items():
            if source == org.pk and target in ratings:
                ratings[target] = services.RatingInput(level=level, trust=2 + (level > 2))
        people = holders.get(org.pk, [])
        if org.name == ON_PAPER or not people:
            services.answers_enter(
                wave=wave, organization=org, actor=coordinator, ratings=ratings, base_revision=0
            )
        else:
            services.answers_save(
                wave=wave, organization=org, actor=people[0], ratings=ratings, base_revision=0
            )
    return services.wave_update(
        wave=wave,
        actor=coordinator,
        data=services.WaveInput(
            title=title,
            opens_at=now - timedelta(days=opens_days),
            closes_at=now - timedelta(days=closes_days),
            tie_level=2,
            tie_rule=TieRule.EITHER,
            ask_trust_value=True,
            anonymity_threshold=5,
        ),
        revision=wave.revision,
    )


def load(*, people) -> None:
    from tablee.organizations.selectors import table_seated_organizations

    table = Table.objects.alive().filter(slug=MAIN_TABLE_SLUG).first()
    coordinator = people.get(COORDINATOR_EMAIL)
    if table is None or coordinator is None:
        return
    if Wave.objects.for_table(table).exists():
        return
    orgs = table_seated_organizations(table=table)
    if len(orgs) < 3:
        return
    by_name = {org.name: org for org in orgs}
    rng = random.Random(2027)
    levels = _base_levels(rng, orgs)
    year = timezone.localdate().year
    _run_wave(
        table,
        coordinator,
        title=f"Carte des liens {year - 1}",
        levels=levels,
        rng=rng,
        silent=SILENT_FIRST,
        opens_days=390,
        closes_days=368,
        leave_out=by_name.get(JOINED),
    )
    stronger = dict(levels)
    food = [by_name[name].pk for name in FOOD if name in by_name]
    for a, b in combinations(sorted(food), 2):
        stronger[(a, b)] = min(5, max(levels[(a, b)] + 1, 3))
    first, second = (by_name.get(name) for name in SEEN_APART)
    apart = {}
    if first is not None and second is not None:
        apart = {(first.pk, second.pk): 1, (second.pk, first.pk): 4}
    _run_wave(
        table,
        coordinator,
        title=f"Carte des liens {year}",
        levels=stronger,
        rng=rng,
        silent=SILENT_SECOND,
        opens_days=25,
        closes_days=4,
        overrides=apart,
    )
