"""The demo vision and round load, tell their story, and load only once."""

import pytest

from tablee.accounts.tests.factories import UserFactory
from tablee.priorities import demo, selectors
from tablee.priorities.models import PriorityRound, Rating, VisionComment, VisionVersion
from tablee.priorities.tests.factories import ProcessFactory
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _people(table, coordinator):
    people = {demo.COORDINATOR_EMAIL: coordinator}
    for email in [*demo.RATERS, "genevieve.fortin@example.org"]:
        if email in people or email == "membre@example.org":
            continue
        people[email] = MembershipFactory(
            table=table, role=Role.MEMBER, user=UserFactory(email=email)
        ).user
    return people


def test_demo_does_nothing_without_the_process(table, coordinator, member):
    demo.load(people=_people(table, coordinator) | {"membre@example.org": member})
    assert not VisionVersion.objects.exists() and not PriorityRound.objects.exists()


def test_demo_vision_and_round(table, coordinator, member):
    process = ProcessFactory(table=table, slug=demo.PROCESS_SLUG)
    people = _people(table, coordinator) | {"membre@example.org": member}
    for _ in range(2):
        demo.load(people=people)
    versions = {v.number: v for v in VisionVersion.objects.all()}
    assert set(versions) == {1, 2}
    assert versions[1].is_adopted and versions[1].decision is not None
    assert "Adoption" in versions[1].decision.wording
    assert versions[2].status == "draft"
    assert VisionComment.objects.filter(version=versions[2]).count() == 1
    round = PriorityRound.objects.get()
    assert round.decision is not None and len(round.adopted_ranking) == 8
    assert Rating.objects.values("rater").distinct().count() == 10
    fresh = selectors.round_get(process=process, round_id=round.pk)
    results = selectors.round_results(round=fresh)
    split = [c.title for c in results.candidates if c.disagreements]
    assert split == ["Épicerie solidaire"]


def test_full_demo_with_the_process():
    """With the whole demo's people, the round is rated by ten members."""
    from tablee.core.demo import load_demo
    from tablee.tables.models import Table

    load_demo()
    table = Table.objects.get(slug="quartier-demo")
    if not VisionVersion.objects.exists():
        ProcessFactory(table=table, slug=demo.PROCESS_SLUG, title="Sécurité alimentaire")
        load_demo()
    round = PriorityRound.objects.get(table=table)
    assert round.decision is not None
    assert Rating.objects.filter(round=round).values("rater").distinct().count() == 10
    assert VisionVersion.objects.filter(table=table).count() == 2
