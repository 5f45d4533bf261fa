"""The API returns waves and aggregated results only; coordinators create waves."""

import json

import pytest

from tablee.relationsurvey.models import Wave
from tablee.relationsurvey.tests.factories import answer, make_wave, seated_orgs

pytestmark = pytest.mark.django_db


def _url(table, suffix=""):
    return f"/api/v1/tables/{table.slug}/relation-surveys/{suffix}"


@pytest.fixture
def wave(table, coordinator):
    a, b, c = seated_orgs(table, 3)
    wave = make_wave(table=table, actor=coordinator)
    answer(wave, a, {b: 3, c: 1}, trust={b: 4})
    answer(wave, b, {a: 1, c: 0})
    return wave


def test_list_of_waves(client, bearer, member, table, wave):
    response = client.get(_url(table), headers=bearer(member))
    assert response.status_code == 200
    (row,) = response.json()
    assert row["id"] == wave.pk and row["organizations"] == 3 and row["answered"] == 2
    assert row["state"] == "open" and row["tie_rule"] == "either"


def test_results_are_aggregates_under_the_rule_asked(client, bearer, observer, table, wave):
    response = client.get(_url(table, f"{wave.pk}/results"), headers=bearer(observer))
    data = response.json()
    assert response.status_code == 200
    assert data["rule"] == "either" and data["level"] == 2
    assert data["organizations"] == 3 and data["answered"] == 2
    assert data["response_rate_percent"] == 67
    assert data["ties"] == 1 and data["density"] == pytest.approx(1 / 3)
    assert data["rule_sentence"].startswith("A tie counts from level 2")
    # One rater only: below the threshold, no trust mean for anyone.
    assert data["trust"]["received"] == [] and data["trust"]["hidden"] == 1
    assert data["trust"]["network_mean"] is None
    both = client.get(
        _url(table, f"{wave.pk}/results"), {"rule": "both", "level": 1}, headers=bearer(observer)
    ).json()
    assert both["rule"] == "both" and both["level"] == 1 and both["ties"] == 1
    # Nothing in the answer names who rated whom.
    assert '"source"' not in json.dumps(data) and "gaps" not in data


def test_coordinator_creates_a_wave(client, bearer, coordinator, table):
    seated_orgs(table, 2)
    payload = {
        "title": "Carte 2027",
        "opens_at": "2027-01-10T09:00:00-05:00",
        "closes_at": "2027-02-10T09:00:00-05:00",
        "tie_rule": "both",
        "tie_level": 3,
    }
    response = client.post(
        _url(table),
        json.dumps(payload),
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 201, response.content
    assert response.json()["organizations"] == 2
    wave = Wave.objects.get()
    assert (wave.tie_rule, wave.tie_level) == ("both", 3)


def test_invalid_wave_is_a_409_with_fields(client, bearer, coordinator, table):
    seated_orgs(table, 2)
    payload = {
        "title": "Carte",
        "opens_at": "2027-02-10T09:00:00-05:00",
        "closes_at": "2027-01-10T09:00:00-05:00",
        "anonymity_threshold": 2,
    }
    response = client.post(
        _url(table),
        json.dumps(payload),
        content_type="application/json",
        headers=bearer(coordinator),
    )
    assert response.status_code == 409
    assert set(response.json()["extra"]["fields"]) == {"closes_at", "anonymity_threshold"}
    assert not Wave.objects.exists()


def test_members_cannot_create(client, bearer, member, table):
    seated_orgs(table, 2)
    payload = {
        "title": "Carte",
        "opens_at": "2027-01-10T09:00:00-05:00",
        "closes_at": "2027-02-10T09:00:00-05:00",
    }
    response = client.post(
        _url(table), json.dumps(payload), content_type="application/json", headers=bearer(member)
    )
    assert response.status_code == 403
    assert not Wave.objects.exists()


@pytest.mark.parametrize("waves", [1, 8])
def test_api_list_query_count_does_not_grow(
    client, bearer, member, table, coordinator, waves, django_assert_max_num_queries
):
    seated_orgs(table, 2)
    for n in range(waves):
        make_wave(table=table, actor=coordinator, title=f"Vague {n}")
    headers = bearer(member)
    # token (+ last-used touch), roles, table, waves with counts
    with django_assert_max_num_queries(6):
        response = client.get(_url(table), headers=headers)
    assert len(response.json()) == waves
