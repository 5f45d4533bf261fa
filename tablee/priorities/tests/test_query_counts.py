"""Pages cost the same number of queries whatever the amount of data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.priorities.models import Rating
from tablee.priorities.tests.factories import (
    CandidateFactory,
    PriorityRoundFactory,
    RatingFactory,
    VisionVersionFactory,
)
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _round_with_ratings(process, table, candidates, raters, **kwargs):
    round = PriorityRoundFactory(process=process, **kwargs)
    people = [MembershipFactory(table=table, role=Role.MEMBER).user for _ in range(raters)]
    criteria = list(round.criteria.all())
    rows = []
    for index in range(candidates):
        candidate = CandidateFactory(round=round)
        for person in people:
            for criterion in criteria:
                rows.append(
                    Rating(
                        table=table,
                        round=round,
                        candidate=candidate,
                        criterion=criterion,
                        rater=person,
                        score=1 + (index + person.pk) % 5,
                    )
                )
    Rating.objects.bulk_create(rows)
    return round


@pytest.mark.parametrize("count", [2, 25])
def test_round_list_queries_do_not_grow(
    client, process, table, member, count, django_assert_max_num_queries
):
    for index in range(count):
        round = PriorityRoundFactory(
            process=process, opens_at=timezone.now() - timedelta(days=index + 2)
        )
        RatingFactory(candidate=CandidateFactory(round=round))
    client.force_login(member)
    # session, user, table, roles, process, count, page (annotated counts)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("priorities:round-list", args=[table.slug, "plan"]))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [(2, 2), (12, 15)])
def test_results_page_queries_do_not_grow(
    client, process, table, member, size, django_assert_max_num_queries
):
    round = _round_with_ratings(process, table, *size, closed=True)
    client.force_login(member)
    url = reverse("priorities:round-results", args=[table.slug, "plan", round.pk])
    # session, user, table, roles, process, round, criteria, candidates,
    # objectives, actions, cell aggregates, distinct raters
    with django_assert_max_num_queries(13):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["results"].candidates) == size[0]


@pytest.mark.parametrize("size", [(2, 2), (12, 15)])
def test_round_detail_and_rate_pages_queries_do_not_grow(
    client, process, table, coordinator, size, django_assert_max_num_queries
):
    round = _round_with_ratings(process, table, *size)
    client.force_login(coordinator)
    args = [table.slug, "plan", round.pk]
    # session, user, table, roles, process, round, criteria, candidates (and
    # their plan links), progress (3), my ratings
    with django_assert_max_num_queries(14):
        assert client.get(reverse("priorities:round-detail", args=args)).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(reverse("priorities:round-rate", args=args)).status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_vision_page_queries_do_not_grow(
    client, process, table, member, count, django_assert_max_num_queries
):
    for number in range(1, count + 1):
        VisionVersionFactory(process=process, number=number, adopted=True)
    VisionVersionFactory(process=process, number=count + 1)
    client.force_login(member)
    # session, user, table, roles, process, count, page, adopted, draft
    with django_assert_max_num_queries(10):
        response = client.get(reverse("priorities:vision", args=[table.slug, "plan"]))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 6])
def test_rounds_api_queries_do_not_grow(
    client, bearer, process, table, member, count, django_assert_max_num_queries
):
    for _ in range(count):
        _round_with_ratings(process, table, 4, 3, closed=True)
    headers = bearer(member)
    # token, user, roles, table, process, rounds, criteria, candidates,
    # poll options, cell aggregates, raters
    with django_assert_max_num_queries(12):
        response = client.get(
            f"/api/v1/tables/{table.slug}/processes/plan/priorities", headers=headers
        )
    assert response.status_code == 200
    assert len(response.json()) == count
