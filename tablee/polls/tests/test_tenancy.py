"""A coordinator of another table reaches none of this table's polls."""

import pytest
from django.urls import reverse

from tablee.polls.models import Ballot
from tablee.polls.tests.factories import PollFactory, option_ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["poll-detail", "poll-vote", "poll-open", "poll-close"])
def test_pages_answer_404(client, other_coordinator, table, coordinator, name):
    poll = PollFactory(table=table, created_by=coordinator)
    client.force_login(other_coordinator)
    assert client.get(reverse(f"polls:{name}", args=[table.slug, poll.pk])).status_code == 404


def test_a_poll_is_not_reachable_through_another_table(
    client, bearer, other_coordinator, other_table, table
):
    poll = PollFactory(table=table)
    client.force_login(other_coordinator)
    url = reverse("polls:poll-vote", args=[other_table.slug, poll.pk])
    assert client.post(url, {"choice": option_ids(poll)[0]}).status_code == 404
    headers = bearer(other_coordinator)
    api = f"/api/v1/tables/{other_table.slug}/polls/{poll.pk}"
    assert client.get(api, headers=headers).status_code == 404
    response = client.post(
        api + "/ballot",
        {"choices": [option_ids(poll)[0]]},
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == 404
    assert not Ballot.objects.exists()


def test_api_list_answers_404(client, bearer, other_coordinator, table):
    response = client.get(f"/api/v1/tables/{table.slug}/polls", headers=bearer(other_coordinator))
    assert response.status_code == 404
