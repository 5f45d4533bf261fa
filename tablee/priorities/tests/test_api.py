"""The read API: the vision's versions and rounds with aggregated results only."""

import pytest

from tablee.priorities.tests.factories import (
    CandidateFactory,
    PriorityRoundFactory,
    RatingFactory,
    VisionVersionFactory,
)
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_vision_api(client, bearer, process, observer):
    VisionVersionFactory(process=process, number=1, adopted=True, statement="Texte 1")
    VisionVersionFactory(process=process, number=2, statement="Texte 2")
    response = client.get(
        f"/api/v1/tables/{process.table.slug}/processes/plan/vision", headers=bearer(observer)
    )
    assert response.status_code == 200
    data = response.json()
    assert data["in_force"]["number"] == 1 and data["in_force"]["decision_number"] is not None
    assert data["being_written"]["statement"] == "Texte 2"
    assert [v["number"] for v in data["versions"]] == [2, 1]


def test_rounds_api_gives_aggregates_after_closing_only(client, bearer, process, table, member):
    closed = PriorityRoundFactory(process=process, closed=True, title="Fermé")
    open_round = PriorityRoundFactory(process=process, title="Ouvert")
    people = [MembershipFactory(table=table, role=Role.MEMBER).user for _ in range(3)]
    for round in (closed, open_round):
        candidate = CandidateFactory(round=round, title="Frigo")
        criterion = round.criteria.first()
        for person, score in zip(people, [1, 3, 5], strict=True):
            RatingFactory(candidate=candidate, criterion=criterion, rater=person, score=score)
    response = client.get(
        f"/api/v1/tables/{table.slug}/processes/plan/priorities", headers=bearer(member)
    )
    assert response.status_code == 200
    rounds = {r["title"]: r for r in response.json()}
    assert rounds["Ouvert"]["results"] is None and rounds["Ouvert"]["state"] == "open"
    result = rounds["Fermé"]["results"][0]
    assert result["rank"] == 1 and result["overall_mean"] == 3.0
    cell = result["criteria"][0]
    assert (cell["mean"], cell["sd"], cell["min"], cell["max"], cell["raters"]) == (
        3.0,
        1.63,
        1,
        5,
        3,
    )
    assert cell["disagreement"] is True and result["disagreement"] is True
    assert rounds["Fermé"]["raters"] == 3
    body = response.content.decode()
    for person in people:
        assert person.email not in body and person.full_name not in body
