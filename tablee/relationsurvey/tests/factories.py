"""Builders of the relations survey: seated organizations, waves, answers.

Everything shares one table, so a graph is always tenant-consistent.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tablee.members.models import ActorType, Position, Seat, SeatHolding
from tablee.organizations.tests.factories import OrganizationFactory
from tablee.relationsurvey import services
from tablee.relationsurvey.models import AnswerSet, TieRating, TieRule, Wave


def seat(table, organization, person=None, position=Position.REPRESENTATIVE) -> Seat:
    """Give `organization` an open seat at `table`, held by `person` if given."""
    seat = Seat.objects.filter(
        table=table, organization=organization, closed_at__isnull=True
    ).first()
    if seat is None:
        seat = Seat.objects.create(
            table=table, organization=organization, actor_type=ActorType.TACTICAL
        )
    if person is not None:
        SeatHolding.objects.create(
            table=table,
            seat=seat,
            person=person,
            position=position,
            started_on=timezone.localdate(),
        )
    return seat


def seated_orgs(table, count: int, *, sector=None, names=None) -> list:
    """`count` organizations seated at `table` (names "A", "B"… when not given)."""
    orgs = []
    for index in range(count):
        name = names[index] if names else f"Org {chr(65 + index)}"
        extra = {"sector": sector} if sector is not None else {}
        org = OrganizationFactory(name=name, **extra)
        seat(table, org)
        orgs.append(org)
    return orgs


def wave_input(**overrides) -> services.WaveInput:
    now = timezone.now()
    values = {
        "title": "Carte des liens 2026",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=14),
        "tie_level": 2,
        "tie_rule": TieRule.EITHER,
        "ask_trust_value": True,
        "anonymity_threshold": 5,
    }
    values.update(overrides)
    return services.WaveInput(**values)


def make_wave(*, table, actor, **overrides) -> Wave:
    """An open wave over the organizations seated at `table` now (through the service)."""
    return services.wave_create(table=table, actor=actor, data=wave_input(**overrides))


def close(wave: Wave, *, days_ago: int = 1) -> Wave:
    """Move the wave's window into the past (tests only)."""
    wave.opens_at = timezone.now() - timedelta(days=days_ago + 20)
    wave.closes_at = timezone.now() - timedelta(days=days_ago)
    wave.save(update_fields=["opens_at", "closes_at"])
    return wave


def answer(wave: Wave, source, levels: dict, *, trust=None, value=None) -> AnswerSet:
    """Store `source`'s answers directly: {target org: level} (tests of results only).

    `trust` / `value`: {target org: rating}. Targets not named are rated 0.
    """
    answer_set = AnswerSet.objects.create(table=wave.table, wave=wave, organization=source)
    TieRating.objects.bulk_create(
        TieRating(
            table=wave.table,
            wave=wave,
            answer_set=answer_set,
            source=source,
            target=target,
            level=level,
            trust=(trust or {}).get(target),
            value=(value or {}).get(target),
        )
        for target, level in levels.items()
    )
    return answer_set


def full_grid(wave: Wave, source, level: int = 0) -> dict:
    """Service input rating every other participant at `level`."""
    grid = {}
    for participant in wave.participants.select_related("organization"):
        org = participant.organization
        if org.pk == source.pk:
            continue
        grid[org.pk] = services.RatingInput(level=level)
    return grid
