"""The demo loads once and tells its story; the generator fills and cleans up."""

import random

import pytest

from tablee.accounts.tests.factories import UserFactory
from tablee.evaluation import demo, generate, selectors
from tablee.evaluation.models import Campaign, DiscussionNote, Participation, Response
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


def test_demo_two_campaigns_a_year_apart(table, coordinator, member):
    people = {demo.COORDINATOR_EMAIL: coordinator, "membre@example.org": member}
    for n in range(10):
        email = f"personne{n}@example.org"
        people[email] = MembershipFactory(
            table=table, role=Role.MEMBER, user=UserFactory(email=email)
        ).user
    demo.load(people=people)
    demo.load(people=people)  # idempotent
    first, second = Campaign.objects.filter(instrument="diagnostic").order_by("opens_at")
    assert (second.opens_at - first.opens_at).days >= 360
    assert Response.objects.filter(campaign=second).count() == 12
    before = selectors.campaign_results(campaign=first)
    after = selectors.campaign_results(campaign=second)
    assert before.visible and after.visible
    means = {d.code: d.mean for d in before.dimensions}
    later = {d.code: d for d in after.dimensions}
    assert later["D3"].mean - means["D3"] >= 0.5  # progress
    assert later["D4"].divergent  # the split
    assert DiscussionNote.objects.filter(campaign=second).exists()
    # Two appreciation wheels on the same axes, members and the municipality apart.
    wheels = list(Campaign.objects.filter(instrument="wheel").order_by("opens_at"))
    assert len(wheels) == 2
    wheel = selectors.wheel_results(campaign=wheels[1])
    assert wheel.visible and len(wheel.axes) == 6
    assert sorted(g.n for g in wheel.groups) == [5, 11]
    assert [
        wheel_axis.name
        for wheel_axis in wheel.axes
        if wheel_axis.key in {gap.axis for gap in wheel.gaps}
    ] == ["Décisions partagées"]
    assert len(wheel.trend) == 6 and len(wheel.trend_campaigns) == 2


def _batch(model, objs):
    model.objects.bulk_create(objs, batch_size=500)


def test_generate_and_delete():
    tables = [TableFactory(slug="gen-table-001"), TableFactory(slug="gen-table-002")]
    seats = {
        t.pk: {MembershipFactory(table=t, role=Role.MEMBER).user_id: "member" for _ in range(8)}
        for t in tables
    }
    counts = generate.generate(
        rng=random.Random(1), scale=1, tables=tables, seats=seats, batch=_batch, progress=print
    )
    assert counts["evaluation campaigns"] == 5  # two diagnostics each, one wheel
    big = (
        Campaign.objects.filter(table=tables[0], instrument="diagnostic")
        .order_by("-opens_at")
        .first()
    )
    assert Response.objects.filter(campaign=big).count() == generate.BIG_RESPONDENTS
    results = selectors.campaign_results(campaign=big, by="role")
    assert results.groups and results.rate.answered == 60 and results.rate.invited == 60
    wheel = Campaign.objects.get(instrument="wheel")
    assert wheel.table == tables[0]
    overlay = selectors.wheel_results(campaign=wheel, by="role")
    assert overlay.respondents == generate.BIG_WHEEL_RESPONDENTS
    assert overlay.rate.answered == overlay.rate.invited == generate.BIG_WHEEL_RESPONDENTS
    assert len(overlay.axes) == 8 and len(overlay.groups) >= 2
    external = [
        g for g in overlay.groups if g.label == selectors.attribute_label("role", "external")
    ]
    # Ten municipal staff at least; the table has 8 people, so the rest are external too.
    assert external and external[0].n == generate.BIG_WHEEL_RESPONDENTS - 8
    generate.delete(tables=tables)
    assert not Campaign.objects.exists() and not Participation.objects.exists()
