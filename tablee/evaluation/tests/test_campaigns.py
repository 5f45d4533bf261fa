"""Campaigns, answering, anonymity, reminders, results pages and API."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tablee.accounts.services import api_token_create
from tablee.actions.models import PendingNotification
from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry
from tablee.decisions.tests.factories import DecisionFactory
from tablee.evaluation import instruments, links, selectors, services
from tablee.evaluation.models import Campaign, ExternalInvitation, Participation, Response
from tablee.evaluation.tests.factories import CampaignFactory, add_responses, answers
from tablee.members.tests.factories import SeatHoldingFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _input(**kw):
    now = timezone.now()
    data = {
        "title": "Diagnostic 2026",
        "opens_at": now,
        "closes_at": now + timedelta(days=10),
        "mode": "compiled",
    }
    data.update(kw)
    return services.CampaignInput(**data)


def test_create_campaign_writes_one_audit_entry(table, coordinator):
    campaign = services.campaign_create(table=table, actor=coordinator, data=_input())
    assert campaign.anonymity_threshold == 5
    assert AuditEntry.objects.filter(event="EVALUATION_CAMPAIGN_CREATED").count() == 1


def test_close_before_open_is_refused(table, coordinator):
    now = timezone.now()
    with pytest.raises(InvalidInput):
        services.campaign_create(
            table=table, actor=coordinator, data=_input(opens_at=now, closes_at=now)
        )
    assert not Campaign.objects.exists()


def test_sharing_results_needs_a_decision(table, coordinator):
    decision = DecisionFactory(table=table)
    campaign = services.campaign_create(
        table=table, actor=coordinator, data=_input(sharing_decision=decision)
    )
    assert campaign.results_shared and campaign.sharing_decision == decision
    plain = services.campaign_create(table=table, actor=coordinator, data=_input())
    assert not plain.results_shared


def test_stale_edit_is_refused(table, coordinator):
    from tablee.core.errors import Conflict

    campaign = services.campaign_create(table=table, actor=coordinator, data=_input())
    services.campaign_update(
        campaign=campaign, actor=coordinator, data=_input(title="A"), revision=1
    )
    with pytest.raises(Conflict):
        services.campaign_update(
            campaign=campaign, actor=coordinator, data=_input(title="B"), revision=1
        )


def test_answer_is_stored_without_the_person_and_only_once(table, member):
    seat = SeatHoldingFactory(table=table, seat__table=table, person=member)
    campaign = CampaignFactory(table=table, people=[member])
    services.campaign_answer(campaign=campaign, actor=member, answers=answers(4))
    response = Response.objects.get()
    assert response.attributes == {
        "sector": seat.seat.organization.sector.code if seat.seat.organization.sector else "",
        "actor_type": "tactical",
        "role": "member",
    }
    field_names = {f.name for f in Response._meta.get_fields()}
    assert not field_names & {"person", "user", "participation", "created_at", "external"}
    assert Participation.objects.get().person == member
    with pytest.raises(services.AlreadyAnswered):
        services.campaign_answer(campaign=campaign, actor=member, answers=answers(2))
    assert Response.objects.count() == 1


def test_answer_page_records_and_refuses_the_uninvited(client, table, member, observer):
    campaign = CampaignFactory(table=table, people=[member])
    url = reverse("evaluation:campaign-answer", args=[table.slug, campaign.pk])
    client.force_login(observer)
    assert client.get(url).status_code == 403
    client.force_login(member)
    page = client.get(url)
    assert page.status_code == 200
    assert "<fieldset" in page.content.decode() and "Don&#x27;t know" in page.content.decode()
    data = dict.fromkeys(instruments.ITEMS, "5")
    data["D1.1"] = "dk"
    response = client.post(url, data)
    assert response.status_code == 200
    stored = Response.objects.get()
    assert stored.answers["D1.1"] is None and stored.answers["D2.1"] == 5
    assert "already answered" in client.get(url).content.decode()


def test_external_partner_answers_through_signed_link(
    client, table, coordinator, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(table=table)
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_invite_external(
            campaign=campaign, actor=coordinator, email="Ville@Example.org"
        )
    invitation = ExternalInvitation.objects.get()
    assert invitation.email == "ville@example.org"
    assert len(mail.outbox) == 1 and "/evaluations/link/" in mail.outbox[0].body
    url = links.answer_path(invitation=invitation)
    assert client.post(url, answers(3)).status_code == 200
    assert Response.objects.get().attributes == {"actor_type": "external", "role": "external"}
    assert "already answered" in client.get(url).content.decode()
    assert client.get(url[:-5] + "xxxx/").status_code == 404


def test_expired_link_is_refused():
    token = links.make_token(invitation_id=1)
    with pytest.raises(links.LinkError) as info:
        links.read_token(token, max_age=timedelta(seconds=-1))
    assert info.value.expired


def test_reminders_go_to_those_who_have_not_answered(table, member, coordinator):
    other = MembershipFactory(table=table, role=Role.MEMBER).user
    campaign = CampaignFactory(table=table, people=[member, other])
    services.campaign_answer(campaign=campaign, actor=member, answers=answers(4))
    ExternalInvitation.objects.create(table=table, campaign=campaign, email="ville@example.org")
    mail.outbox.clear()
    call_command("send_evaluation_reminders")
    assert [address for m in mail.outbox for address in m.to] == ["ville@example.org"]
    reminded = PendingNotification.objects.filter(subject__contains=campaign.title)
    assert [n.user for n in reminded] == [other]
    mail.outbox.clear()
    call_command("send_evaluation_reminders")  # once a day
    assert mail.outbox == [] and reminded.count() == 1


def test_no_answer_link_for_a_campaign_answered_together(table, coordinator):
    campaign = CampaignFactory(table=table, mode="together")
    with pytest.raises(InvalidInput):
        services.campaign_invite_external(
            campaign=campaign, actor=coordinator, email="ville@example.org"
        )
    assert not ExternalInvitation.objects.exists()


def test_no_reminder_for_a_campaign_answered_together_in_a_meeting(table, member):
    campaign = CampaignFactory(table=table, people=[member], mode="together")
    ExternalInvitation.objects.create(table=table, campaign=campaign, email="ville@example.org")
    mail.outbox.clear()
    call_command("send_evaluation_reminders")
    assert mail.outbox == []
    assert not PendingNotification.objects.filter(subject__contains=campaign.title).exists()


def test_no_result_below_threshold(client, table, member):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 4)
    results = selectors.campaign_results(campaign=campaign)
    assert not results.visible and results.dimensions == []
    client.force_login(member)
    page = client.get(reverse("evaluation:campaign-results", args=[table.slug, campaign.pk]))
    assert "No result is shown below 5 respondents" in page.content.decode()
    add_responses(campaign, 1)
    assert selectors.campaign_results(campaign=campaign).visible


def test_results_page_with_breakdown(client, table, member):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 5, value=4, attributes={"role": "member"})
    add_responses(campaign, 5, value=2, attributes={"role": "coordinator"})
    add_responses(campaign, 4, value=5, attributes={"role": "observer"})
    client.force_login(member)
    url = reverse("evaluation:campaign-results", args=[table.slug, campaign.pk])
    page = client.get(url, {"by": "role"}).content.decode()
    assert "Response rate" in page
    assert "<svg" in page
    # Observers (4) are too few alone: pooled with the smallest shown group.
    assert "Other groups together (n = 9)" in page
    assert "Member (n = 5)" in page
    assert "Observer (n = 4)" not in page


def test_discussion_sheet_saves_decisions(client, table, coordinator, member):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 6, value=4)
    add_responses(campaign, 2, value=1, **{"D4.2": 1})
    url = reverse("evaluation:campaign-discussion", args=[table.slug, campaign.pk])
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert "Among the lowest" in page
    rows = selectors.campaign_results(campaign=campaign).lowest
    response = client.post(url, {rows[0].code: "Un atelier en mars."})
    assert response.status_code == 302
    assert (
        selectors.discussion_notes(campaign=campaign)[rows[0].code].text == "Un atelier en mars."
    )
    assert AuditEntry.objects.filter(event="EVALUATION_DISCUSSION_SAVED").count() == 1
    client.force_login(member)
    assert client.post(url, {rows[0].code: "x"}).status_code == 403
    assert "Un atelier en mars." in client.get(url).content.decode()


def test_api_results_are_aggregates(client, table, member, coordinator):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 6, value=4)
    _t, raw = api_token_create(user=member, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    data = client.get(
        f"/api/v1/tables/{table.slug}/evaluations/{campaign.pk}/results", headers=headers
    ).json()
    assert data["respondents"] == 6 and data["visible"]
    assert data["dimensions"][0]["mean"] == 4
    listing = client.get(f"/api/v1/tables/{table.slug}/evaluations", headers=headers).json()
    assert listing[0]["id"] == campaign.pk
    body = {
        "title": "Diagnostic",
        "opens_at": timezone.now().isoformat(),
        "closes_at": (timezone.now() - timedelta(days=1)).isoformat(),
    }
    url = f"/api/v1/tables/{table.slug}/evaluations"
    assert (
        client.post(
            url, json.dumps(body), content_type="application/json", headers=headers
        ).status_code
        == 403
    )
    _t, raw = api_token_create(user=coordinator, name="t")
    headers = {"Authorization": f"Bearer {raw}"}
    refused = client.post(url, json.dumps(body), content_type="application/json", headers=headers)
    assert refused.status_code == 409
    body["closes_at"] = (timezone.now() + timedelta(days=3)).isoformat()
    created = client.post(url, json.dumps(body), content_type="application/json", headers=headers)
    assert created.status_code == 201


@pytest.mark.parametrize("count", [2, 20])
def test_list_queries_do_not_grow(client, table, member, count, django_assert_max_num_queries):
    for _ in range(count):
        add_responses(CampaignFactory(table=table), 3)
    client.force_login(member)
    with django_assert_max_num_queries(12):
        assert (
            client.get(reverse("evaluation:campaign-list", args=[table.slug])).status_code == 200
        )


@pytest.mark.parametrize("count", [6, 60])
def test_results_queries_do_not_grow(client, table, member, count, django_assert_max_num_queries):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, count, attributes={"role": "member"})
    client.force_login(member)
    url = reverse("evaluation:campaign-results", args=[table.slug, campaign.pk])
    with django_assert_max_num_queries(15):
        assert client.get(url, {"by": "role"}).status_code == 200


def _delete_url(campaign):
    return reverse(
        "evaluation:campaign-delete",
        kwargs={"table_slug": campaign.table.slug, "campaign_id": campaign.pk},
    )


def test_a_campaign_nobody_answered_can_be_deleted_after_confirming(client, table, coordinator):
    campaign = CampaignFactory(table=table)
    ExternalInvitation.objects.create(table=table, campaign=campaign, email="v@example.org")
    client.force_login(coordinator)
    page = client.get(_delete_url(campaign))
    assert page.status_code == 200 and b"button--danger" in page.content
    response = client.post(_delete_url(campaign))
    assert response.status_code == 302
    assert not Campaign.objects.exists() and not ExternalInvitation.objects.exists()
    assert AuditEntry.objects.filter(event="EVALUATION_CAMPAIGN_DELETED").count() == 1


def test_a_campaign_with_answers_cannot_be_deleted(client, table, coordinator):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 1)
    client.force_login(coordinator)
    assert b"button--danger" not in client.get(_delete_url(campaign)).content
    response = client.post(_delete_url(campaign))
    assert response.status_code == 409
    assert Campaign.objects.filter(pk=campaign.pk).exists()
    assert Response.objects.filter(campaign=campaign).count() == 1
