"""The demo plan loads with actions in every status, and loads only once."""

import pytest

from tablee.core.models import AuditEntry
from tablee.members.tests.factories import SeatFactory
from tablee.plans import demo
from tablee.plans.models import ActionStatus, Objective, PlanAction, ProgressUpdate
from tablee.plans.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


def test_demo_does_nothing_without_the_process(table, coordinator):
    demo.load(people={"coordination@example.org": coordinator})
    assert not PlanAction.objects.exists()


def test_demo_plan_has_every_status_and_is_idempotent(table, coordinator):
    for _ in range(4):
        SeatFactory(table=table)
    process = ProcessFactory(table=table, slug=demo.PROCESS_SLUG)
    people = {"coordination@example.org": coordinator}
    demo.load(people=people)
    demo.load(people=people)
    assert Objective.objects.filter(process=process).count() == 4
    actions = PlanAction.objects.filter(process=process)
    assert actions.count() == 20
    assert set(actions.values_list("status", flat=True)) == set(ActionStatus.values)
    assert actions.filter(origin="fixed").count() >= 3
    assert all(a.accountable_organization_id for a in actions)
    assert ProgressUpdate.objects.filter(action__process=process).count() >= 15
    assert AuditEntry.objects.filter(event="plan_action_created").count() == 20
    titles = set(actions.values_list("title", flat=True))
    assert "Marché solidaire mobile dans les secteurs sans épicerie" in titles
