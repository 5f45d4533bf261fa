"""Funders, programs, reporting dates and budget lines: services and pages."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from tablee.core.errors import InvalidInput
from tablee.core.models import AuditEntry
from tablee.funding import services
from tablee.funding.audit_events import Event
from tablee.funding.models import BudgetLine, Funder, FundingProgram, ReportingDate
from tablee.funding.tests.factories import (
    BudgetLineFactory,
    FunderFactory,
    FundingProgramFactory,
    ObjectiveFactory,
    PlanActionFactory,
    ProcessFactory,
    ReportingDateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Services speak the active language; assertions use the English source."""
    with translation.override("en"):
        yield


def _program(funder, coordinator, **values):
    values = {
        "name": "Programme régional",
        "amount": Decimal("10000"),
        "starts_on": date(2030, 1, 1),
        "ends_on": date(2030, 12, 31),
        **values,
    }
    return services.program_create(funder=funder, actor=coordinator, **values)


def test_funder_and_program_are_recorded_once_each(table, coordinator, process):
    funder = services.funder_create(table=table, actor=coordinator, name="Fondation Bonne Table")
    program = _program(funder, coordinator, process=process)
    assert program.table == table
    events = list(AuditEntry.objects.order_by("id").values_list("event", flat=True))
    assert events == [Event.FUNDING_FUNDER_CREATED, Event.FUNDING_PROGRAM_CREATED]


def test_a_second_funder_of_the_same_name_is_refused(table, coordinator):
    services.funder_create(table=table, actor=coordinator, name="Fondation Bonne Table")
    with pytest.raises(InvalidInput):
        services.funder_create(table=table, actor=coordinator, name="fondation bonne table ")
    assert Funder.objects.count() == 1


def test_a_period_ending_before_it_starts_is_refused(table, coordinator):
    funder = FunderFactory(table=table)
    with pytest.raises(InvalidInput) as caught:
        _program(funder, coordinator, starts_on=date(2030, 6, 1), ends_on=date(2030, 5, 31))
    assert "ends_on" in caught.value.extra["fields"]
    assert not FundingProgram.objects.exists()
    assert not AuditEntry.objects.exists()


def test_budget_lines_cannot_exceed_the_program(table, coordinator, actions):
    program = _program(FunderFactory(table=table), coordinator)
    services.budget_line_add(
        program=program, actor=coordinator, action=actions[0], amount=Decimal("6000")
    )
    with pytest.raises(InvalidInput) as caught:
        services.budget_line_add(
            program=program, actor=coordinator, action=actions[1], amount=Decimal("4500")
        )
    message = caught.value.message
    assert "10,500.00 $" in message and "500.00 $ more" in message
    assert BudgetLine.objects.count() == 1
    # Exactly the remainder fits.
    services.budget_line_add(
        program=program, actor=coordinator, action=actions[1], amount=Decimal("4000")
    )
    line = BudgetLine.objects.get(action=actions[0])
    with pytest.raises(InvalidInput):
        services.budget_line_update(
            line=line,
            actor=coordinator,
            action=actions[0],
            amount=Decimal("6000.01"),
            base_revision=0,
        )
    services.budget_line_update(
        line=line, actor=coordinator, action=actions[0], amount=Decimal("5000"), base_revision=0
    )


def test_program_amount_cannot_drop_below_its_budget_lines(table, coordinator, actions):
    program = _program(FunderFactory(table=table), coordinator)
    services.budget_line_add(
        program=program, actor=coordinator, action=actions[0], amount=Decimal("8000")
    )
    with pytest.raises(InvalidInput) as caught:
        services.program_update(
            program=program,
            actor=coordinator,
            name=program.name,
            amount=Decimal("7000"),
            starts_on=program.starts_on,
            ends_on=program.ends_on,
            base_revision=0,
        )
    assert "8,000.00 $" in caught.value.message
    program.refresh_from_db()
    assert program.amount == Decimal("10000")


def test_a_program_of_one_process_funds_only_its_actions(table, coordinator, process, actions):
    program = _program(FunderFactory(table=table), coordinator, process=process)
    stray = PlanActionFactory(objective=ObjectiveFactory(process=ProcessFactory(table=table)))
    with pytest.raises(InvalidInput):
        services.budget_line_add(
            program=program, actor=coordinator, action=stray, amount=Decimal("10")
        )


def test_program_page_shows_funding_used_and_reporting_dates(
    client, table, member, process, actions
):
    program = FundingProgramFactory(funder=FunderFactory(table=table), amount=Decimal("20000"))
    BudgetLineFactory(program=program, action=actions[0], amount=Decimal("7500"))
    BudgetLineFactory(program=program, action=actions[1], amount=Decimal("2500"))
    ReportingDateFactory(
        program=program, due_on=timezone.localdate() + timedelta(days=9), what="Rapport narratif"
    )
    client.force_login(member)
    response = client.get(f"/t/{table.slug}/funding/programs/{program.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "10,000.00 $" in body  # used = 7,500 + 2,500, and also what is left
    assert "allotted to actions" in body
    assert "in 9 days" in body and "Rapport narratif" in body
    assert "Add a budget line" not in body


def test_over_budget_program_is_flagged_in_words(client, table, coordinator, actions):
    # Data written around the services (an import, an older version) can exceed the amount.
    program = FundingProgramFactory(funder=FunderFactory(table=table), amount=Decimal("1000"))
    BudgetLineFactory(program=program, action=actions[0], amount=Decimal("1500"))
    client.force_login(coordinator)
    body = client.get(f"/t/{table.slug}/funding/programs/{program.pk}/").content.decode()
    assert "exceed the amount granted by 500.00 $" in body


def test_funding_page_lists_reports_to_send_with_days_left(client, table, observer):
    program = FundingProgramFactory(funder=FunderFactory(table=table, name="Fondation Est"))
    today = timezone.localdate()
    ReportingDateFactory(program=program, due_on=today - timedelta(days=2), what="En retard")
    ReportingDateFactory(program=program, due_on=today + timedelta(days=1), what="Demain")
    ReportingDateFactory(program=program, due_on=today, what="Déjà envoyé", is_done=True)
    ReportingDateFactory(program=program, due_on=today + timedelta(days=400), what="Lointain")
    client.force_login(observer)
    body = client.get(f"/t/{table.slug}/funding/").content.decode()
    assert "2 days late" in body and "in 1 day" in body
    assert body.index("En retard") < body.index("Demain")
    assert "Déjà envoyé" not in body and "Lointain" not in body
    assert "Fondation Est" in body


def test_coordinator_runs_the_whole_cycle_from_the_pages(client, table, coordinator, actions):
    client.force_login(coordinator)
    base = f"/t/{table.slug}/funding/"
    response = client.post(base + "funders/new/", {"name": "DRSP du Centre"})
    funder = Funder.objects.get()
    assert response.status_code == 302
    response = client.post(
        base + f"funders/{funder.pk}/programs/new/",
        {
            "name": "Soutien régional",
            "amount": "5000",
            "starts_on": "2030-01-01",
            "ends_on": "2030-12-31",
        },
    )
    program = FundingProgram.objects.get()
    assert response.status_code == 302
    client.post(
        base + f"programs/{program.pk}/reporting/new/",
        {"due_on": "2030-06-30", "what": "Rapport d'étape"},
    )
    reporting = ReportingDate.objects.get()
    client.post(base + f"reporting/{reporting.pk}/done/")
    reporting.refresh_from_db()
    assert reporting.is_done
    client.post(
        base + f"programs/{program.pk}/budget/new/", {"action": actions[0].pk, "amount": "4000"}
    )
    response = client.post(
        base + f"programs/{program.pk}/budget/new/", {"action": actions[1].pk, "amount": "1500"}
    )
    assert response.status_code == 200
    assert "500.00 $ more than the 5,000.00 $ granted" in response.content.decode()
    assert BudgetLine.objects.count() == 1
    response = client.get(base + f"funders/{funder.pk}/delete/")
    assert "1 program(s)" in response.content.decode()
    client.post(base + f"funders/{funder.pk}/delete/")
    assert not FundingProgram.objects.exists() and not BudgetLine.objects.exists()
    assert AuditEntry.objects.filter(event=Event.FUNDING_FUNDER_DELETED).count() == 1


def test_backwards_period_from_the_form_changes_nothing(client, table, coordinator):
    funder = FunderFactory(table=table)
    client.force_login(coordinator)
    response = client.post(
        f"/t/{table.slug}/funding/funders/{funder.pk}/programs/new/",
        {
            "name": "Programme",
            "amount": "5000",
            "starts_on": "2030-12-01",
            "ends_on": "2030-01-01",
        },
    )
    assert response.status_code == 200
    assert "The period cannot end before it starts." in response.content.decode()
    assert not FundingProgram.objects.exists()


def test_deleting_a_program_asks_first(client, table, coordinator):
    program = FundingProgramFactory(funder=FunderFactory(table=table))
    client.force_login(coordinator)
    url = f"/t/{table.slug}/funding/programs/{program.pk}/delete/"
    assert "Yes, delete the program" in client.get(url).content.decode()
    assert FundingProgram.objects.exists()
    client.post(url)
    assert not FundingProgram.objects.exists()
