"""The network of a table's relations: graph data and metrics (networkx).

Read-only, like a selector: `relation_network(table=...)` runs two queries
(current relations, open seats) and computes everything else in memory.
`wave_network(...)` draws the same page from a closed wave of the relations
survey (tablee.relationsurvey) instead: its ties under a tie rule and level.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from django.core.cache import cache

from tablee.organizations import selectors
from tablee.organizations.models import RelationLevel

# Colour-blind-safe palette (Okabe–Ito, then Tol's muted), cycled by sector
# position. Colour is never the only signal: the legend and tables say it too.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#F0E442",
    "#332288",
    "#882255",
    "#117733",
    "#999933",
    "#AA4499",
    "#44AA99",
]
NO_SECTOR_COLOUR = "#777777"
# Line style per level, so the drawing does not rely on colour alone.
LEVEL_LINE = {
    RelationLevel.COLLABORATION: "dotted",
    RelationLevel.CONCERTATION: "dashed",
    RelationLevel.PARTNERSHIP: "solid",
}
LEVEL_WIDTH = {
    RelationLevel.COLLABORATION: 2,
    RelationLevel.CONCERTATION: 3,
    RelationLevel.PARTNERSHIP: 5,
}
# Levels of joint work of a survey wave (0–5): the closer, the fuller the line.
WAVE_LINE = {1: "dotted", 2: "dotted", 3: "dashed", 4: "solid", 5: "solid"}
WAVE_WIDTH = {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
TOP = 5


@dataclass
class Ranked:
    organization: object
    value: float
    detail: str = ""


@dataclass
class Bridge:
    organization: object
    sectors: list[str]


@dataclass
class Network:
    relations: list
    organizations: list
    density: float = 0.0
    most_connected: list[Ranked] = field(default_factory=list)
    brokers: list[Ranked] = field(default_factory=list)
    bridges: list[Bridge] = field(default_factory=list)
    isolated: list = field(default_factory=list)
    sectors: list[dict] = field(default_factory=list)
    # Drawn from a survey wave: its ties (first, second, level, label) and the
    # reading (tie rule sentence, response rate) stated beside the measures.
    wave: object = None
    ties: list = field(default_factory=list)
    rule_sentence: str = ""
    response_sentence: str = ""

    def _edges(self) -> list[dict]:
        if self.wave is not None:
            return [
                {
                    "data": {
                        "id": f"t{first.pk}-{second.pk}",
                        "source": f"o{first.pk}",
                        "target": f"o{second.pk}",
                        "level": str(level),
                        "levelLabel": label,
                        "line": WAVE_LINE[level],
                        "width": WAVE_WIDTH[level],
                    }
                }
                for first, second, level, label in self.ties
            ]
        return [
            {
                "data": {
                    "id": f"r{relation.pk}",
                    "source": f"o{relation.first_id}",
                    "target": f"o{relation.second_id}",
                    "level": relation.level,
                    "levelLabel": relation.level_label,
                    "line": LEVEL_LINE[relation.level],
                    "width": LEVEL_WIDTH[relation.level],
                }
            }
            for relation in self.relations
        ]

    def graph_data(self) -> dict:
        """Return the nodes and edges for the drawing (JSON-serializable)."""
        colours = {entry["id"]: entry["colour"] for entry in self.sectors}
        nodes = [
            {
                "data": {
                    "id": f"o{org.pk}",
                    "label": org.acronym or org.name,
                    "name": org.name,
                    "sector": org.sector.name if org.sector_id else "",
                    "colour": colours.get(org.sector_id, NO_SECTOR_COLOUR),
                }
            }
            for org in self.organizations
        ]
        return {"nodes": nodes, "edges": self._edges()}


def _sector_legend(organizations) -> list[dict]:
    sectors = {}
    for org in organizations:
        if org.sector_id and org.sector_id not in sectors:
            sectors[org.sector_id] = org.sector
    legend = []
    for sector in sorted(sectors.values(), key=lambda s: (s.position, s.code)):
        index = (sector.position or sector.pk) % len(PALETTE)
        legend.append(
            {"id": sector.pk, "name": sector.name, "colour": PALETTE[index], "index": index}
        )
    return legend


def relation_network(*, table) -> Network:
    """Return the table's current relations with their network metrics."""
    relations = list(selectors.relation_list_current(table=table))
    seated = selectors.table_seated_organizations(table=table)
    organizations: dict[int, object] = {}
    graph = nx.Graph()
    for relation in relations:
        for org in (relation.first, relation.second):
            organizations.setdefault(org.pk, org)
            graph.add_node(org.pk)
        graph.add_edge(relation.first_id, relation.second_id, level=relation.level)
    isolated = sorted(
        (org for org in seated if org.pk not in organizations), key=lambda o: o.name_key
    )
    for org in isolated:
        organizations[org.pk] = org
        graph.add_node(org.pk)
    ordered = sorted(organizations.values(), key=lambda o: o.name_key)
    network = Network(relations=relations, organizations=ordered, isolated=isolated)
    return _measure(network, graph, organizations)


def wave_network(*, table, wave, rule: str | None = None, level: int | None = None) -> Network:
    """Return the network of a survey wave: its participants and its ties.

    A tie exists under the wave's rule and level, or the ones asked for;
    every participating organization is a node, answered or not.
    """
    from tablee.relationsurvey.selectors import wave_results

    assert wave.table_id == table.pk
    results = wave_results(wave=wave, rule=rule, level=level)
    organizations = dict(results.organizations)
    graph = nx.Graph()
    graph.add_nodes_from(organizations)
    ties = results.ties
    for first, second, tie_level, _label in ties:
        graph.add_edge(first.pk, second.pk, level=tie_level)
    ordered = sorted(organizations.values(), key=lambda o: o.name_key)
    network = Network(
        relations=[],
        organizations=ordered,
        isolated=[org for org in ordered if graph.degree[org.pk] == 0],
        wave=wave,
        ties=ties,
        rule_sentence=results.sentence,
        response_sentence=results.response_sentence,
    )
    return _measure(network, graph, organizations)


def _measure(network: Network, graph, organizations: dict) -> Network:
    """Fill in the measures shared by both sources of the drawing."""
    network.sectors = _sector_legend(network.organizations)
    if graph.number_of_nodes() < 2:
        return network
    network.density = nx.density(graph)
    by_degree = sorted(graph.degree, key=lambda item: (-item[1], organizations[item[0]].name_key))
    network.most_connected = [
        Ranked(organizations[pk], degree) for pk, degree in by_degree[:TOP] if degree > 0
    ]
    betweenness = cached_betweenness(graph)
    by_betweenness = sorted(
        betweenness.items(), key=lambda item: (-item[1], organizations[item[0]].name_key)
    )
    network.brokers = [
        Ranked(organizations[pk], round(value, 3)) for pk, value in by_betweenness[:TOP] if value
    ]
    network.bridges = _sector_bridges(graph, organizations)
    return network


def cached_betweenness(graph) -> dict[int, float]:
    """Betweenness centrality, cached by the exact shape of the graph.

    It is the slow part of the page (about half a second for a table of 300
    organizations) and depends only on the nodes and edges, so an unchanged
    network is never computed twice; any new or ended relation changes the key.
    """
    shape = repr((sorted(graph.nodes), sorted(tuple(sorted(edge)) for edge in graph.edges)))
    key = "relations:betweenness:" + hashlib.sha256(shape.encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = nx.betweenness_centrality(graph, normalized=True)
        cache.set(key, cached, timeout=24 * 3600)
    return cached


def _sector_bridges(graph, organizations) -> list[Bridge]:
    """Find organizations linking two sectors that no direct relation links."""

    def sector_of(pk):
        return organizations[pk].sector_id

    linked = set()
    for u, v in graph.edges:
        if sector_of(u) and sector_of(v) and sector_of(u) != sector_of(v):
            linked.add(frozenset((sector_of(u), sector_of(v))))
    bridges = []
    for pk in sorted(graph.nodes, key=lambda p: organizations[p].name_key):
        neighbour_sectors = {}
        for neighbour in graph.neighbors(pk):
            sector_id = sector_of(neighbour)
            if sector_id:
                neighbour_sectors.setdefault(sector_id, organizations[neighbour].sector)
        pairs = [
            (a, b)
            for a, b in combinations(sorted(neighbour_sectors), 2)
            if frozenset((a, b)) not in linked
        ]
        if pairs:
            names = sorted(
                {neighbour_sectors[a].name for pair in pairs for a in pair}, key=str.casefold
            )
            bridges.append(Bridge(organizations[pk], names))
    return bridges
