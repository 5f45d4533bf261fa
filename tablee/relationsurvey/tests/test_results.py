"""Results pages: aggregates under a stated tie rule, trust and value protected."""

import pytest
from django.urls import reverse

from tablee.organizations.models import Sector
from tablee.relationsurvey import selectors
from tablee.relationsurvey.tests.factories import answer, close, make_wave, seated_orgs

pytestmark = pytest.mark.django_db


@pytest.fixture
def star(table, coordinator):
    """Hub H linked to five leaves; H and the leaves answer; a sixth leaf is silent.

    Every leaf rates H at level 3 with trust 4 and value 3; H rates the
    leaves at level 2; leaf L1 rates H at 1 while H rates L1 at 4 (a gap).
    """
    health = Sector.objects.get(code="sante-services-sociaux")
    community = Sector.objects.get(code="communautaire")
    hub = seated_orgs(table, 1, sector=health, names=["Hub Santé"])[0]
    leaves = seated_orgs(table, 6, sector=community, names=[f"L{i}" for i in range(1, 7)])
    wave = make_wave(table=table, actor=coordinator)
    answer(wave, hub, {leaf: (4 if leaf == leaves[0] else 2) for leaf in leaves})
    for leaf in leaves[:5]:
        level = 1 if leaf == leaves[0] else 3
        others = {o: 0 for o in leaves if o != leaf}
        answer(
            wave,
            leaf,
            {hub: level, **others},
            trust={hub: 4} if level else None,
            value={hub: 3} if level else None,
        )
    return wave, hub, leaves


def test_results_of_a_star(star):
    wave, hub, leaves = star
    results = selectors.wave_results(wave=wave)
    m = results.m
    assert (m.n, m.answered) == (7, 6)
    assert m.tie_count == 6  # either side reports at level 2 or more
    assert m.centralization == pytest.approx(1.0)
    assert m.density == pytest.approx(6 / 21)
    assert results.most_connected[0] == (hub, 6)
    assert results.articulation_points == [hub]
    # Reports at k=2 between respondents: H→L1..L5 (5) and L2..L5→H (4); returned: 8.
    assert (m.reports, m.reciprocated) == (9, 8)
    # Hub and every leaf in different sectors: all ties cross sectors.
    assert m.ei_index == 1
    assert [(r[0], r[1], r[2], r[3]) for r in results.gaps] == [(hub, leaves[0], 1, 4)]
    both = selectors.wave_results(wave=wave, rule="both", level=2)
    assert both.m.tie_count == 4  # L2..L5 confirm; L1 says 1, L6 did not answer
    assert [o.name for o in both.isolates] == ["L1", "L6"]


def test_trust_of_the_hub_is_shown_at_the_threshold(star):
    """Five leaves rated the hub: n = threshold (5) is shown, 4 is not."""
    wave, hub, _leaves = star
    results = selectors.wave_results(wave=wave)
    assert results.trust == [(hub, 5, 4.0)]
    wave.anonymity_threshold = 6
    wave.save()
    hidden = selectors.wave_results(wave=wave)
    assert hidden.trust == [] and hidden.trust_hidden == 1
    assert hidden.m.trust_mean is None


def test_page_states_the_rule_and_response_rate_beside_every_block(client, star, member, table):
    wave, _hub, _leaves = star
    client.force_login(member)
    page = client.get(reverse("relationsurvey:wave-results", args=[table.slug, wave.pk]))
    text = page.content.decode()
    sentence = "A tie counts from level 2 when at least one of the two organizations reports it."
    rate = "6 of 7 organizations answered (86 %)."
    blocks = text.count('<section class="panel"')
    assert blocks == 6  # shape, levels, central, fragile, sectors, trust (no gaps for members)
    assert text.count(sentence) == blocks and text.count(rate) == blocks
    assert "Pairs seen differently" not in text
    assert 'class="chart-figure"' in text and "<th scope" in text


def test_coordinators_see_gaps_without_who_said_what(client, star, coordinator, table):
    wave, hub, leaves = star
    client.force_login(coordinator)
    page = client.get(reverse("relationsurvey:wave-results", args=[table.slug, wave.pk]))
    text = page.content.decode()
    assert "Pairs seen differently" in text
    assert f"{hub.name} — {leaves[0].name}" in text
    assert "1 and 4" in text


def test_page_reads_another_rule_from_the_query(client, star, member, table):
    wave, *_ = star
    client.force_login(member)
    url = reverse("relationsurvey:wave-results", args=[table.slug, wave.pk])
    page = client.get(url, {"rule": "both", "level": "3"})
    assert page.context["results"].rule == "both" and page.context["results"].level == 3
    assert "A tie counts from level 3 when both organizations report it." in page.content.decode()
    # Nonsense falls back to the wave's own reading.
    page = client.get(url, {"rule": "maybe", "level": "9"})
    assert (page.context["results"].rule, page.context["results"].level) == ("either", 2)


def test_trust_below_the_threshold_is_never_in_the_page(client, table, coordinator):
    """Organization T rated by threshold − 1 = 4 organizations: no mean, anywhere."""
    target, *raters = seated_orgs(table, 5, names=["Cible", "R1", "R2", "R3", "R4"])
    wave = make_wave(table=table, actor=coordinator)
    for rater in raters:
        answer(wave, rater, {target: 3}, trust={target: 1}, value={target: 1})
    client.force_login(coordinator)
    text = client.get(
        reverse("relationsurvey:wave-results", args=[table.slug, wave.pk])
    ).content.decode()
    assert "1 organization rated by too few others is not shown." in text
    assert "Trust received" in text
    assert "Not shown: too few organizations gave a rating." in text
    assert selectors.wave_results(wave=wave).trust == []


def test_compare_with_the_previous_wave(client, table, coordinator, member):
    a, b, c = seated_orgs(table, 3, names=["A", "B", "C"])
    first = make_wave(table=table, actor=coordinator, title="Vague 1")
    answer(first, a, {b: 2, c: 0})
    answer(first, b, {a: 2, c: 1})
    close(first, days_ago=300)
    (d,) = seated_orgs(table, 1, names=["D"])
    second = make_wave(table=table, actor=coordinator, title="Vague 2")
    answer(second, a, {b: 4, c: 2, d: 2})
    answer(second, c, {a: 2, b: 0, d: 0})
    comparison = selectors.wave_comparison(wave=second)
    assert comparison.previous.wave == first
    assert [o.name for o in comparison.joined] == ["D"] and comparison.left == []
    rows = {row.label: row for row in comparison.rows}
    assert (rows["Ties"].before, rows["Ties"].after) == ("1", "3")
    # On A, B, C only: then one tie (A–B), now two (A–B, A–C).
    assert (rows["Ties"].stable_before, rows["Ties"].stable_after) == ("1", "2")
    assert rows["Organizations taking part"].stable_after == "3"
    client.force_login(member)
    page = client.get(reverse("relationsurvey:wave-compare", args=[table.slug, second.pk]))
    text = page.content.decode()
    assert "Joined since the previous wave" in text and "Vague 1" in text
    first_page = client.get(reverse("relationsurvey:wave-compare", args=[table.slug, first.pk]))
    assert "There is no earlier wave to compare with." in first_page.content.decode()


@pytest.mark.parametrize("waves", [1, 12])
def test_list_page_query_count_does_not_grow(
    client, table, coordinator, member, waves, django_assert_max_num_queries
):
    orgs = seated_orgs(table, 3)
    for n in range(waves):
        wave = make_wave(table=table, actor=coordinator, title=f"Vague {n}")
        answer(wave, orgs[0], {orgs[1]: 2, orgs[2]: 3})
    client.force_login(member)
    # session, user, table, roles, seat holdings of the person, count, page of waves
    with django_assert_max_num_queries(7):
        response = client.get(reverse("relationsurvey:wave-list", args=[table.slug]))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == waves


@pytest.mark.parametrize("size", [3, 12])
def test_results_page_query_count_does_not_grow(
    client, table, coordinator, size, django_assert_max_num_queries
):
    orgs = seated_orgs(table, size)
    wave = make_wave(table=table, actor=coordinator)
    for org in orgs:
        answer(wave, org, {o: 3 for o in orgs if o != org}, trust={o: 3 for o in orgs if o != org})
    client.force_login(coordinator)
    # session, user, table, roles, wave, participants, who answered, ratings
    with django_assert_max_num_queries(8):
        response = client.get(reverse("relationsurvey:wave-results", args=[table.slug, wave.pk]))
    assert response.status_code == 200
