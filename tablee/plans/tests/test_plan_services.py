"""Services of the plan: each writes one audit entry; bad input changes nothing."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tablee.accounts.tests.factories import UserFactory
from tablee.actions.tests.factories import ActionItemFactory
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry
from tablee.members.tests.factories import OrganizationFactory, SeatFactory
from tablee.plans import services
from tablee.plans.models import ActionPartner, PlanAction, ProgressUpdate
from tablee.plans.tests.factories import AxisFactory, ObjectiveFactory, PlanActionFactory

pytestmark = pytest.mark.django_db


def _input(objective, **extra):
    values = {"title": "Marché mobile l'été", "objective": objective}
    values.update(extra)
    return services.ActionInput(**values)


def _events():
    return list(AuditEntry.objects.order_by("id").values_list("event", flat=True))


def test_action_create_writes_action_partners_and_one_audit_entry(
    table, coordinator, member, process, objective, organization
):
    partner = SeatFactory(table=table).organization
    action = services.plan_action_create(
        process=process,
        actor=coordinator,
        data=_input(
            objective,
            accountable_organization=organization,
            accountable_person=member,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            partners=[
                services.PartnerInput(organization=partner, role="lead", role_detail="Co-porte")
            ],
        ),
    )
    assert action.position == 0
    assert ActionPartner.objects.get(action=action).role == "lead"
    assert _events() == ["plan_action_created"]


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"title": "  "}, "title"),
        ({"ends_on": date(2026, 1, 1), "starts_on": date(2026, 2, 1)}, "ends_on"),
        ({"status": "unknown"}, "status"),
        ({"origin": "whatever"}, "origin"),
    ],
)
def test_bad_action_input_changes_nothing(coordinator, process, objective, bad, field):
    with pytest.raises(InvalidInput) as error:
        services.plan_action_create(
            process=process, actor=coordinator, data=_input(objective, **bad)
        )
    assert field in error.value.extra["fields"]
    assert not PlanAction.objects.exists()
    assert not AuditEntry.objects.exists()


def test_axis_must_belong_to_the_objective(coordinator, process, objective):
    other = AxisFactory(objective=ObjectiveFactory(process=process))
    with pytest.raises(InvalidInput) as error:
        services.plan_action_create(
            process=process, actor=coordinator, data=_input(objective, axis=other)
        )
    assert "axis" in error.value.extra["fields"]
    assert not PlanAction.objects.exists()


def test_accountable_organization_must_hold_a_seat(coordinator, process, objective):
    with pytest.raises(InvalidInput):
        services.plan_action_create(
            process=process,
            actor=coordinator,
            data=_input(objective, accountable_organization=OrganizationFactory()),
        )
    assert not PlanAction.objects.exists()


def test_accountable_person_must_sit_at_the_table(coordinator, process, objective):
    with pytest.raises(InvalidInput):
        services.plan_action_create(
            process=process,
            actor=coordinator,
            data=_input(objective, accountable_person=UserFactory()),
        )


def test_partner_listed_twice_is_refused(table, coordinator, process, objective, organization):
    partners = [services.PartnerInput(organization=organization)] * 2
    with pytest.raises(InvalidInput):
        services.plan_action_create(
            process=process, actor=coordinator, data=_input(objective, partners=partners)
        )
    assert not ActionPartner.objects.exists()


def test_stale_update_is_refused(coordinator, process, objective):
    action = PlanActionFactory(objective=objective, revision=2, title="Avant")
    with pytest.raises(Conflict):
        services.plan_action_update(
            action=action,
            actor=coordinator,
            data=_input(objective, title="Après"),
            base_revision=1,
        )
    action.refresh_from_db()
    assert action.title == "Avant"
    assert not AuditEntry.objects.exists()


def test_update_records_only_what_changed(coordinator, process, objective):
    action = PlanActionFactory(objective=objective, title="Avant")
    services.plan_action_update(
        action=action, actor=coordinator, data=_input(objective, title="Après"), base_revision=0
    )
    entry = AuditEntry.objects.get()
    assert entry.event == "plan_action_updated"
    assert entry.changes == {"old": {"title": "Avant"}, "new": {"title": "Après"}}


def test_objective_with_actions_cannot_be_deleted(coordinator, objective):
    PlanActionFactory(objective=objective)
    with pytest.raises(InvalidTransition):
        services.objective_delete(objective=objective, actor=coordinator)
    assert not AuditEntry.objects.exists()


def test_deleting_an_axis_keeps_its_actions(coordinator, objective):
    axis = AxisFactory(objective=objective)
    action = PlanActionFactory(objective=objective, axis=axis)
    services.axis_delete(axis=axis, actor=coordinator)
    action.refresh_from_db()
    assert action.axis is None
    assert _events() == ["plan_axis_deleted"]


def test_moving_past_the_end_is_refused(coordinator, objective):
    only = PlanActionFactory(objective=objective)
    with pytest.raises(InvalidTransition):
        services.plan_action_move(action=only, actor=coordinator, direction="up")


def test_moving_swaps_neighbours(coordinator, objective):
    first = PlanActionFactory(objective=objective, position=0)
    second = PlanActionFactory(objective=objective, position=1)
    services.plan_action_move(action=second, actor=coordinator, direction="up")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.position, first.position) == (0, 1)
    assert _events() == ["plan_action_moved"]


def test_objective_update_refuses_a_stale_revision(coordinator, objective):
    with pytest.raises(Conflict):
        services.objective_update(
            objective=objective, actor=coordinator, title="X", description="", base_revision=5
        )


# ---------------------------------------------------------------- progress


def test_progress_sets_the_status_of_the_action(member, objective):
    action = PlanActionFactory(objective=objective, accountable_person=member)
    update = services.progress_record(
        action=action,
        actor=member,
        reported_on=timezone.localdate(),
        status="under_way",
        note="Premier atelier tenu.",
    )
    action.refresh_from_db()
    assert action.status == "under_way"
    assert action.revision == 1
    assert update.author == member
    assert _events() == ["plan_progress_recorded"]


def test_progress_in_the_future_is_refused(member, objective):
    action = PlanActionFactory(objective=objective)
    with pytest.raises(InvalidInput):
        services.progress_record(
            action=action,
            actor=member,
            reported_on=timezone.localdate() + timedelta(days=2),
            status="done",
        )
    action.refresh_from_db()
    assert action.status == "planned"
    assert not ProgressUpdate.objects.exists()


def test_evidence_whose_content_does_not_match_is_refused(member, objective, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    action = PlanActionFactory(objective=objective)
    fake = SimpleUploadedFile(
        "rapport.pdf", b"MZ not a pdf at all", content_type="application/pdf"
    )
    with pytest.raises(InvalidInput) as error:
        services.progress_record(
            action=action,
            actor=member,
            reported_on=timezone.localdate(),
            status="done",
            evidence=fake,
        )
    assert "evidence" in error.value.extra["fields"]
    assert not ProgressUpdate.objects.exists()
    assert not list(tmp_path.rglob("*.pdf"))


def test_evidence_is_stored_with_its_name(member, objective, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    action = PlanActionFactory(objective=objective)
    pdf = SimpleUploadedFile("bilan.pdf", b"%PDF-1.4 bilan", content_type="application/pdf")
    update = services.progress_record(
        action=action, actor=member, reported_on=timezone.localdate(), status="done", evidence=pdf
    )
    assert update.evidence_name == "bilan.pdf"
    assert update.evidence_content_type == "application/pdf"
    assert update.evidence.name.startswith(f"plans/{action.table_id}/")


# ---------------------------------------------------------------- meeting actions


def test_attach_and_detach_a_meeting_action(table, coordinator, objective):
    action = PlanActionFactory(objective=objective)
    item = ActionItemFactory(table=table, created_by=coordinator)
    services.meeting_action_attach(plan_action=action, item=item, actor=coordinator)
    item.refresh_from_db()
    assert item.plan_action == action
    with pytest.raises(InvalidTransition):
        services.meeting_action_attach(plan_action=action, item=item, actor=coordinator)
    services.meeting_action_detach(plan_action=action, item=item, actor=coordinator)
    item.refresh_from_db()
    assert item.plan_action is None
    assert _events() == ["plan_meeting_action_attached", "plan_meeting_action_detached"]


def test_a_finished_meeting_action_cannot_be_attached(table, coordinator, objective):
    action = PlanActionFactory(objective=objective)
    item = ActionItemFactory(table=table, created_by=coordinator, status="done")
    with pytest.raises(InvalidTransition):
        services.meeting_action_attach(plan_action=action, item=item, actor=coordinator)


def test_deleting_a_plan_action_keeps_its_meeting_actions(table, coordinator, objective):
    action = PlanActionFactory(objective=objective)
    item = ActionItemFactory(table=table, created_by=coordinator, plan_action=action)
    services.plan_action_delete(action=action, actor=coordinator)
    item.refresh_from_db()
    assert item.plan_action is None
    assert _events() == ["plan_action_deleted"]
