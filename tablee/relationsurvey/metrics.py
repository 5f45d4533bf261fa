"""Network measures of one wave, computed in memory with networkx.

Pure functions on plain values (organization ids, sector ids, reports), so
they are tested on small known graphs. Formulas (n organizations, m ties):

- density d = 2m / (n(n − 1));
- reciprocity = reports returned by the other side / reports, counting only
  reports (at level ≥ k) between two organizations that both answered: a
  report about an organization that did not answer cannot be returned;
- degree centralization C = Σ (deg_max − deg_i) / ((n − 1)(n − 2)), 1 for a
  star, 0 when everyone has as many ties;
- betweenness normalised by 2 / ((n − 1)(n − 2)) (networkx);
- E-I index (E − I) / (E + I) where E counts ties between two sectors and I
  ties inside one; ties of an organization without a sector are left out;
- trust and value: the mean of the ratings an organization received, shown
  only when at least `threshold` organizations rated it; the network mean
  only when at least `threshold` organizations gave ratings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import fmean

import networkx as nx

from tablee.organizations.network import cached_betweenness

EITHER = "either"
BOTH = "both"
TOP = 5
GAP = 2  # two sides apart by this many levels or more: worth a conversation


@dataclass(frozen=True)
class Report:
    """What `source` said of its relation with `target`."""

    source: int
    target: int
    level: int
    trust: int | None = None
    value: int | None = None


@dataclass(frozen=True)
class Received:
    """Trust or value received by one organization (mean hidden below the threshold)."""

    organization: int
    raters: int
    mean: float | None


@dataclass(frozen=True)
class SectorMix:
    sector: int
    external: int
    internal: int
    index: float | None


@dataclass(frozen=True)
class Gap:
    first: int
    second: int
    low: int
    high: int


@dataclass
class Metrics:
    rule: str
    level: int
    threshold: int
    nodes: list[int]
    respondents: set[int]
    ties: list[tuple[int, int, int]] = field(default_factory=list)
    density: float | None = None
    reports: int = 0
    reciprocated: int = 0
    reciprocity: float | None = None
    centralization: float | None = None
    components: int = 0
    degree: dict[int, int] = field(default_factory=dict)
    betweenness: dict[int, float] = field(default_factory=dict)
    isolates: list[int] = field(default_factory=list)
    pendants: list[int] = field(default_factory=list)
    articulation_points: list[int] = field(default_factory=list)
    most_connected: list[tuple[int, int]] = field(default_factory=list)
    brokers: list[tuple[int, float]] = field(default_factory=list)
    ei_index: float | None = None
    ei_by_sector: list[SectorMix] = field(default_factory=list)
    by_level: dict[int, int] = field(default_factory=dict)
    trust: list[Received] = field(default_factory=list)
    value: list[Received] = field(default_factory=list)
    trust_mean: float | None = None
    value_mean: float | None = None
    trust_raters: int = 0
    value_raters: int = 0
    gaps: list[Gap] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def answered(self) -> int:
        return len(self.respondents)

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.n if self.n else None

    @property
    def tie_count(self) -> int:
        return len(self.ties)

    @property
    def mean_degree(self) -> float | None:
        return 2 * len(self.ties) / self.n if self.n else None


def pair_level(a: int | None, b: int | None, rule: str) -> int | None:
    """The level of a pair from what each side said (None: not said).

    Either rule: the higher of the levels reported. Both rule: the lower of
    the two, and nothing unless both sides answered.
    """
    if rule == BOTH:
        return min(a, b) if a is not None and b is not None else None
    known = [x for x in (a, b) if x is not None]
    return max(known) if known else None


def degree_centralization(graph: nx.Graph) -> float | None:
    n = graph.number_of_nodes()
    if n < 3:
        return None
    degrees = [d for _node, d in graph.degree]
    top = max(degrees)
    return sum(top - d for d in degrees) / ((n - 1) * (n - 2))


def _received(
    reports: list[Report], attribute: str, threshold: int
) -> tuple[list[Received], float | None, int]:
    by_target: dict[int, list[int]] = defaultdict(list)
    raters = set()
    values = []
    for report in reports:
        rating = getattr(report, attribute)
        if rating is None:
            continue
        by_target[report.target].append(rating)
        raters.add(report.source)
        values.append(rating)
    received = [
        Received(
            organization=target,
            raters=len(ratings),
            mean=fmean(ratings) if len(ratings) >= threshold else None,
        )
        for target, ratings in by_target.items()
    ]
    network_mean = fmean(values) if values and len(raters) >= threshold else None
    return received, network_mean, len(raters)


def compute(
    *,
    nodes: list[int],
    sectors: dict[int, int | None],
    respondents: set[int],
    reports: list[Report],
    rule: str = EITHER,
    level: int = 2,
    threshold: int = 5,
    order: dict[int, object] | None = None,
) -> Metrics:
    """Measure the network of one wave under a tie rule and level.

    `nodes` are the participating organizations; `reports` the ratings of
    the organizations that answered (`respondents`), each about another
    node. `order` gives a sort key per node for stable lists (names).
    """
    node_set = set(nodes)
    respondents = set(respondents) & node_set
    reports = [
        r
        for r in reports
        if r.source in respondents and r.target in node_set and r.source != r.target
    ]
    key = order or {}

    def sort_key(pk):
        return (key.get(pk, ""), pk)

    said: dict[tuple[int, int], int] = {(r.source, r.target): r.level for r in reports}
    result = Metrics(
        rule=rule, level=level, threshold=threshold, nodes=list(nodes), respondents=respondents
    )

    # Pairs and their level under the rule.
    pairs = {tuple(sorted((r.source, r.target))) for r in reports}
    by_level: Counter = Counter()
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for a, b in sorted(pairs):
        forward, backward = said.get((a, b)), said.get((b, a))
        if forward is not None and backward is not None and abs(forward - backward) >= GAP:
            result.gaps.append(Gap(a, b, min(forward, backward), max(forward, backward)))
        shown = pair_level(forward, backward, rule)
        if shown is None or shown < 1:
            continue
        by_level[shown] += 1
        if shown >= level:
            graph.add_edge(a, b, level=shown)
            result.ties.append((a, b, shown))
    result.by_level = {lvl: by_level.get(lvl, 0) for lvl in range(1, 6)}

    # Reciprocity on the raw reports between two respondents.
    eligible = [r for r in reports if r.level >= level and r.target in respondents]
    result.reports = len(eligible)
    result.reciprocated = sum(1 for r in eligible if said.get((r.target, r.source), -1) >= level)
    result.reciprocity = result.reciprocated / result.reports if result.reports else None

    # Shape of the tie graph.
    n = graph.number_of_nodes()
    if n >= 2:
        result.density = nx.density(graph)
    result.centralization = degree_centralization(graph)
    result.components = nx.number_connected_components(graph) if n else 0
    result.degree = dict(graph.degree)
    result.isolates = sorted((pk for pk, d in graph.degree if d == 0), key=sort_key)
    result.pendants = sorted((pk for pk, d in graph.degree if d == 1), key=sort_key)
    result.articulation_points = sorted(nx.articulation_points(graph), key=sort_key)
    by_degree = sorted(graph.degree, key=lambda item: (-item[1], sort_key(item[0])))
    result.most_connected = [(pk, d) for pk, d in by_degree[:TOP] if d > 0]
    if n >= 3 and graph.number_of_edges():
        result.betweenness = cached_betweenness(graph)
        ranked = sorted(result.betweenness.items(), key=lambda i: (-i[1], sort_key(i[0])))
        result.brokers = [(pk, round(v, 3)) for pk, v in ranked[:TOP] if v > 0]

    # Mixing between sectors.
    external = internal = 0
    per_sector: dict[int, list[int]] = {}
    for a, b, _lvl in result.ties:
        sa, sb = sectors.get(a), sectors.get(b)
        if sa is None or sb is None:
            continue
        if sa == sb:
            internal += 1
            per_sector.setdefault(sa, [0, 0])[1] += 1
        else:
            external += 1
            per_sector.setdefault(sa, [0, 0])[0] += 1
            per_sector.setdefault(sb, [0, 0])[0] += 1
    result.ei_index = (
        (external - internal) / (external + internal) if external + internal else None
    )
    present = sorted({s for s in (sectors.get(pk) for pk in nodes) if s is not None})
    for sector in present:
        e, i = per_sector.get(sector, (0, 0))
        result.ei_by_sector.append(
            SectorMix(
                sector=sector, external=e, internal=i, index=(e - i) / (e + i) if e + i else None
            )
        )

    # Trust and value, received means only.
    result.trust, result.trust_mean, result.trust_raters = _received(reports, "trust", threshold)
    result.value, result.value_mean, result.value_raters = _received(reports, "value", threshold)
    result.trust.sort(key=lambda r: sort_key(r.organization))
    result.value.sort(key=lambda r: sort_key(r.organization))
    result.gaps.sort(key=lambda g: (sort_key(g.first), sort_key(g.second)))
    return result
