"""Reads of the relations survey, scoped to a table, shaped for their screens.

A wave's results load in three queries (participants with organizations and
sectors, who answered, the ratings) whatever the size of the table; the
measures are then computed in memory (`metrics.compute`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tablee.members.models import Position, SeatHolding
from tablee.relationsurvey import metrics
from tablee.relationsurvey.models import (
    MAX_LEVEL,
    AnswerSet,
    JointWork,
    Participant,
    TieRating,
    TieRule,
    Wave,
)

# -- waves ---------------------------------------------------------------------


def wave_list(*, table) -> QuerySet[Wave]:
    """The table's waves, newest first, with their participant and answer counts."""
    return (
        Wave.objects.for_table(table)
        .annotate(
            participant_count=Count("participants", distinct=True),
            answered_count=Count("answer_sets", distinct=True),
        )
        .order_by("-opens_at", "-id")
    )


def wave_get(*, table, wave_id: int) -> Wave | None:
    return Wave.objects.for_table(table).select_related("table").filter(pk=wave_id).first()


def wave_previous(*, wave: Wave) -> Wave | None:
    """The wave of the same table that opened just before this one."""
    return (
        Wave.objects.for_table(wave.table_id)
        .filter(Q(opens_at__lt=wave.opens_at) | Q(opens_at=wave.opens_at, pk__lt=wave.pk))
        .order_by("-opens_at", "-id")
        .first()
    )


def wave_closed_list(*, table, now) -> list[Wave]:
    """Closed waves, newest first: the ones the network page can draw."""
    return list(
        Wave.objects.for_table(table).filter(closes_at__lte=now).order_by("-closes_at", "-id")
    )


def participant_list(*, wave: Wave) -> list[Participant]:
    """The participating organizations by name, with organization and sector."""
    return list(
        Participant.objects.filter(wave=wave)
        .select_related("organization__sector", "sector")
        .order_by("organization__name_key", "organization_id")
    )


def answered_ids(*, wave: Wave) -> set[int]:
    return set(AnswerSet.objects.filter(wave=wave).values_list("organization_id", flat=True))


def answer_set_get(*, wave: Wave, organization_id: int) -> AnswerSet | None:
    return (
        AnswerSet.objects.filter(wave=wave, organization_id=organization_id)
        .prefetch_related("ratings")
        .first()
    )


def ratings_of(answer_set: AnswerSet | None) -> dict[int, TieRating]:
    """An organization's own ratings, by target (for its own answer form)."""
    if answer_set is None:
        return {}
    return {rating.target_id: rating for rating in answer_set.ratings.all()}


def represented_organization_ids(*, table, user) -> set[int]:
    """Organizations the person represents at the table today (open seat, current holder).

    The representative and the alternate both speak for the organization.
    """
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        SeatHolding.objects.for_table(table)
        .filter(
            person=user,
            ended_on__isnull=True,
            position__in=[Position.REPRESENTATIVE, Position.ALTERNATE],
            seat__closed_at__isnull=True,
            seat__organization__isnull=False,
        )
        .values_list("seat__organization_id", flat=True)
    )


def representatives_by_organization(*, table) -> dict[int, list]:
    """Current representatives (then alternates) of each seated organization."""
    holders: dict[int, list] = {}
    for holding in (
        SeatHolding.objects.for_table(table)
        .filter(ended_on__isnull=True, seat__closed_at__isnull=True)
        .exclude(seat__organization__isnull=True)
        .select_related("person", "seat")
        .order_by("-position", "id")
    ):
        holders.setdefault(holding.seat.organization_id, []).append(holding.person)
    return holders


# -- results -------------------------------------------------------------------


def rule_sentence(rule: str, level: int) -> str:
    """The tie rule in words, stated beside every measure."""
    if rule == TieRule.BOTH:
        return _("A tie counts from level %(k)s when both organizations report it.") % {"k": level}
    return _(
        "A tie counts from level %(k)s when at least one of the two organizations reports it."
    ) % {"k": level}


def _percent(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{number_format(round(100 * value), decimal_pos=0)} %"


@dataclass
class WaveData:
    """Everything the measures need, read in three queries."""

    participants: list[Participant]
    respondents: set[int]
    reports: list[metrics.Report]

    @property
    def organizations(self) -> dict[int, object]:
        return {p.organization_id: p.organization for p in self.participants}

    @property
    def sectors(self) -> dict[int, object]:
        return {p.sector_id: p.sector for p in self.participants if p.sector_id}


def wave_data(*, wave: Wave) -> WaveData:
    participants = participant_list(wave=wave)
    respondents = answered_ids(wave=wave)
    reports = [
        metrics.Report(source, target, level, trust, value)
        for source, target, level, trust, value in TieRating.objects.filter(wave=wave).values_list(
            "source_id", "target_id", "level", "trust", "value"
        )
    ]
    return WaveData(participants=participants, respondents=respondents, reports=reports)


def measure(
    data: WaveData, *, rule: str, level: int, threshold: int, only: set[int] | None = None
) -> metrics.Metrics:
    """The measures of a wave's data, optionally on a subset of organizations."""
    participants = [p for p in data.participants if only is None or p.organization_id in only]
    return metrics.compute(
        nodes=[p.organization_id for p in participants],
        sectors={p.organization_id: p.sector_id for p in participants},
        respondents=data.respondents,
        reports=data.reports,
        rule=rule,
        level=level,
        threshold=threshold,
        order={p.organization_id: p.organization.name_key for p in participants},
    )


@dataclass
class LevelRow:
    level: int
    label: str
    pairs: int
    counts_as_tie: bool


@dataclass
class WaveResults:
    """The measures of a wave with the organizations and sectors they name."""

    wave: Wave
    rule: str
    level: int
    data: WaveData
    m: metrics.Metrics
    organizations: dict[int, object] = field(default_factory=dict)
    sectors: dict[int, object] = field(default_factory=dict)

    @property
    def sentence(self) -> str:
        return rule_sentence(self.rule, self.level)

    @property
    def response_percent(self) -> str:
        return _percent(self.m.response_rate)

    @property
    def response_sentence(self) -> str:
        return _("%(answered)s of %(total)s organizations answered (%(percent)s).") % {
            "answered": self.m.answered,
            "total": self.m.n,
            "percent": self.response_percent,
        }

    @property
    def reciprocity_percent(self) -> str:
        return _percent(self.m.reciprocity)

    def orgs(self, ids) -> list:
        return [self.organizations[pk] for pk in ids]

    @property
    def most_connected(self) -> list[tuple[object, int]]:
        return [(self.organizations[pk], d) for pk, d in self.m.most_connected]

    @property
    def brokers(self) -> list[tuple[object, float]]:
        return [(self.organizations[pk], v) for pk, v in self.m.brokers]

    @property
    def isolates(self) -> list:
        return self.orgs(self.m.isolates)

    @property
    def pendants(self) -> list:
        return self.orgs(self.m.pendants)

    @property
    def articulation_points(self) -> list:
        return self.orgs(self.m.articulation_points)

    @property
    def ei_by_sector(self) -> list[tuple[object, int, int, float | None]]:
        rows = [
            (self.sectors[mix.sector], mix.external, mix.internal, mix.index)
            for mix in self.m.ei_by_sector
        ]
        return sorted(rows, key=lambda row: (row[0].position, row[0].code))

    @property
    def levels(self) -> list[LevelRow]:
        return [
            LevelRow(
                level=lvl,
                label=str(JointWork(lvl).label),
                pairs=self.m.by_level.get(lvl, 0),
                counts_as_tie=lvl >= self.level,
            )
            for lvl in range(1, MAX_LEVEL + 1)
        ]

    @property
    def ties(self) -> list[tuple[object, object, int, str]]:
        rows = []
        for a, b, lvl in self.m.ties:
            first, second = sorted(
                (self.organizations[a], self.organizations[b]), key=lambda o: o.name_key
            )
            rows.append((first, second, lvl, str(JointWork(lvl).label)))
        return sorted(rows, key=lambda r: (r[0].name_key, r[1].name_key))

    def _received(self, items: list[metrics.Received]) -> list[tuple[object, int, float]]:
        return [
            (self.organizations[r.organization], r.raters, r.mean)
            for r in items
            if r.mean is not None
        ]

    @property
    def trust(self) -> list[tuple[object, int, float]]:
        return self._received(self.m.trust)

    @property
    def value(self) -> list[tuple[object, int, float]]:
        return self._received(self.m.value)

    @property
    def trust_hidden(self) -> int:
        return sum(1 for r in self.m.trust if r.mean is None)

    @property
    def value_hidden(self) -> int:
        return sum(1 for r in self.m.value if r.mean is None)

    @property
    def gaps(self) -> list[tuple[object, object, int, int]]:
        """Pairs the two sides rated two levels or more apart, without saying who said what."""
        rows = []
        for gap in self.m.gaps:
            first, second = sorted(
                (self.organizations[gap.first], self.organizations[gap.second]),
                key=lambda o: o.name_key,
            )
            rows.append((first, second, gap.low, gap.high))
        return sorted(rows, key=lambda r: (r[0].name_key, r[1].name_key))


def clean_rule(value, default: str) -> str:
    return value if value in TieRule.values else default


def clean_level(value, default: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 1 <= number <= MAX_LEVEL else default


def wave_results(
    *, wave: Wave, rule: str | None = None, level: int | None = None, data: WaveData | None = None
) -> WaveResults:
    """Measure a wave under its own tie rule and level, or the ones asked for."""
    rule = clean_rule(rule, wave.tie_rule)
    level = clean_level(level, wave.tie_level)
    data = data or wave_data(wave=wave)
    return WaveResults(
        wave=wave,
        rule=rule,
        level=level,
        data=data,
        m=measure(data, rule=rule, level=level, threshold=wave.anonymity_threshold),
        organizations=data.organizations,
        sectors=data.sectors,
    )


# -- over time -----------------------------------------------------------------


@dataclass
class CompareRow:
    label: str
    before: str
    after: str
    stable_before: str
    stable_after: str


@dataclass
class WaveComparison:
    current: WaveResults
    previous: WaveResults | None
    joined: list = field(default_factory=list)
    left: list = field(default_factory=list)
    stable: list = field(default_factory=list)
    rows: list[CompareRow] = field(default_factory=list)


def _number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return "—"
    return number_format(value, decimal_pos=decimals)


def _measures() -> list[tuple[str, object]]:
    """(label, reading of a Metrics) of every measure a wave is summed up by."""
    return [
        (_("Organizations taking part"), lambda m: str(m.n)),
        (_("Response rate"), lambda m: _percent(m.response_rate)),
        (_("Ties"), lambda m: str(m.tie_count)),
        (_("Density"), lambda m: _number(m.density)),
        (_("Mean number of ties per organization"), lambda m: _number(m.mean_degree, 1)),
        (_("Reciprocity"), lambda m: _percent(m.reciprocity)),
        (_("Degree centralization"), lambda m: _number(m.centralization)),
        (_("Connected groups"), lambda m: str(m.components)),
        (_("Isolated organizations"), lambda m: str(len(m.isolates))),
        (_("E-I index between sectors"), lambda m: _number(m.ei_index)),
        (_("Trust, network mean (1 to 4)"), lambda m: _number(m.trust_mean, 1)),
        (_("Value, network mean (1 to 4)"), lambda m: _number(m.value_mean, 1)),
    ]


def _rows(
    before: metrics.Metrics, after: metrics.Metrics, sb: metrics.Metrics, sa: metrics.Metrics
) -> list[CompareRow]:
    return [
        CompareRow(str(label), get(before), get(after), get(sb), get(sa))
        for label, get in _measures()
    ]


def summary_rows(results: WaveResults) -> list[tuple[str, str]]:
    """(measure, value) of one wave under its rule, as the comparison words them."""
    return [(str(label), get(results.m)) for label, get in _measures()]


def wave_comparison(
    *, wave: Wave, rule: str | None = None, level: int | None = None
) -> WaveComparison:
    """This wave beside the previous one, under the same tie rule and level.

    The measures are also given on the organizations present in both waves
    (the stable subset), so arrivals and departures do not pass for change.
    """
    current = wave_results(wave=wave, rule=rule, level=level)
    previous_wave = wave_previous(wave=wave)
    if previous_wave is None:
        return WaveComparison(current=current, previous=None)
    previous = wave_results(wave=previous_wave, rule=current.rule, level=current.level)
    now_ids, then_ids = set(current.organizations), set(previous.organizations)
    stable = now_ids & then_ids

    def by_name(orgs):
        return sorted(orgs, key=lambda o: o.name_key)

    threshold = wave.anonymity_threshold
    stable_after = measure(
        current.data, rule=current.rule, level=current.level, threshold=threshold, only=stable
    )
    stable_before = measure(
        previous.data,
        rule=current.rule,
        level=current.level,
        threshold=previous_wave.anonymity_threshold,
        only=stable,
    )
    return WaveComparison(
        current=current,
        previous=previous,
        joined=by_name(current.organizations[pk] for pk in now_ids - then_ids),
        left=by_name(previous.organizations[pk] for pk in then_ids - now_ids),
        stable=by_name(current.organizations[pk] for pk in stable),
        rows=_rows(previous.m, current.m, stable_before, stable_after),
    )
