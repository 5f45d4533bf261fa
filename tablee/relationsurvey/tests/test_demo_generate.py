"""The demo tells its story once; the generator fills and cleans up in bulk."""

import random

import pytest
from django.urls import reverse

from tablee.core import demo as core_demo
from tablee.relationsurvey import demo, generate, selectors
from tablee.relationsurvey.audit_events import Event
from tablee.relationsurvey.models import AnswerSet, Participant, TieRating, Wave
from tablee.relationsurvey.tests.factories import seat, seated_orgs
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory, TableFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_table():
    """The demo table with its organizations and seats (the apps this one builds on)."""
    from tablee.members import demo as members_demo
    from tablee.organizations import demo as organizations_demo

    people = core_demo._ensure_people()
    core_demo._build_activity(people)
    organizations_demo.load(people=people)
    members_demo.load(people=people)
    return people


def test_demo_two_waves_a_year_apart(client, demo_table):
    people = demo_table
    demo.load(people=people)
    demo.load(people=people)  # idempotent
    first, second = Wave.objects.order_by("opens_at")
    assert (second.opens_at - first.opens_at).days >= 360
    assert first.is_closed and second.is_closed
    joined = selectors.wave_comparison(wave=second)
    assert [o.name for o in joined.joined] == [demo.JOINED] and joined.left == []
    before = selectors.wave_results(wave=first).m
    after = selectors.wave_results(wave=second).m
    assert 0 < before.answered < before.n and after.answered == after.n - 1
    assert after.tie_count > before.tie_count  # ties strengthened
    rows = {row.label: row for row in joined.rows}
    assert int(rows["Ties"].stable_after) > int(rows["Ties"].stable_before)
    gaps = selectors.wave_results(wave=second).gaps
    assert any({a.name, b.name} == set(demo.SEEN_APART) for a, b, _l, _h in gaps)
    assert after.trust_mean is not None and selectors.wave_results(wave=second).trust
    assert AnswerSet.objects.filter(entered_by_coordination=True).count() == 2
    events = set(
        core_demo.AuditEntry.objects.filter(event__startswith="RELATION_").values_list(
            "event", flat=True
        )
    )
    assert {Event.RELATION_ANSWERS_SAVED, Event.RELATION_ANSWERS_ENTERED} <= events
    # The pages read well for the demo coordinator.
    client.force_login(people[demo.COORDINATOR_EMAIL])
    table = second.table
    for url in (
        reverse("relationsurvey:wave-results", args=[table.slug, second.pk]),
        reverse("relationsurvey:wave-compare", args=[table.slug, second.pk]),
        reverse("relations:relation-network", args=[table.slug]) + f"?wave={second.pk}",
    ):
        assert client.get(url).status_code == 200, url


def test_demo_does_nothing_without_the_demo_table(db):
    demo.load(people={})
    assert not Wave.objects.exists()


def _batch(model, objs):
    model.objects.bulk_create(objs, batch_size=500)


def test_generate_one_wave_for_one_table_in_ten_and_delete():
    tables = [TableFactory(slug=f"gen-table-{n:03d}") for n in range(1, 13)]
    for table in (tables[0], tables[10]):
        seated_orgs(table, 5, names=[f"{table.slug} {n}" for n in range(5)])
    for _ in range(45):  # more than the cap
        (org,) = seated_orgs(tables[0], 1, names=[f"Grand {_}"])
        seat(tables[0], org, MembershipFactory(table=tables[0], role=Role.MEMBER).user)
    counts = generate.generate(
        rng=random.Random(3), scale=0.05, tables=tables, seats={}, batch=_batch, progress=print
    )
    assert counts["relation survey waves"] == 2  # gen-table-001 and gen-table-011
    big = Wave.objects.get(table=tables[0])
    assert Participant.objects.filter(wave=big).count() == generate.MAX_PARTICIPANTS
    answered = AnswerSet.objects.filter(wave=big).count()
    assert TieRating.objects.filter(wave=big).count() == answered * (generate.MAX_PARTICIPANTS - 1)
    assert selectors.wave_results(wave=big).m.n == generate.MAX_PARTICIPANTS
    generate.delete(tables=tables)
    assert not Wave.objects.exists() and not TieRating.objects.exists()
