"""A coordinator of another table gets 404 on this table's campaigns."""

import pytest
from django.urls import reverse

from tablee.accounts.services import api_token_create
from tablee.evaluation.tests.factories import CampaignFactory, add_responses

pytestmark = pytest.mark.django_db


def test_other_table_gets_404(client, table, other_table, other_coordinator):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 6)
    client.force_login(other_coordinator)
    for name in ("campaign-detail", "campaign-results", "campaign-discussion", "campaign-edit"):
        url = reverse(f"evaluation:{name}", args=[table.slug, campaign.pk])
        assert client.get(url).status_code == 404
    # The campaign id under the other table's own address is not found either.
    url = reverse("evaluation:campaign-results", args=[other_table.slug, campaign.pk])
    assert client.get(url).status_code == 404
    _t, raw = api_token_create(user=other_coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    api = f"/api/v1/tables/{other_table.slug}/evaluations/{campaign.pk}/results"
    assert client.get(api, headers=headers).status_code == 404
