"""Per-campaign divergence thresholds, the group answer and year-over-year comparison."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tablee.core.errors import Conflict, DomainError, InvalidInput
from tablee.core.models import AuditEntry
from tablee.evaluation import instruments, selectors, services
from tablee.evaluation.models import Campaign, Response
from tablee.evaluation.tests.factories import CampaignFactory, add_responses, answers

pytestmark = pytest.mark.django_db

FIRST = instruments.DIAGNOSTIC[0]


def _input(**kw):
    now = timezone.now()
    data = {
        "title": "Diagnostic",
        "opens_at": now,
        "closes_at": now + timedelta(days=10),
        "mode": "compiled",
    }
    data.update(kw)
    return services.CampaignInput(**data)


# --- divergence thresholds -------------------------------------------------


def _split(campaign):
    """Six answers of 2 and four of 4 on the first item: SD 0.98, 60 % / 40 %."""
    code = FIRST.items[0].code
    add_responses(campaign, 6, value=3, **{code: 2})
    add_responses(campaign, 4, value=3, **{code: 4})
    return code


def test_the_campaign_spread_threshold_decides_divergence(table):
    strict = CampaignFactory(table=table, divergence_sd=Decimal("0.9"), polarisation_percent=50)
    lenient = CampaignFactory(table=table, divergence_sd=Decimal("1.2"), polarisation_percent=50)
    code = _split(strict)
    _split(lenient)

    def item(campaign):
        results = selectors.campaign_results(campaign=campaign)
        return next(i for d in results.dimensions for i in d.children if i.code == code)

    assert round(item(strict).sd, 2) == 0.98
    assert item(strict).divergent is True
    assert item(lenient).divergent is False


def test_the_campaign_polarisation_share_decides_divergence(table):
    at_forty = CampaignFactory(table=table, divergence_sd=Decimal("2.0"), polarisation_percent=40)
    at_fortyfive = CampaignFactory(
        table=table, divergence_sd=Decimal("2.0"), polarisation_percent=45
    )
    code = _split(at_forty)
    _split(at_fortyfive)
    for campaign, expected in ((at_forty, True), (at_fortyfive, False)):
        results = selectors.campaign_results(campaign=campaign)
        item = next(i for d in results.dimensions for i in d.children if i.code == code)
        assert item.divergent is expected


@pytest.mark.parametrize(
    "field, value", [("divergence_sd", Decimal("0.4")), ("polarisation_percent", 60)]
)
def test_thresholds_out_of_range_are_refused(table, coordinator, field, value):
    with pytest.raises(InvalidInput) as error:
        services.campaign_create(table=table, actor=coordinator, data=_input(**{field: value}))
    assert field in error.value.extra["fields"]
    assert not Campaign.objects.exists()


def test_thresholds_are_saved_from_the_form(client, table, coordinator):
    client.force_login(coordinator)
    now = timezone.localtime()
    response = client.post(
        reverse("evaluation:campaign-create", kwargs={"table_slug": table.slug}),
        {
            "title": "Diagnostic 2027",
            "instrument": "diagnostic",
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
            "mode": "compiled",
            "anonymity_threshold": 5,
            "divergence_sd": "1.0",
            "polarisation_percent": 30,
            "invite_scope": "seats",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign = Campaign.objects.get()
    assert campaign.divergence_sd == Decimal("1.0") and campaign.polarisation_percent == 30
    page = client.get(response["Location"]).content.decode()
    assert "1.0" in page and "30 %" in page


# --- the group answer (mode "together") ------------------------------------


def test_a_group_answer_shows_results_below_the_threshold(table, coordinator, member):
    campaign = CampaignFactory(table=table, mode="together", people=[member])
    services.campaign_record_group_answer(
        campaign=campaign,
        actor=coordinator,
        answers=answers(4),
        people_present=3,
        revision=campaign.revision,
    )
    results = selectors.campaign_results(campaign=campaign)
    assert results.visible and results.respondents == 1
    assert results.rate.answered == 3
    assert results.dimensions[0].mean == 4
    assert AuditEntry.objects.filter(event="EVALUATION_GROUP_ANSWER_RECORDED").count() == 1


def test_correcting_the_group_answer_replaces_it_and_is_audited(table, coordinator):
    campaign = CampaignFactory(table=table, mode="together")
    services.campaign_record_group_answer(
        campaign=campaign, actor=coordinator, answers=answers(2), people_present=8, revision=1
    )
    services.campaign_record_group_answer(
        campaign=campaign, actor=coordinator, answers=answers(5), people_present=9, revision=2
    )
    assert Response.objects.filter(campaign=campaign).count() == 1
    assert selectors.campaign_results(campaign=campaign).dimensions[0].mean == 5
    entry = AuditEntry.objects.get(event="EVALUATION_GROUP_ANSWER_CORRECTED")
    assert entry.changes == {"old": {"people_present": 8}, "new": {"people_present": 9}}


def test_a_stale_group_answer_is_refused(table, coordinator):
    campaign = CampaignFactory(table=table, mode="together")
    services.campaign_record_group_answer(
        campaign=campaign, actor=coordinator, answers=answers(2), people_present=8, revision=1
    )
    with pytest.raises(Conflict):
        services.campaign_record_group_answer(
            campaign=campaign, actor=coordinator, answers=answers(5), people_present=8, revision=1
        )
    assert selectors.campaign_results(campaign=campaign).dimensions[0].mean == 2


def test_individual_answers_are_refused_in_a_meeting_campaign(table, member):
    campaign = CampaignFactory(table=table, mode="together", people=[member])
    with pytest.raises(DomainError):
        services.campaign_answer(campaign=campaign, actor=member, answers=answers(4))
    assert not Response.objects.exists()


def test_a_group_answer_needs_a_meeting_campaign_and_people(table, coordinator):
    compiled = CampaignFactory(table=table)
    with pytest.raises(DomainError):
        services.campaign_record_group_answer(
            campaign=compiled, actor=coordinator, answers=answers(4), people_present=5, revision=1
        )
    together = CampaignFactory(table=table, mode="together")
    with pytest.raises(InvalidInput):
        services.campaign_record_group_answer(
            campaign=together, actor=coordinator, answers=answers(4), people_present=0, revision=1
        )
    assert not Response.objects.exists()


def test_the_mode_is_frozen_once_answered(table, coordinator):
    campaign = CampaignFactory(table=table, mode="together")
    services.campaign_record_group_answer(
        campaign=campaign, actor=coordinator, answers=answers(4), people_present=5, revision=1
    )
    campaign.refresh_from_db()
    with pytest.raises(DomainError):
        services.campaign_update(
            campaign=campaign,
            actor=coordinator,
            data=_input(mode="compiled", opens_at=campaign.opens_at, closes_at=campaign.closes_at),
            revision=campaign.revision,
        )


def test_group_answer_page_round_trip(client, table, coordinator):
    campaign = CampaignFactory(table=table, mode="together")
    client.force_login(coordinator)
    url = reverse(
        "evaluation:campaign-group-answer",
        kwargs={"table_slug": table.slug, "campaign_id": campaign.pk},
    )
    page = client.get(url)
    assert page.status_code == 200
    data = dict.fromkeys(instruments.ITEMS, "3")
    data.update(people_present="7", revision=str(campaign.revision))
    response = client.post(url, data)
    assert response.status_code == 302
    results_page = client.get(response["Location"]).content.decode()
    assert "7 people took part" in results_page or "7 personnes" in results_page
    again = client.get(url).content.decode()
    assert 'value="7"' in again  # the recorded answer comes back to be corrected


def test_group_answer_page_is_only_for_meeting_campaigns(client, table, coordinator):
    campaign = CampaignFactory(table=table)
    client.force_login(coordinator)
    url = reverse(
        "evaluation:campaign-group-answer",
        kwargs={"table_slug": table.slug, "campaign_id": campaign.pk},
    )
    assert client.get(url).status_code == 404


# --- year over year ------------------------------------------------------------


def _year(table, years_ago, value, count=6, **overrides):
    now = timezone.now()
    campaign = CampaignFactory(
        table=table,
        title=f"Diagnostic {now.year - years_ago}",
        opens_at=now - timedelta(days=365 * years_ago + 30),
        closes_at=now - timedelta(days=365 * years_ago + 1),
    )
    add_responses(campaign, count, value=value, **overrides)
    return campaign


def test_comparison_with_the_previous_year(table):
    code = FIRST.items[0].code
    before = _year(table, 1, 3, **{code: 2})
    after = _year(table, 0, 3, **{code: 4})
    comparison = selectors.diagnostic_comparison(campaign=after)
    assert comparison.previous == before and comparison.visible
    row = next(r for r in comparison.rows if r.code == code)
    assert row.delta == 2.0 and row.direction == "up" and row.band_changed
    second = next(r for r in comparison.rows if r.code == FIRST.items[1].code)
    assert second.delta == 0 and second.direction == "stable" and not second.band_changed
    dimension = next(r for r in comparison.rows if r.code == FIRST.code)
    assert dimension.is_dimension and dimension.delta == 0.5 and dimension.direction == "up"


def test_a_change_just_below_half_a_point_reads_as_stable(table):
    code = FIRST.items[0].code
    _year(table, 1, 3, count=5, **{code: 3})
    after = _year(table, 0, 3, count=5)
    # Two of five answers move from 3 to 4: +0.4.
    Response.objects.filter(campaign=after).delete()
    add_responses(after, 3, value=3)
    add_responses(after, 2, value=3, **{code: 4})
    row = next(r for r in selectors.diagnostic_comparison(campaign=after).rows if r.code == code)
    assert row.delta == 0.4 and row.direction == "stable"


def test_no_comparison_when_one_side_is_below_its_threshold(table):
    _year(table, 1, 3, count=4)
    after = _year(table, 0, 3, count=5)
    comparison = selectors.diagnostic_comparison(campaign=after)
    assert comparison.previous is not None and not comparison.visible
    assert comparison.rows == []


def test_comparison_page_chooses_an_older_campaign(client, table, member):
    oldest = _year(table, 2, 2)
    _year(table, 1, 3)
    after = _year(table, 0, 4)
    client.force_login(member)
    url = reverse(
        "evaluation:campaign-compare", kwargs={"table_slug": table.slug, "campaign_id": after.pk}
    )
    page = client.get(url, {"with": oldest.pk}).content.decode()
    assert f'value="{oldest.pk}" selected' in page
    assert "+2" in page  # 2.00 → 4.00


def test_comparison_page_empty_state(client, table, member):
    campaign = CampaignFactory(table=table)
    client.force_login(member)
    url = reverse(
        "evaluation:campaign-compare",
        kwargs={"table_slug": table.slug, "campaign_id": campaign.pk},
    )
    response = client.get(url)
    assert response.status_code == 200
    assert "earlier diagnostic" in response.content.decode() or "antérieur" in (
        response.content.decode()
    )


def test_comparison_api_returns_aggregates_only(client, table, coordinator):
    from tablee.accounts.services import api_token_create

    code = FIRST.items[0].code
    before = _year(table, 1, 3, **{code: 2})
    after = _year(table, 0, 3, **{code: 4})
    _token, token = api_token_create(user=coordinator, name="test")
    response = client.get(
        reverse(
            "api:evaluation-comparison",
            kwargs={"table_slug": table.slug, "campaign_id": after.pk},
        ),
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["previous_id"] == before.pk and data["visible"] is True
    row = next(r for r in data["rows"] if r["code"] == code)
    assert row["before"] == 2 and row["after"] == 4 and row["reading"] == "up"
    assert "answers" not in response.content.decode()


# --- results shared by decision ---------------------------------------------


def _share(campaign, decision):
    campaign.sharing_decision = decision
    campaign.results_shared = decision is not None
    campaign.save()


def _shared_url(campaign):
    from tablee.evaluation import links

    return reverse(
        "evaluation:shared-results",
        kwargs={
            "table_slug": campaign.table.slug,
            "token": links.make_share_token(campaign=campaign),
        },
    )


def test_shared_results_are_readable_without_an_account_until_withdrawn(client, table):
    from tablee.decisions.tests.factories import DecisionFactory

    campaign = CampaignFactory(table=table, title="Diagnostic partagé")
    add_responses(campaign, 5, value=4, attributes={"role": "member"})
    _share(campaign, DecisionFactory(table=table))
    url = _shared_url(campaign)
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Diagnostic partagé" in body and ("4,00" in body or "4.00" in body)
    assert page["X-Robots-Tag"] == "noindex"
    _share(campaign, None)
    assert client.get(url).status_code == 404


def test_a_share_link_dies_when_another_decision_shares_the_results(client, table):
    from tablee.decisions.tests.factories import DecisionFactory

    campaign = CampaignFactory(table=table)
    add_responses(campaign, 5)
    _share(campaign, DecisionFactory(table=table))
    old = _shared_url(campaign)
    _share(campaign, DecisionFactory(table=table))
    assert client.get(old).status_code == 404
    assert client.get(_shared_url(campaign)).status_code == 200


def test_tampered_or_unshared_links_show_nothing(client, table):
    campaign = CampaignFactory(table=table)
    add_responses(campaign, 5)
    assert client.get(_shared_url(campaign)).status_code == 404  # never shared
    bad = reverse(
        "evaluation:shared-results", kwargs={"table_slug": table.slug, "token": "abc:def"}
    )
    assert client.get(bad).status_code == 404


def test_shared_results_keep_the_anonymity_threshold(client, table):
    from tablee.decisions.tests.factories import DecisionFactory

    campaign = CampaignFactory(table=table)
    add_responses(campaign, 4, value=2)
    _share(campaign, DecisionFactory(table=table))
    body = client.get(_shared_url(campaign)).content.decode()
    assert "2,00" not in body and "2.00" not in body


def test_the_coordinator_sees_the_share_link_members_do_not(client, table, coordinator, member):
    from tablee.decisions.tests.factories import DecisionFactory

    campaign = CampaignFactory(table=table)
    _share(campaign, DecisionFactory(table=table))
    url = reverse(
        "evaluation:campaign-detail",
        kwargs={"table_slug": table.slug, "campaign_id": campaign.pk},
    )
    client.force_login(coordinator)
    assert "/evaluations/shared/" in client.get(url).content.decode()
    client.force_login(member)
    assert "/evaluations/shared/" not in client.get(url).content.decode()


def test_year_after_year_series_keeps_hidden_years_empty(table):
    oldest = _year(table, 3, 2)
    hidden = _year(table, 2, 3, count=4)  # below the threshold of 5
    _year(table, 1, 3)
    latest = _year(table, 0, 4)
    series = selectors.diagnostic_series(campaign=latest)
    assert series.campaigns[0] == oldest and series.campaigns[-1] == latest
    assert series.visible == [True, False, True, True]
    first = series.rows[0]
    assert [c.mean if c else None for c in first.cells] == [2, None, 3, 4]
    assert series.respondents[1] == 4 and hidden in series.campaigns


def test_series_reads_in_two_queries_whatever_the_respondents(
    table, django_assert_max_num_queries
):
    latest = None
    for years_ago in range(4, -1, -1):
        latest = _year(table, years_ago, 3, count=5 + 10 * years_ago)
    with django_assert_max_num_queries(2):
        series = selectors.diagnostic_series(campaign=latest)
    assert len(series.campaigns) == 5


def test_compare_page_shows_the_series(client, table, member):
    for years_ago in (2, 1):
        _year(table, years_ago, 3)
    latest = _year(table, 0, 4)
    client.force_login(member)
    url = reverse(
        "evaluation:campaign-compare",
        kwargs={"table_slug": table.slug, "campaign_id": latest.pk},
    )
    body = client.get(url).content.decode()
    assert 'id="series-heading"' in body and body.count("(n = 6)") == 3


def test_series_api(client, table, coordinator):
    from tablee.accounts.services import api_token_create

    _year(table, 1, 2, count=4)
    latest = _year(table, 0, 4)
    _token, raw = api_token_create(user=coordinator, name="t")
    data = client.get(
        reverse(
            "api:evaluation-series", kwargs={"table_slug": table.slug, "campaign_id": latest.pk}
        ),
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    ).json()
    assert [c["visible"] for c in data["campaigns"]] == [False, True]
    assert data["dimensions"][0]["means"] == [None, 4]


def test_a_new_campaign_starts_from_the_tables_last_thresholds(client, table, coordinator):
    CampaignFactory(
        table=table, divergence_sd=Decimal("0.9"), polarisation_percent=35, anonymity_threshold=7
    )
    client.force_login(coordinator)
    body = client.get(
        reverse("evaluation:campaign-create", kwargs={"table_slug": table.slug})
    ).content.decode()
    assert 'name="divergence_sd" value="0.9"' in body
    assert 'name="polarisation_percent" value="35"' in body
    assert 'name="anonymity_threshold" value="7"' in body
