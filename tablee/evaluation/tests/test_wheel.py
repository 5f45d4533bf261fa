"""The appreciation wheel: axes, answering, scoring, results page and API."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tablee.accounts.services import api_token_create
from tablee.core.errors import DomainError, InvalidInput
from tablee.core.models import AuditEntry
from tablee.evaluation import scoring, selectors, services
from tablee.evaluation.forms import parse_axes
from tablee.evaluation.models import Campaign, Instrument, Response, WheelAxis
from tablee.evaluation.tests.factories import CampaignFactory

AXES = [
    ("Vision", "Nous partageons un but commun."),
    ("Écoute", "Chaque voix est entendue."),
    ("Décisions", "Les décisions sont prises ensemble."),
    ("Ressources", "Chacun apporte des ressources."),
    ("Liens", "Les partenaires se parlent entre les rencontres."),
    ("Suivi", "Nous vérifions ce que nous faisons."),
]


@pytest.fixture(autouse=True)
def _english():
    """Service messages are asserted in English, the source language."""
    with translation.override("en"):
        yield


# --- scoring on known cases (no database) -----------------------------------


def test_axis_median_and_interquartile_range():
    s = scoring.summarize_axis([1, 2, 3, 4, 5, None])
    assert (s.n, s.median, s.q1, s.q3, s.iqr) == (5, 3.0, 2.0, 4.0, 2.0)
    even = scoring.summarize_axis([2, 4, 6, 8], desired=[9, 7, None])
    assert even.median == 5.0 and even.q1 == 3.5 and even.q3 == 6.5
    assert even.desired_median == 8
    one = scoring.summarize_axis([7])
    assert (one.median, one.iqr) == (7.0, 0.0)
    assert scoring.summarize_axis([None]).median is None


def test_gap_of_exactly_two_is_flagged_and_one_point_nine_is_not():
    medians = {
        "Municipalité": {"a1": 5.0, "a2": 4.9, "a3": None},
        "Membres": {"a1": 7.0, "a2": 6.8, "a3": 9.0},
    }
    gaps = scoring.wheel_gaps(medians, ["a1", "a2", "a3"])
    assert [(g.axis, g.high_group, g.low_group, g.size) for g in gaps] == [
        ("a1", "Membres", "Municipalité", 2.0)
    ]
    # 6.9 − 4.9 is 1.9999999… in floating point: still read as 2.
    assert scoring.wheel_gaps({"x": {"a": 6.9}, "y": {"a": 4.9}}, ["a"])
    assert not scoring.wheel_gaps({"x": {"a": 6.8}, "y": {"a": 4.9}}, ["a"])


def test_summarize_wheel_and_trend():
    sets = [{"a1": {"score": v, "desired": 8}} for v in (2, 4, 6)] + [{"a1": "junk"}]
    summary = scoring.summarize_wheel(sets, ["a1", "a2"])
    assert summary["a1"].median == 4.0 and summary["a1"].desired_median == 8
    assert summary["a2"].n == 0
    rows = scoring.wheel_trend([{"a1": 4.0}, {"a1": None}, {"a1": 6.5}, {"a1": 7.0}], ["a1"])
    assert rows[0].values == [4.0, None, 6.5, 7.0]
    assert rows[0].changes == [None, None, None, 0.5]


def test_parse_axes_lines():
    assert parse_axes("Vision — Un but commun.\n\nÉcoute : Chaque voix compte.") == [
        ("Vision", "Un but commun."),
        ("Écoute", "Chaque voix compte."),
    ]


# --- services ----------------------------------------------------------------


def _input(axes=AXES, **kw):
    now = timezone.now()
    data = {
        "title": "Roue 2026",
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(days=10),
        "mode": "compiled",
        "instrument": Instrument.WHEEL,
        "axes": list(axes),
        "attributes": ["role"],
    }
    data.update(kw)
    return services.CampaignInput(**data)


def _answer(score=7, desired=None, why=""):
    data = {}
    for position in range(1, len(AXES) + 1):
        data[f"a{position}-score"] = score
        data[f"a{position}-desired"] = desired
        data[f"a{position}-why"] = why
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 10])
def test_four_to_nine_axes_are_required(table, coordinator, count):
    axes = [(f"Axe {n}", "Une définition.") for n in range(count)]
    with pytest.raises(InvalidInput, match="4 to 9 axes"):
        services.campaign_create(table=table, actor=coordinator, data=_input(axes))
    assert not Campaign.objects.exists()


@pytest.mark.django_db
def test_axes_need_a_definition_and_distinct_names(table, coordinator):
    with pytest.raises(InvalidInput):
        services.campaign_create(
            table=table, actor=coordinator, data=_input([*AXES[:4], ("Suivi", "")])
        )
    with pytest.raises(InvalidInput, match="same name"):
        services.campaign_create(
            table=table, actor=coordinator, data=_input([*AXES[:4], ("vision", "Encore.")])
        )


@pytest.mark.django_db
def test_axes_are_frozen_once_answered(table, coordinator, member):
    campaign = services.campaign_create(
        table=table, actor=coordinator, data=_input(invite_scope="people", people=[member])
    )
    assert [a.name for a in selectors.wheel_axes(campaign=campaign)] == [n for n, _d in AXES]
    assert AuditEntry.objects.filter(event="EVALUATION_CAMPAIGN_CREATED").count() == 1
    # Before any answer the axes may change.
    campaign = services.campaign_update(
        campaign=campaign,
        actor=coordinator,
        data=_input([*AXES[:5], ("Suivi", "Nous mesurons nos effets.")]),
        revision=campaign.revision,
    )
    services.campaign_answer(campaign=campaign, actor=member, answers=_answer(8, 9, "Bien."))
    response = Response.objects.get(campaign=campaign)
    assert response.answers["a1"] == {"score": 8, "desired": 9, "why": "Bien."}
    assert "person" not in {f.name for f in Response._meta.get_fields()}
    with pytest.raises(DomainError, match="frozen"):
        services.campaign_update(
            campaign=campaign, actor=coordinator, data=_input(AXES), revision=campaign.revision
        )
    assert WheelAxis.objects.get(campaign=campaign, position=6).definition == (
        "Nous mesurons nos effets."
    )
    # Saving the same axes (other fields changed) is allowed.
    services.campaign_update(
        campaign=campaign,
        actor=coordinator,
        data=_input([*AXES[:5], ("Suivi", "Nous mesurons nos effets.")], title="Roue 2026 (bis)"),
        revision=campaign.revision,
    )


@pytest.mark.django_db
def test_wheel_scores_are_checked(table, coordinator, member):
    campaign = services.campaign_create(table=table, actor=coordinator, data=_input())
    campaign.invited_people.set([member])
    with pytest.raises(InvalidInput):
        services.campaign_answer(campaign=campaign, actor=member, answers=_answer(11))
    with pytest.raises(InvalidInput):
        services.campaign_answer(campaign=campaign, actor=member, answers=_answer(""))
    assert not Response.objects.exists()


@pytest.mark.django_db
def test_copy_axes_of_a_previous_wheel(table, coordinator):
    first = services.campaign_create(table=table, actor=coordinator, data=_input())
    second = services.campaign_create(
        table=table, actor=coordinator, data=_input(axes=[], copy_axes_from=first)
    )
    assert [(a.name, a.definition) for a in selectors.wheel_axes(campaign=second)] == AXES


# --- results page and API ----------------------------------------------------


def _wheel(table, **kw):
    campaign = CampaignFactory(table=table, instrument=Instrument.WHEEL, attributes=["role"], **kw)
    WheelAxis.objects.bulk_create(
        WheelAxis(table=table, campaign=campaign, position=p, name=n, definition=d)
        for p, (n, d) in enumerate(AXES, 1)
    )
    return campaign


def _responses(campaign, count, score, role, *, first_axis=None):
    Response.objects.bulk_create(
        Response(
            table=campaign.table,
            campaign=campaign,
            attributes={"role": role},
            answers={
                f"a{p}": {"score": first_axis if p == 1 and first_axis else score, "desired": None}
                for p in range(1, len(AXES) + 1)
            },
        )
        for _ in range(count)
    )


@pytest.mark.django_db
def test_results_page_shows_radar_gaps_and_trend(
    client, table, member, django_assert_max_num_queries
):
    earlier = _wheel(table, closed=True, title="Roue 2025")
    _responses(earlier, 5, 5, "member")
    campaign = _wheel(table, title="Roue 2026")
    _responses(campaign, 6, 7, "member", first_axis=8)
    _responses(campaign, 5, 7, "external", first_axis=5)
    client.force_login(member)
    url = reverse("evaluation:campaign-results", args=[table.slug, campaign.pk])
    with django_assert_max_num_queries(15):
        page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and "Median score per axis" in body
    assert "Member (n = 6)" in body and "External partner (n = 5)" in body
    assert "a gap of 3 points" in body
    assert "never used to rank" in body
    assert "Over time, on the same axes" in body and "Roue 2025" in body
    assert "(+2)" in body


@pytest.mark.django_db
def test_results_respect_the_threshold(client, table, member):
    campaign = _wheel(table)
    _responses(campaign, 4, 7, "member")
    client.force_login(member)
    url = reverse("evaluation:campaign-results", args=[table.slug, campaign.pk])
    body = client.get(url).content.decode()
    assert "No result is shown below 5 respondents" in body and "<svg" not in body
    # Enough in total, but one group of 1: no breakdown, no gap.
    _responses(campaign, 1, 2, "external")
    body = client.get(url).content.decode()
    assert "<svg" in body and "External partner" not in body
    assert "This breakdown is not shown" in body


@pytest.mark.django_db
def test_answer_page_renders_the_wheel_form(client, table, member):
    campaign = _wheel(table, people=[member])
    client.force_login(member)
    url = reverse("evaluation:campaign-answer", args=[table.slug, campaign.pk])
    body = client.get(url).content.decode()
    assert 'type="radio"' in body and "Chaque voix est entendue." in body
    data = {f"a{p}-score": "6" for p in range(1, len(AXES) + 1)}
    assert client.post(url, data).status_code == 200
    assert Response.objects.get(campaign=campaign).answers["a2"]["score"] == 6


@pytest.mark.django_db
def test_create_page_defines_axes(client, table, coordinator):
    client.force_login(coordinator)
    now = timezone.now()
    data = {
        "title": "Roue",
        "instrument": "wheel",
        "axes": "\n".join(f"{n} — {d}" for n, d in AXES),
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
        "mode": "compiled",
        "anonymity_threshold": 5,
        "attributes": ["role"],
        "invite_scope": "seats",
    }
    response = client.post(reverse("evaluation:campaign-create", args=[table.slug]), data)
    assert response.status_code == 302
    assert WheelAxis.objects.count() == 6
    campaign = Campaign.objects.get()
    edit = client.get(reverse("evaluation:campaign-edit", args=[table.slug, campaign.pk]))
    assert "Vision — Nous partageons un but commun." in edit.content.decode()
    detail = client.get(reverse("evaluation:campaign-detail", args=[table.slug, campaign.pk]))
    assert "Axes of the wheel" in detail.content.decode()
    data["axes"] = "Un — deux"
    response = client.post(reverse("evaluation:campaign-create", args=[table.slug]), data)
    assert response.status_code == 400 and "4 to 9 axes" in response.content.decode()


@pytest.mark.django_db
def test_api_returns_wheel_aggregates(client, table, member):
    campaign = _wheel(table)
    _responses(campaign, 5, 7, "member", first_axis=9)
    _responses(campaign, 5, 7, "external", first_axis=6)
    _t, token = api_token_create(user=member, name="t")
    url = reverse("api:evaluation-results", args=[table.slug, campaign.pk])
    data = client.get(url, headers={"Authorization": f"Bearer {token}"}).json()
    assert data["visible"] and data["wheel"]["axes"][0]["median"] == 7.5
    assert data["wheel"]["gaps"][0]["axis"] == "Vision"
    assert "answers" not in str(data)


@pytest.mark.django_db
def test_results_page_in_french(client, settings, table, member):
    campaign = _wheel(table)
    _responses(campaign, 5, 7, "member", first_axis=9)
    _responses(campaign, 5, 7, "external", first_axis=6)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    client.force_login(member)
    body = client.get(
        reverse("evaluation:campaign-results", args=[table.slug, campaign.pk])
    ).content.decode()
    assert "Écarts entre les groupes" in body and "un écart de 3 points" in body


@pytest.mark.django_db
def test_why_notes_are_shown_per_axis_without_order_or_group(table):
    campaign = _wheel(table)
    rows = []
    for index in range(5):
        answers = {f"a{n}": {"score": 5, "desired": None, "why": ""} for n in range(1, 5)}
        answers["a1"]["why"] = ["Zèle", "avance", "", "avance", "Bof"][index]
        rows.append(
            Response(
                table=table,
                campaign=campaign,
                attributes={"role": "member" if index < 4 else "coordinator"},
                answers=answers,
            )
        )
    Response.objects.bulk_create(rows[:4])
    assert selectors.wheel_results(campaign=campaign).notes == {}  # 4 < threshold: nothing
    Response.objects.bulk_create(rows[4:])
    notes = selectors.wheel_results(campaign=campaign).notes
    assert notes == {"a1": ["avance", "Bof", "Zèle"]}
