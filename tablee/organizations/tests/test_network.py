"""The network view: metrics computed with networkx, a drawing and its accessible twin."""

import json

import pytest
from django.urls import reverse

from tablee.organizations.models import RelationLevel, Sector
from tablee.organizations.network import relation_network
from tablee.organizations.tests.factories import OrganizationFactory, RelationFactory, seat_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def graph(table):
    """health — H1 — H2 — E1 (education) — C1 (community); C2 seated but alone."""
    health = Sector.objects.get(code="sante-services-sociaux")
    education = Sector.objects.get(code="education")
    community = Sector.objects.get(code="communautaire")
    orgs = {
        "H1": OrganizationFactory(name="H1 Santé", sector=health),
        "H2": OrganizationFactory(name="H2 Santé", sector=health),
        "E1": OrganizationFactory(name="E1 École", sector=education),
        "C1": OrganizationFactory(name="C1 Groupe", sector=community),
        "C2": OrganizationFactory(name="C2 Groupe seul", sector=community),
    }
    RelationFactory(table=table, first=orgs["H1"], second=orgs["H2"])
    RelationFactory(
        table=table, first=orgs["H2"], second=orgs["E1"], level=RelationLevel.PARTNERSHIP
    )
    RelationFactory(
        table=table, first=orgs["E1"], second=orgs["C1"], level=RelationLevel.COLLABORATION
    )
    seat_for(table=table, organization=orgs["C2"])
    seat_for(table=table, organization=orgs["H1"])
    return orgs


def test_metrics(table, graph):
    network = relation_network(table=table)
    # 5 nodes, 3 edges: 3 / (5*4/2)
    assert network.density == pytest.approx(0.3)
    assert [org.name for org in network.isolated] == ["C2 Groupe seul"]
    top = network.most_connected[0]
    assert top.value == 2 and top.organization in (graph["H2"], graph["E1"])
    assert {r.organization for r in network.brokers} == {graph["H2"], graph["E1"]}
    # E1 links health and community, which have no direct relation.
    bridges = {b.organization: b.sectors for b in network.bridges}
    assert graph["E1"] in bridges
    assert graph["H2"] not in bridges  # H2's neighbours: health and education, linked by H2


def test_graph_data_carries_sector_colours_and_level_line_styles(table, graph):
    data = relation_network(table=table).graph_data()
    assert len(data["nodes"]) == 5 and len(data["edges"]) == 3
    lines = {edge["data"]["level"]: edge["data"]["line"] for edge in data["edges"]}
    assert lines == {"concertation": "dashed", "partnership": "solid", "collaboration": "dotted"}
    colours = {node["data"]["sector"]: node["data"]["colour"] for node in data["nodes"]}
    assert len(set(colours.values())) == 3


def test_an_ended_relation_leaves_the_network(table, graph):
    relation = RelationFactory(table=table, first=graph["C1"], second=graph["C2"])
    relation.ended_on = relation.started_on
    relation.save()
    assert graph["C2"] in relation_network(table=table).isolated


def test_an_empty_table_has_an_empty_network(table):
    network = relation_network(table=table)
    assert network.organizations == [] and network.density == 0


def test_page_has_the_data_block_the_drawing_and_the_tables(client, observer, table, graph):
    client.force_login(observer)
    response = client.get(reverse("relations:relation-network", args=[table.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<script id="network-data" type="application/json">' in page
    assert "organizations/vendor/cytoscape.min.js" in page
    assert "organizations/network.js" in page
    assert "style=" not in page and "<style" not in page
    # Every <script> is external or a JSON data block (nothing inline to execute).
    for chunk in page.split("<script")[1:]:
        head = chunk.split(">", 1)[0]
        assert "src=" in head or 'type="application/json"' in head
    data = json.loads(page.split('type="application/json">')[1].split("</script>")[0])
    assert len(data["edges"]) == 3
    assert "C2 Groupe seul" in page  # the isolated list
    assert "Density" in page and "Brokers" in page and "Bridges between sectors" in page


def test_page_explains_an_empty_network(client, member, table):
    client.force_login(member)
    response = client.get(reverse("relations:relation-network", args=[table.slug]))
    assert 'class="empty"' in response.content.decode()
