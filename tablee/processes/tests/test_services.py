"""Services of processes and stages: each writes one audit entry, bad input changes nothing."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEntry
from tablee.decisions.tests.factories import DecisionFactory
from tablee.meetings.tests.factories import MeetingFactory
from tablee.members.tests.factories import SeatFactory
from tablee.processes import services
from tablee.processes.audit_events import Event
from tablee.processes.models import (
    Process,
    Stage,
    StageDocument,
    StageKind,
    StageLever,
    StageNeed,
    StageStatus,
)
from tablee.processes.tests.factories import process_with_stages


def _entries(event) -> int:
    return AuditEntry.objects.filter(event=event).count()


def test_creating_a_process_creates_its_eight_stages_in_order(table, coordinator):
    process = services.process_create(
        table=table,
        actor=coordinator,
        data=services.ProcessInput(
            title="Plan d'action 2025-2028",
            starts_on=date(2025, 4, 1),
            ends_on=date(2028, 3, 31),
        ),
    )
    assert process.slug == "plan-daction-2025-2028"
    stages = list(Stage.objects.filter(process=process).order_by("position"))
    assert [s.kind for s in stages] == list(StageKind.values)
    assert [s.position for s in stages] == list(range(1, 9))
    assert all(s.question and s.status == StageStatus.TO_COME for s in stages)
    assert AuditEntry.objects.filter(table=table).count() == 1
    assert _entries(Event.PROCESS_CREATED) == 1


def test_slugs_are_unique_in_the_table(table, coordinator):
    first = process_with_stages(table, actor=coordinator, title="Plan")
    second = process_with_stages(table, actor=coordinator, title="Plan")
    assert (first.slug, second.slug) == ("plan", "plan-2")
    with pytest.raises(InvalidInput):
        process_with_stages(table, actor=coordinator, slug="plan")
    with pytest.raises(InvalidInput):
        process_with_stages(table, actor=coordinator, slug="Pas Bon")
    with pytest.raises(InvalidInput):
        process_with_stages(table, actor=coordinator, slug="new")


def test_a_backwards_date_range_is_refused(table, coordinator):
    with pytest.raises(InvalidInput) as error:
        services.process_create(
            table=table,
            actor=coordinator,
            data=services.ProcessInput(
                title="Plan", starts_on=date(2025, 4, 1), ends_on=date(2025, 3, 1)
            ),
        )
    assert "ends_on" in error.value.extra["fields"]
    assert not Process.objects.exists()
    process = process_with_stages(table, actor=coordinator)
    stage = Stage.objects.get(process=process, kind="portrait")
    with pytest.raises(InvalidInput):
        services.stage_update(
            stage=stage,
            actor=coordinator,
            data=services.StageInput(
                status="under_way", starts_on=date(2025, 5, 1), ends_on=date(2025, 1, 1)
            ),
            revision=0,
        )
    stage.refresh_from_db()
    assert stage.starts_on is None and stage.revision == 0


def test_a_stale_revision_is_refused(table, coordinator):
    process = process_with_stages(table, actor=coordinator)
    services.process_update(
        process=process, actor=coordinator, data=services.ProcessInput(title="A"), revision=0
    )
    with pytest.raises(Conflict):
        services.process_update(
            process=process, actor=coordinator, data=services.ProcessInput(title="B"), revision=0
        )
    process.refresh_from_db()
    assert process.title == "A"
    stage = Stage.objects.get(process=process, kind="vision")
    data = services.StageInput(status="under_way", question="Quel avenir?")
    services.stage_update(stage=stage, actor=coordinator, data=data, revision=0)
    with pytest.raises(Conflict):
        services.stage_update(stage=stage, actor=coordinator, data=data, revision=0)
    assert _entries(Event.PROCESS_STAGE_UPDATED) == 1


def test_an_archived_process_is_read_only_until_brought_back(table, coordinator):
    process = process_with_stages(table, actor=coordinator)
    services.process_archive(process=process, actor=coordinator)
    stage = Stage.objects.get(process=process, kind="portrait")
    with pytest.raises(InvalidTransition):
        services.stage_update(
            stage=stage, actor=coordinator, data=services.StageInput(status="done"), revision=0
        )
    with pytest.raises(InvalidTransition):
        services.process_archive(process=process, actor=coordinator)
    services.process_unarchive(process=process, actor=coordinator)
    services.stage_update(
        stage=stage, actor=coordinator, data=services.StageInput(status="done"), revision=0
    )
    assert _entries(Event.PROCESS_ARCHIVED) == _entries(Event.PROCESS_UNARCHIVED) == 1


def test_link_and_unlink_items_of_the_same_table(table, coordinator, other_table):
    process = process_with_stages(table, actor=coordinator)
    stage = Stage.objects.get(process=process, kind="vision")
    decision = DecisionFactory(table=table, recorded_by=coordinator)
    services.stage_link(stage=stage, actor=coordinator, item=decision)
    assert list(stage.decisions.all()) == [decision]
    with pytest.raises(InvalidTransition):
        services.stage_link(stage=stage, actor=coordinator, item=decision)
    services.stage_unlink(stage=stage, actor=coordinator, item=decision)
    assert not stage.decisions.exists()
    with pytest.raises(AssertionError):
        services.stage_link(stage=stage, actor=coordinator, item=MeetingFactory(table=other_table))
    assert _entries(Event.PROCESS_STAGE_LINKED) == _entries(Event.PROCESS_STAGE_UNLINKED) == 1


def test_documents_are_checked_like_meeting_documents(table, coordinator, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    process = process_with_stages(table, actor=coordinator)
    stage = Stage.objects.get(process=process, kind="portrait")
    with pytest.raises(InvalidInput):
        services.stage_document_add(
            stage=stage, actor=coordinator, uploaded=SimpleUploadedFile("x.exe", b"MZ....")
        )
    with pytest.raises(InvalidInput):
        services.stage_document_add(
            stage=stage, actor=coordinator, uploaded=SimpleUploadedFile("faux.pdf", b"hello")
        )
    document = services.stage_document_add(
        stage=stage,
        actor=coordinator,
        uploaded=SimpleUploadedFile("portrait.pdf", b"%PDF-1.4 portrait"),
        title="Portrait du quartier",
    )
    assert document.content_type == "application/pdf"
    assert document.title == "Portrait du quartier"
    services.stage_document_remove(document=document, actor=coordinator)
    assert not StageDocument.objects.exists()
    assert _entries(Event.PROCESS_DOCUMENT_ADDED) == _entries(Event.PROCESS_DOCUMENT_REMOVED) == 1


def test_needs_levers_and_contributions(table, coordinator):
    process = process_with_stages(table, actor=coordinator)
    stage = Stage.objects.get(process=process, kind="diagnostic")
    seat = SeatFactory(table=table)
    need = services.stage_need_add(
        stage=stage, actor=coordinator, group_kind="seat", seat=seat, level="deciding"
    )
    with pytest.raises(InvalidInput):
        services.stage_need_add(
            stage=stage, actor=coordinator, group_kind="seat", seat=seat, level="deciding"
        )
    with pytest.raises(InvalidInput):
        services.stage_need_add(
            stage=stage,
            actor=coordinator,
            group_kind="actor_type",
            actor_type="x",
            level="deciding",
        )
    with pytest.raises(InvalidInput):
        services.stage_need_add(
            stage=stage, actor=coordinator, group_kind="seat", seat=seat, level="loud"
        )
    services.stage_need_remove(need=need, actor=coordinator)
    assert not StageNeed.objects.exists()

    services.stage_levers_save(stage=stage, actor=coordinator, means={"information": "Bulletin"})
    services.stage_levers_save(
        stage=stage, actor=coordinator, means={"information": "Bulletin", "resources": "2 000 $"}
    )
    assert StageLever.objects.filter(stage=stage).count() == 4
    assert dict(StageLever.objects.values_list("lever", "means"))["resources"] == "2 000 $"

    with pytest.raises(InvalidInput):
        services.stage_contribution_record(
            stage=stage, actor=coordinator, contributed_on=date(2025, 1, 1), note="x"
        )
    with pytest.raises(InvalidInput):
        services.stage_contribution_record(
            stage=stage, actor=coordinator, seat=seat, contributed_on=date(2025, 1, 1), note=" "
        )
    contribution = services.stage_contribution_record(
        stage=stage, actor=coordinator, seat=seat, contributed_on=date(2025, 1, 1), note="Local"
    )
    services.stage_contribution_remove(contribution=contribution, actor=coordinator)
    for event in (
        Event.PROCESS_NEED_ADDED,
        Event.PROCESS_NEED_REMOVED,
        Event.PROCESS_CONTRIBUTION_RECORDED,
        Event.PROCESS_CONTRIBUTION_REMOVED,
    ):
        assert _entries(event) == 1
    assert _entries(Event.PROCESS_LEVERS_SAVED) == 2
