"""The demo's resources and funding: written once, with a report coming up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tablee.core.models import AuditEntry
from tablee.funding import demo, selectors
from tablee.funding.models import BudgetLine, Funder, ReportingDate, ResourceCommitment
from tablee.funding.tests.factories import PlanActionFactory

pytestmark = pytest.mark.django_db


def test_demo_without_a_plan_does_nothing(table, coordinator):
    demo.load(people={"coordination@example.org": coordinator})
    assert not Funder.objects.exists() and not AuditEntry.objects.exists()


def test_demo_builds_resources_and_funding_once(table, coordinator, objectives, organizations):
    for index in range(20):
        PlanActionFactory(objective=objectives[index % 2])
    people = {"coordination@example.org": coordinator}
    demo.load(people=people)
    counts = (
        ResourceCommitment.objects.count(),
        Funder.objects.count(),
        BudgetLine.objects.count(),
        AuditEntry.objects.count(),
    )
    demo.load(people=people)
    assert counts == (
        ResourceCommitment.objects.count(),
        Funder.objects.count(),
        BudgetLine.objects.count(),
        AuditEntry.objects.count(),
    )
    assert counts[0] > 10 and counts[1] == 2 and counts[2] > 5
    process = objectives[0].process
    assert len(selectors.resources_by_organization(process)) == 2
    soon = timezone.localdate() + timedelta(days=21)
    assert ReportingDate.objects.filter(is_done=False, due_on__lte=soon).exists()
    for program in selectors.funding_summary(process)["programs"]:
        assert not program["over"]
