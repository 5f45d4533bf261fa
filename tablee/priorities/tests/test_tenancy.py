"""A coordinator of another table never reaches this table's vision or rounds."""

import pytest
from django.urls import reverse

from tablee.priorities.models import Rating, VisionComment, VisionVersion
from tablee.priorities.tests.factories import (
    CandidateFactory,
    PriorityRoundFactory,
    ProcessFactory,
    VisionVersionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(process):
    VisionVersionFactory(process=process, number=1, adopted=True)
    VisionVersionFactory(process=process, number=2)
    round = PriorityRoundFactory(process=process)
    candidate = CandidateFactory(round=round)
    closed = PriorityRoundFactory(process=process, closed=True)
    return {"round": round, "candidate": candidate, "closed": closed}


def test_pages_answer_404(client, table, other_coordinator, world, process):
    client.force_login(other_coordinator)
    p = [table.slug, process.slug]
    r = [*p, world["round"].pk]
    for url in [
        reverse("priorities:vision", args=p),
        reverse("priorities:vision-draft", args=p),
        reverse("priorities:vision-version", args=[*p, 1]),
        reverse("priorities:vision-compare", args=p) + "?from=1&to=2",
        reverse("priorities:vision-adopt", args=p),
        reverse("priorities:round-list", args=p),
        reverse("priorities:round-detail", args=r),
        reverse("priorities:round-rate", args=r),
        reverse("priorities:round-results", args=[*p, world["closed"].pk]),
        reverse("priorities:candidate-edit", args=[*r, world["candidate"].pk]),
    ]:
        assert client.get(url).status_code == 404, url
    comment_url = reverse("priorities:vision-comment", args=p)
    assert client.post(comment_url, {"body": "x"}).status_code == 404
    key = f"r-{world['candidate'].pk}-{world['round'].criteria.first().pk}"
    assert client.post(reverse("priorities:round-rate", args=r), {key: "5"}).status_code == 404
    assert not VisionComment.objects.exists() and not Rating.objects.exists()


def test_own_table_url_does_not_reach_other_tables_objects(
    client, other_table, other_coordinator, world, process
):
    """The other table's URL with this table's ids answers 404 too."""
    ProcessFactory(table=other_table, slug=process.slug)
    client.force_login(other_coordinator)
    p = [other_table.slug, process.slug]
    assert client.get(reverse("priorities:vision-version", args=[*p, 1])).status_code == 404
    detail = reverse("priorities:round-detail", args=[*p, world["round"].pk])
    assert client.get(detail).status_code == 404
    response = client.get(reverse("priorities:vision", args=p))
    assert response.status_code == 200 and response.context["adopted"] is None
    assert VisionVersion.objects.filter(table=other_table).count() == 0


def test_api_answers_404(client, bearer, table, other_coordinator, world, process):
    headers = bearer(other_coordinator)
    for url in [
        f"/api/v1/tables/{table.slug}/processes/{process.slug}/vision",
        f"/api/v1/tables/{table.slug}/processes/{process.slug}/priorities",
    ]:
        response = client.get(url, headers=headers)
        assert response.status_code == 404, url
