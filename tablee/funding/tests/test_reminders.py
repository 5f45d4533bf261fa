"""`tablee send_funding_reminders`: coordinators reminded 14 and 3 days before, once."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from tablee.funding.models import ReportingReminder
from tablee.funding.tests.factories import (
    FunderFactory,
    FundingProgramFactory,
    ReportingDateFactory,
)
from tablee.tables.models import Role
from tablee.tables.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

DUE = date(2030, 6, 30)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def _run(today, *extra):
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "send_funding_reminders",
                "--today",
                today.isoformat(),
                *extra,
                stdout=io.StringIO(),
            )

    return _run


@pytest.fixture
def reporting(table):
    program = FundingProgramFactory(
        funder=FunderFactory(table=table, name="Fondation Est"), name="Fonds des quartiers"
    )
    return ReportingDateFactory(program=program, due_on=DUE, what="Rapport annuel")


def test_coordinators_are_reminded_14_then_3_days_before_once_each(
    run, reporting, coordinator, member
):
    second = MembershipFactory(table=reporting.table, role=Role.COORDINATOR).user
    run(DUE - timedelta(days=20))
    assert mail.outbox == []
    run(DUE - timedelta(days=14))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([coordinator.email, second.email])
    assert "Fonds des quartiers" in mail.outbox[0].subject
    assert "dans 14 jours" in mail.outbox[0].body  # the coordinator’s language
    run(DUE - timedelta(days=14))
    run(DUE - timedelta(days=10))
    assert len(mail.outbox) == 2
    run(DUE - timedelta(days=3))
    assert len(mail.outbox) == 4
    run(DUE - timedelta(days=1))
    run(DUE)
    run(DUE + timedelta(days=1))
    assert len(mail.outbox) == 4
    assert ReportingReminder.objects.count() == 2
    assert member.email not in {m.to[0] for m in mail.outbox}


def test_late_first_run_sends_one_email_for_both_lead_times(run, reporting, coordinator):
    run(DUE - timedelta(days=2))
    assert len(mail.outbox) == 1
    assert set(ReportingReminder.objects.values_list("days_before", flat=True)) == {14, 3}
    run(DUE - timedelta(days=1))
    assert len(mail.outbox) == 1


def test_moving_the_date_rearms_and_done_stops(run, reporting, coordinator):
    run(DUE - timedelta(days=3))
    assert len(mail.outbox) == 1
    reporting.due_on = DUE + timedelta(days=30)
    reporting.save()
    run(DUE + timedelta(days=16))
    assert len(mail.outbox) == 2
    reporting.is_done = True
    reporting.save()
    run(DUE + timedelta(days=27))
    assert len(mail.outbox) == 2


def test_custom_lead_times_and_other_tables(run, reporting, coordinator, other_coordinator):
    run(DUE - timedelta(days=30), "--days", "30")
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


def test_bad_lead_times_are_refused(run):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        run(DUE, "--days", "soon")
