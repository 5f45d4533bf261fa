"""No page, API operation or log, for any role, returns one person's answers."""

import pytest
from django.urls import reverse

from tablee.accounts.services import api_token_create
from tablee.evaluation import links, services
from tablee.evaluation.models import ExternalInvitation, Response
from tablee.evaluation.tests.factories import CampaignFactory, add_responses, answers

pytestmark = pytest.mark.django_db

ROLES = ["observer", "member", "coordinator", "platform_admin"]


@pytest.fixture
def campaign(table, member, coordinator):
    campaign = CampaignFactory(table=table, people=[member, coordinator])
    add_responses(campaign, 5, value=4, attributes={"role": "member"})
    # One respondent with a pattern nobody else has.
    services.campaign_answer(campaign=campaign, actor=member, answers=answers(1, **{"D1.1": 2}))
    return campaign


def _pages(table, campaign):
    invitation = ExternalInvitation.objects.create(
        table=table, campaign=campaign, email="ville@example.org"
    )
    c = [table.slug, campaign.pk]
    return [
        reverse("evaluation:campaign-list", args=[table.slug]),
        reverse("evaluation:campaign-detail", args=c),
        reverse("evaluation:campaign-results", args=c),
        reverse("evaluation:campaign-results", args=c) + "?by=role",
        reverse("evaluation:campaign-discussion", args=c),
        reverse("evaluation:campaign-answer", args=c),
        reverse("evaluation:campaign-edit", args=c),
        links.answer_path(invitation=invitation),
        f"/t/{table.slug}/audit/",
        "/platform/audit/",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_no_role_reaches_an_individual_response(client, request, table, campaign, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    ids = [str(pk) for pk in Response.objects.values_list("pk", flat=True)]
    for url in _pages(table, campaign):
        body = client.get(url).content.decode()
        assert not any(pk in body for pk in ids), url
    _t, raw = api_token_create(user=user, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    for url in (
        f"/api/v1/tables/{table.slug}/evaluations",
        f"/api/v1/tables/{table.slug}/evaluations/{campaign.pk}/results",
    ):
        body = client.get(url, headers=headers).content.decode()
        assert not any(pk in body for pk in ids)
        assert '"answers"' not in body and '"attributes": {' not in body
    client.logout()


def test_the_single_low_respondent_is_never_isolated(client, table, campaign, coordinator):
    """The role group holding one respondent stays hidden (n=1 < 5)."""
    client.force_login(coordinator)
    url = reverse("evaluation:campaign-results", args=[table.slug, campaign.pk])
    body = client.get(url, {"by": "role"}).content.decode()
    assert "(n = 1)" not in body
    assert "This breakdown is not shown" in body
