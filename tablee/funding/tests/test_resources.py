"""Resources committed to plan actions: the services, the totals and the pages."""

from datetime import date
from decimal import Decimal

import pytest

from tablee.core.errors import Conflict, InvalidInput
from tablee.core.models import AuditEntry
from tablee.funding import selectors, services
from tablee.funding.audit_events import Event
from tablee.funding.models import ResourceCommitment, ResourceKind
from tablee.funding.tests.factories import (
    ObjectiveFactory,
    PlanActionFactory,
    ProcessFactory,
    ResourceCommitmentFactory,
)

pytestmark = pytest.mark.django_db


def _commit(process, coordinator, action, organization, **values):
    values.setdefault("kind", ResourceKind.STAFF_HOURS)
    return services.resource_commit(
        process=process, actor=coordinator, action=action, organization=organization, **values
    )


def test_committing_a_resource_writes_one_audit_entry(
    process, coordinator, actions, organizations
):
    commitment = _commit(
        process, coordinator, actions[0], organizations[0], quantity=Decimal("12.5")
    )
    assert commitment.unit == "h"
    entries = AuditEntry.objects.filter(table=process.table)
    assert [e.event for e in entries] == [Event.FUNDING_RESOURCE_COMMITTED]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"kind": "staff_hours", "quantity": Decimal("-5")}, "quantity"),
        ({"kind": "staff_hours", "quantity": None}, "quantity"),
        ({"kind": "staff_hours", "quantity": Decimal("250000")}, "quantity"),
        ({"kind": "money", "amount": None}, "amount"),
        ({"kind": "money", "amount": Decimal("-100")}, "amount"),
        ({"kind": "money", "amount": Decimal("0")}, "amount"),
        ({"kind": "money", "amount": Decimal("999999999")}, "amount"),
        ({"kind": "material"}, "quantity"),
        ({"kind": "in_kind", "amount": Decimal("10.001")}, "amount"),
        ({"kind": "nonsense", "amount": Decimal("10")}, "kind"),
    ],
)
def test_bad_figures_are_refused_and_change_nothing(
    process, coordinator, actions, organizations, values, field
):
    with pytest.raises(InvalidInput) as caught:
        _commit(process, coordinator, actions[0], organizations[0], **values)
    assert field in caught.value.extra["fields"]
    assert not ResourceCommitment.objects.exists()
    assert not AuditEntry.objects.exists()


def test_totals_per_organization_and_objective(process, coordinator, actions, organizations):
    kitchen, health = organizations
    _commit(
        process, coordinator, actions[0], kitchen, quantity=Decimal("100"), amount=Decimal("3500")
    )
    _commit(process, coordinator, actions[2], kitchen, quantity=Decimal("20"))
    _commit(process, coordinator, actions[1], health, kind="money", amount=Decimal("5000"))
    _commit(
        process,
        coordinator,
        actions[1],
        health,
        kind="material",
        quantity=Decimal("300"),
        unit="boîtes",
        amount=Decimal("1500.50"),
    )
    _commit(process, coordinator, actions[2], health, kind="in_kind", amount=Decimal("1200"))

    rows = {r["organization"]: r for r in selectors.resources_by_organization(process)}
    assert list(rows) == ["Centre de santé (CSQ)", "Cuisine Amitié"]  # largest value first
    assert rows["Cuisine Amitié"]["hours"] == Decimal("120")
    assert rows["Cuisine Amitié"]["total_value"] == Decimal("3500")
    assert rows["Cuisine Amitié"]["actions"] == 2
    assert rows["Centre de santé (CSQ)"]["money"] == Decimal("5000")
    assert rows["Centre de santé (CSQ)"]["material_value"] == Decimal("1500.50")
    assert rows["Centre de santé (CSQ)"]["in_kind_value"] == Decimal("1200")
    assert rows["Centre de santé (CSQ)"]["total_value"] == Decimal("7700.50")
    assert rows["Centre de santé (CSQ)"]["hours"] == Decimal("0")

    first, second = selectors.resources_by_objective(process)
    assert first["objective"] == "Accès aux aliments"
    assert (first["hours"], first["total_value"], first["organizations"]) == (
        Decimal("100"),
        Decimal("10000.50"),
        2,
    )
    assert (second["hours"], second["total_value"], second["commitments"]) == (
        Decimal("20"),
        Decimal("1200"),
        2,
    )
    totals = selectors.resource_totals(process)
    assert totals["total_value"] == Decimal("11200.50")
    assert totals["organizations"] == 2


def test_totals_leave_out_other_processes_and_dated_actions_outside_the_period(
    process, coordinator, actions, organizations
):
    other = PlanActionFactory(
        objective=ObjectiveFactory(process=ProcessFactory(table=process.table))
    )
    ResourceCommitmentFactory(action=other, organization=organizations[0], quantity=999)
    actions[1].starts_on, actions[1].ends_on = date(2031, 1, 1), date(2031, 6, 30)
    actions[1].save()
    _commit(process, coordinator, actions[0], organizations[0], quantity=Decimal("10"))
    _commit(process, coordinator, actions[1], organizations[0], quantity=Decimal("5"))
    assert selectors.resources_by_organization(process)[0]["hours"] == Decimal("15")
    in_2030 = selectors.resources_by_organization(
        process, start=date(2030, 1, 1), end=date(2030, 12, 31)
    )
    assert in_2030[0]["hours"] == Decimal("10")  # the undated action always counts


def test_a_stale_edit_is_refused(process, coordinator, actions, organizations):
    commitment = _commit(process, coordinator, actions[0], organizations[0], quantity=10)
    services.resource_update(
        commitment=commitment,
        actor=coordinator,
        action=actions[0],
        organization=organizations[0],
        kind="staff_hours",
        quantity=12,
        base_revision=0,
    )
    with pytest.raises(Conflict):
        services.resource_update(
            commitment=commitment,
            actor=coordinator,
            action=actions[0],
            organization=organizations[0],
            kind="staff_hours",
            quantity=99,
            base_revision=0,
        )
    commitment.refresh_from_db()
    assert commitment.quantity == 12


def _url(table, process, suffix=""):
    return f"/t/{table.slug}/processes/{process.slug}/resources/{suffix}"


def test_page_shows_totals_chart_and_commitments(
    client, table, process, coordinator, member, actions, organizations
):
    _commit(
        process,
        coordinator,
        actions[0],
        organizations[0],
        quantity=Decimal("40"),
        amount=Decimal("1400"),
    )
    client.force_login(member)
    response = client.get(_url(table, process))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Value committed per organization" in body and "<svg" in body
    assert "Cuisine Amitié" in body and "1,400.00 $" in body
    assert "Record a commitment" not in body  # members read only


def test_coordinator_records_edits_and_deletes_from_the_pages(
    client, table, process, coordinator, actions, organizations
):
    client.force_login(coordinator)
    data = {
        "action": actions[0].pk,
        "organization": organizations[1].pk,
        "kind": "money",
        "amount": "2500",
        "quantity": "",
        "unit": "",
        "note": "Don",
    }
    response = client.post(_url(table, process, "new/"), data)
    assert response.status_code == 302
    commitment = ResourceCommitment.objects.get()
    response = client.post(
        _url(table, process, f"{commitment.pk}/edit/"),
        {**data, "amount": "3000", "revision": commitment.revision},
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.amount == Decimal("3000")
    assert client.get(_url(table, process, f"{commitment.pk}/delete/")).status_code == 200
    assert ResourceCommitment.objects.exists()  # asking is not deleting
    assert client.post(_url(table, process, f"{commitment.pk}/delete/")).status_code == 302
    assert not ResourceCommitment.objects.exists()
    events = list(AuditEntry.objects.order_by("id").values_list("event", flat=True))
    assert events == [
        Event.FUNDING_RESOURCE_COMMITTED,
        Event.FUNDING_RESOURCE_UPDATED,
        Event.FUNDING_RESOURCE_DELETED,
    ]


def test_negative_amount_from_the_form_is_refused_with_a_message(
    client, table, process, coordinator, actions, organizations
):
    client.force_login(coordinator)
    response = client.post(
        _url(table, process, "new/"),
        {
            "action": actions[0].pk,
            "organization": organizations[0].pk,
            "kind": "money",
            "amount": "-50",
        },
    )
    assert response.status_code == 200
    assert "A negative figure cannot be committed or granted." in response.content.decode()
    assert not ResourceCommitment.objects.exists()


def test_stale_edit_page_keeps_input_and_says_so(
    client, table, process, coordinator, actions, organizations
):
    commitment = _commit(process, coordinator, actions[0], organizations[0], quantity=10)
    client.force_login(coordinator)
    response = client.post(
        _url(table, process, f"{commitment.pk}/edit/"),
        {
            "action": actions[0].pk,
            "organization": organizations[0].pk,
            "kind": "staff_hours",
            "quantity": "77",
            "revision": "5",
        },
    )
    assert response.status_code == 200
    assert "Someone else changed this" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.quantity == 10


def test_an_action_of_another_process_cannot_be_chosen(
    client, table, process, coordinator, actions, organizations
):
    stray = PlanActionFactory(objective=ObjectiveFactory(process=ProcessFactory(table=table)))
    client.force_login(coordinator)
    response = client.post(
        _url(table, process, "new/"),
        {
            "action": stray.pk,
            "organization": organizations[0].pk,
            "kind": "staff_hours",
            "quantity": "5",
        },
    )
    assert response.status_code == 200
    assert not ResourceCommitment.objects.exists()
