"""The network page of the relations draws a closed wave when asked (?wave=)."""

import json

import pytest
from django.urls import reverse

from tablee.organizations.network import wave_network
from tablee.relationsurvey.tests.factories import answer, close, make_wave, seated_orgs

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave(table, coordinator):
    a, b, c, d = seated_orgs(table, 4, names=["Alpha", "Bravo", "Charlie", "Delta"])
    wave = make_wave(table=table, actor=coordinator, title="Carte 2026")
    answer(wave, a, {b: 3, c: 1, d: 0})
    answer(wave, b, {a: 3, c: 2, d: 0})
    answer(wave, c, {a: 4, b: 0, d: 0})
    return close(wave)


def _data(page: str) -> dict:
    return json.loads(page.split('type="application/json">')[1].split("</script>")[0])


def test_wave_network_has_every_participant_and_the_ties(table, wave):
    network = wave_network(table=table, wave=wave)
    assert [o.name for o in network.organizations] == ["Alpha", "Bravo", "Charlie", "Delta"]
    assert [(a.name, b.name, lvl) for a, b, lvl, _l in network.ties] == [
        ("Alpha", "Bravo", 3),
        ("Alpha", "Charlie", 4),
        ("Bravo", "Charlie", 2),
    ]
    assert [o.name for o in network.isolated] == ["Delta"]
    assert network.density == pytest.approx(3 / 6)
    both = wave_network(table=table, wave=wave, rule="both", level=2)
    assert [(a.name, b.name) for a, b, _lvl, _l in both.ties] == [("Alpha", "Bravo")]


def test_page_draws_the_wave_with_its_rule(client, member, table, wave):
    client.force_login(member)
    url = reverse("relations:relation-network", args=[table.slug])
    page = client.get(url, {"wave": wave.pk}).content.decode()
    data = _data(page)
    assert len(data["nodes"]) == 4 and len(data["edges"]) == 3
    assert {e["data"]["line"] for e in data["edges"]} == {"dotted", "dashed", "solid"}
    sentence = "A tie counts from level 2 when at least one of the two organizations reports it."
    assert page.count(sentence) >= 3  # top, measures, ties table
    assert "3 of 4 organizations answered (75 %)." in page
    assert "Ties shown in the drawing" in page
    both = client.get(url, {"wave": wave.pk, "rule": "both", "level": "3"}).content.decode()
    assert len(_data(both)["edges"]) == 1
    assert "A tie counts from level 3 when both organizations report it." in both


def test_default_source_is_unchanged_and_offers_the_waves(client, member, table, wave):
    client.force_login(member)
    page = client.get(reverse("relations:relation-network", args=[table.slug])).content.decode()
    assert "Relations shown in the drawing" in page
    assert "Survey wave « Carte 2026 »" in page
    assert _data(page)["edges"] == []


def test_an_open_or_unknown_wave_is_not_found(client, member, table, coordinator, wave):
    open_wave = make_wave(table=table, actor=coordinator, title="Ouverte")
    client.force_login(member)
    url = reverse("relations:relation-network", args=[table.slug])
    assert client.get(url, {"wave": open_wave.pk}).status_code == 404
    assert client.get(url, {"wave": "nope"}).status_code == 404


def test_another_tables_wave_is_not_found(client, other_table, other_coordinator, wave):
    client.force_login(other_coordinator)
    url = reverse("relations:relation-network", args=[other_table.slug])
    assert client.get(url, {"wave": wave.pk}).status_code == 404
