"""The demo decisions and polls load, tell their story, and load only once."""

import pytest

from tablee.decisions import demo as decisions_demo
from tablee.decisions import selectors
from tablee.polls import demo as polls_demo
from tablee.polls import selectors as poll_selectors
from tablee.polls.models import Poll
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_shows_superseded_amended_and_polls(table, coordinator):
    for _ in range(12):
        MembershipFactory(table=table, role=Role.MEMBER)
    people = {"coordination@example.org": coordinator}
    for _ in range(2):
        decisions_demo.load(people=people)
        polls_demo.load(people=people)
    decisions = list(selectors.decision_list(table=table))
    assert len(decisions) == 15
    statuses = {selectors.decision_status(d) for d in decisions}
    assert {"in_force", "amended", "superseded", "not_adopted"} <= statuses
    polls = {poll.kind: poll for poll in Poll.objects.for_table(table)}
    assert poll_selectors.poll_effective_status(polls["dots"]) == "open"
    assert polls["dots"].ballots.count() == 5
    ranked = polls["ranked"]
    assert poll_selectors.poll_effective_status(ranked) == "closed"
    results = poll_selectors.poll_results(poll=ranked)
    assert results["winner"] and len(results["rounds"]) >= 2
