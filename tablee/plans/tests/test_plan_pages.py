"""The plan outline, the action pages and the forms that write the plan."""

import pytest

from tablee.core.models import AuditEntry
from tablee.members.tests.factories import SeatFactory
from tablee.plans.models import Objective, PlanAction
from tablee.plans.tests.conftest import plan_url
from tablee.plans.tests.factories import (
    ActionPartnerFactory,
    AxisFactory,
    ObjectiveFactory,
    PlanActionFactory,
)

pytestmark = pytest.mark.django_db


def test_plan_shows_objectives_axes_and_actions_as_an_outline(
    client, table, member, process, objective, organization
):
    axis = AxisFactory(objective=objective, title="Soutenir les épiceries solidaires")
    action = PlanActionFactory(
        objective=objective,
        axis=axis,
        title="Ouvrir une épicerie solidaire",
        accountable_organization=organization,
    )
    ActionPartnerFactory(action=action, organization=SeatFactory(table=table).organization)
    PlanActionFactory(objective=objective, title="Action sans stratégie")
    client.force_login(member)
    response = client.get(plan_url(table, process, "plan/"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Objective 1: Améliorer l&#x27;accès aux aliments frais" in body
    assert "Strategy: Soutenir les épiceries solidaires" in body
    assert "Ouvrir une épicerie solidaire" in body
    assert "Other actions of this objective" in body
    assert "New objective" not in body  # members read only


def test_coordinator_adds_an_objective(client, table, coordinator, process):
    client.force_login(coordinator)
    response = client.post(
        plan_url(table, process, "plan/objectives/new/"),
        {"title": "Réduire l'insécurité alimentaire", "description": ""},
    )
    assert response.status_code == 302
    assert Objective.objects.get(process=process).title == "Réduire l'insécurité alimentaire"
    assert AuditEntry.objects.filter(event="plan_objective_created").count() == 1


def _action_post(objective, **extra):
    data = {
        "title": "Cuisines collectives dans les HLM",
        "description": "",
        "objective": objective.pk,
        "axis": "",
        "accountable_organization": "",
        "accountable_person": "",
        "starts_on": "2026-01-10",
        "ends_on": "2026-06-30",
        "status": "planned",
        "origin": "co_constructed",
        "revision": "",
        "partners-TOTAL_FORMS": "3",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "40",
    }
    for index in range(3):
        data[f"partners-{index}-organization"] = ""
        data[f"partners-{index}-role"] = "contributes"
        data[f"partners-{index}-role_detail"] = ""
    data.update(extra)
    return data


def test_coordinator_creates_an_action_with_partners(
    client, table, coordinator, member, process, objective, organization
):
    partner = SeatFactory(table=table).organization
    client.force_login(coordinator)
    response = client.post(
        plan_url(table, process, "plan/actions/new/"),
        _action_post(
            objective,
            accountable_organization=organization.pk,
            accountable_person=member.pk,
            origin="fixed",
            **{
                "partners-0-organization": partner.pk,
                "partners-0-role": "supports",
                "partners-0-role_detail": "Prête sa cuisine",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()
    action = PlanAction.objects.get(process=process)
    assert action.accountable_person == member
    assert action.origin == "fixed"
    assert [(p.organization, p.role, p.role_detail) for p in action.partners.all()] == [
        (partner, "supports", "Prête sa cuisine")
    ]
    assert AuditEntry.objects.filter(event="plan_action_created").count() == 1
    page = client.get(response["Location"])
    assert "Prête sa cuisine" in page.content.decode()


def test_action_form_refuses_an_axis_of_another_objective(
    client, table, coordinator, process, objective
):
    other_axis = AxisFactory(objective=ObjectiveFactory(process=process))
    client.force_login(coordinator)
    response = client.post(
        plan_url(table, process, "plan/actions/new/"), _action_post(objective, axis=other_axis.pk)
    )
    assert response.status_code == 200
    assert "This strategy belongs to another objective" in response.content.decode()
    assert not PlanAction.objects.exists()


def test_action_form_refuses_an_end_before_the_start(
    client, table, coordinator, process, objective
):
    client.force_login(coordinator)
    response = client.post(
        plan_url(table, process, "plan/actions/new/"),
        _action_post(objective, starts_on="2026-05-01", ends_on="2026-04-01"),
    )
    assert response.status_code == 200
    assert "The end comes before the start" in response.content.decode()
    assert not PlanAction.objects.exists()


def test_stale_edit_is_refused_and_shows_the_other_version(
    client, table, coordinator, process, objective
):
    action = PlanActionFactory(objective=objective, title="Version initiale", revision=3)
    client.force_login(coordinator)
    response = client.post(
        plan_url(table, process, f"plan/actions/{action.pk}/edit/"),
        _action_post(objective, title="Ma version", revision="2"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "The version saved in the meantime" in body
    action.refresh_from_db()
    assert action.title == "Version initiale"
    assert action.revision == 3


def test_deleting_an_objective_with_actions_is_refused(
    client, table, coordinator, process, objective
):
    PlanActionFactory(objective=objective)
    client.force_login(coordinator)
    url = plan_url(table, process, f"plan/objectives/{objective.pk}/delete/")
    page = client.get(url)
    assert "cannot be deleted yet" in page.content.decode()
    response = client.post(url)
    assert response.status_code == 200
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_deleting_an_empty_objective_asks_then_deletes(
    client, table, coordinator, process, objective
):
    client.force_login(coordinator)
    url = plan_url(table, process, f"plan/objectives/{objective.pk}/delete/")
    assert "Yes, delete" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Objective.objects.filter(pk=objective.pk).exists()


def test_moving_an_objective_down_reorders_the_plan(client, table, coordinator, process):
    first = ObjectiveFactory(process=process, position=0, title="Premier")
    second = ObjectiveFactory(process=process, position=1, title="Second")
    client.force_login(coordinator)
    response = client.post(
        plan_url(table, process, f"plan/objectives/{first.pk}/move/"), {"direction": "down"}
    )
    assert response.status_code == 302
    titles = list(Objective.objects.filter(process=process).values_list("title", flat=True))
    assert titles == ["Second", "Premier"]
    assert second.pk


def test_timeline_draws_bars_and_a_table(client, table, member, process, objective):
    from datetime import date

    PlanActionFactory(
        objective=objective,
        title="Jardin collectif",
        starts_on=date(2026, 3, 1),
        ends_on=date(2026, 9, 30),
    )
    PlanActionFactory(objective=objective, title="Sans dates")
    client.force_login(member)
    response = client.get(plan_url(table, process, "timeline/"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and "Jardin collectif" in body
    assert "2026-09-30" in body
    assert "1 action has no dates yet" in body


def test_coordinator_attaches_a_meeting_action_shown_on_both_pages(
    client, table, coordinator, process, objective
):
    from tablee.actions.tests.factories import ActionItemFactory

    action = PlanActionFactory(objective=objective, title="Jardin collectif")
    item = ActionItemFactory(table=table, created_by=coordinator, title="Réserver la salle")
    ActionItemFactory(table=table, created_by=coordinator, status="done", title="Déjà fait")
    client.force_login(coordinator)
    detail = client.get(plan_url(table, process, f"plan/actions/{action.pk}/")).content.decode()
    assert "Réserver la salle" in detail and "Déjà fait" not in detail
    response = client.post(
        plan_url(table, process, f"plan/actions/{action.pk}/meeting-actions/"), {"item": item.pk}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.plan_action == action
    detail = client.get(plan_url(table, process, f"plan/actions/{action.pk}/")).content.decode()
    assert f"/t/{table.slug}/actions/{item.pk}/" in detail
    meeting_page = client.get(f"/t/{table.slug}/actions/{item.pk}/").content.decode()
    assert "Contributes to the plan" in meeting_page and "Jardin collectif" in meeting_page


def test_dashboard_filters_by_organization_as_partner_and_by_health(
    client, table, member, process, objective, organization
):
    from datetime import timedelta

    from django.utils import timezone

    past = timezone.localdate() - timedelta(days=5)
    late = PlanActionFactory(objective=objective, title="En retard", ends_on=past)
    ActionPartnerFactory(action=late, organization=organization)
    PlanActionFactory(objective=objective, title="Dans les temps")
    PlanActionFactory(objective=objective, title="Bloquée", status="suspended")
    client.force_login(member)
    url = plan_url(table, process, "dashboard/")
    body = client.get(url, {"organization": organization.pk}).content.decode()
    assert "En retard" in body and "Dans les temps" not in body
    body = client.get(url, {"health": "blocked"}).content.decode()
    assert "Bloquée" in body and "En retard" not in body
    body = client.get(url).content.decode()
    assert "Past its end date" in body
    partial = client.get(url, {"health": "late"}, HTTP_HX_REQUEST="true").content.decode()
    assert "En retard" in partial and "<html" not in partial
