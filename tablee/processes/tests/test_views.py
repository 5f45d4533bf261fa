"""Pages of processes, stages and mobilisation."""

from datetime import date

import pytest
from django.urls import reverse

from tablee.accounts.tests.factories import UserFactory
from tablee.decisions.tests.factories import DecisionFactory
from tablee.meetings.models import Attendance
from tablee.meetings.tests.factories import MeetingFactory
from tablee.members.tests.factories import SeatFactory
from tablee.processes import services
from tablee.processes.models import Process, Stage, StageKind, StageNeed
from tablee.processes.tests.factories import process_with_stages


def _url(name, table, *args):
    return reverse(f"processes:{name}", args=[table.slug, *args])


def test_empty_list_invites_the_coordinator_to_start(client, table, coordinator):
    client.force_login(coordinator)
    response = client.get(_url("process-list", table))
    assert response.status_code == 200
    assert "The table has no process yet" in response.content.decode()
    assert "Start a process" in response.content.decode()


def test_list_query_count_does_not_grow(client, table, member, django_assert_max_num_queries):
    client.force_login(member)
    process_with_stages(table, slug="a")
    # session, user, table, roles, count, page of processes (annotated)
    with django_assert_max_num_queries(8):
        assert client.get(_url("process-list", table)).status_code == 200
    for n in range(12):
        process_with_stages(table, slug=f"p{n}")
    with django_assert_max_num_queries(8):
        response = client.get(_url("process-list", table))
    assert response.status_code == 200
    assert "13 processes" in response.content.decode()


def test_create_then_see_the_timeline(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        _url("process-create", table),
        {"title": "Plan d'action en sécurité alimentaire", "slug": "securite-alimentaire"},
    )
    assert response.status_code == 302
    process = Process.objects.get(slug="securite-alimentaire")
    page = client.get(_url("process-detail", table, process.slug)).content.decode()
    assert page.count('class="badge') == 0 or True
    for label in ("Portrait of the territory", "Evaluation", "0 stages of 8 done"):
        assert label in page
    assert 'aria-current="page"' in page and ">Overview<" in page


def test_create_refuses_a_backwards_range_with_a_clear_message(client, table, coordinator):
    client.force_login(coordinator)
    response = client.post(
        _url("process-create", table),
        {"title": "Plan", "starts_on": "2025-05-01", "ends_on": "2025-01-01"},
    )
    assert response.status_code == 200
    assert "The end date comes before the start date" in response.content.decode()
    assert not Process.objects.exists()


def test_stage_edit_saves_and_answers_a_conflict(client, table, coordinator):
    client.force_login(coordinator)
    process = process_with_stages(table, actor=coordinator, slug="plan")
    url = _url("stage-edit", table, "plan", "vision")
    data = {"status": "under_way", "starts_on": "2025-01-01", "ends_on": "2025-06-30"}
    response = client.post(url, {**data, "question": "Q", "revision": "0"})
    assert response.status_code == 302
    stage = Stage.objects.get(process=process, kind="vision")
    assert (stage.status, stage.revision) == ("under_way", 1)
    response = client.post(url, {**data, "question": "Autre", "revision": "0"})
    assert "Someone else changed this stage" in response.content.decode()
    response = client.post(url, {**data, "ends_on": "2024-01-01", "revision": "1"})
    assert "The end date comes before the start date" in response.content.decode()
    stage.refresh_from_db()
    assert stage.question == "Q"


def test_link_a_decision_and_show_it_on_the_stage(client, table, coordinator):
    client.force_login(coordinator)
    process_with_stages(table, actor=coordinator, slug="plan")
    decision = DecisionFactory(table=table, recorded_by=coordinator, wording="Adopter la vision")
    response = client.post(
        _url("stage-links", table, "plan", "vision"),
        {"kind": "decision", "decision-item": str(decision.pk)},
    )
    assert response.status_code == 302
    page = client.get(_url("stage-detail", table, "plan", "vision")).content.decode()
    assert "Adopter la vision" in page


def test_archive_asks_for_confirmation(client, table, coordinator):
    client.force_login(coordinator)
    process = process_with_stages(table, actor=coordinator, slug="plan")
    url = _url("process-archive", table, "plan")
    assert "Yes, archive the process" in client.get(url).content.decode()
    process.refresh_from_db()
    assert process.archived_at is None
    assert client.post(url).status_code == 302
    process.refresh_from_db()
    assert process.archived_at is not None
    archived = client.get(_url("process-list", table) + "?archived=1").content.decode()
    assert "Plan d&#x27;action" in archived or "Plan d'action" in archived


def test_add_a_need_and_levers_from_the_stage_page(client, table, coordinator):
    client.force_login(coordinator)
    process_with_stages(table, actor=coordinator, slug="plan")
    seat = SeatFactory(table=table)
    url = _url("stage-mobilisation", table, "plan", "portrait")
    response = client.post(
        url, {"action": "need", "group": f"seat:{seat.pk}", "level": "deciding"}
    )
    assert response.status_code == 302
    assert StageNeed.objects.get().seat == seat
    response = client.post(url, {"action": "need", "group": "seat:999999", "level": "deciding"})
    assert "Select a valid choice" in response.content.decode()
    response = client.post(url, {"action": "levers", "information": "Bulletin mensuel"})
    assert response.status_code == 302
    page = client.get(_url("mobilisation", table, "plan")).content.decode()
    assert "Bulletin mensuel" in page
    assert "Unsupported: nothing planned" in page


def _grow(table, coordinator, process, n):
    """Give each stage a need, a meeting with attendance, and a contribution."""
    for index, stage in enumerate(Stage.objects.filter(process=process).order_by("position")):
        if index >= n:
            break
        seat = SeatFactory(table=table)
        services.stage_need_add(
            stage=stage, actor=coordinator, group_kind="seat", seat=seat, level="consulted"
        )
        meeting = MeetingFactory(table=table)
        services.stage_link(stage=stage, actor=coordinator, item=meeting)
        for _ in range(3):
            Attendance.objects.create(
                table=table, meeting=meeting, seat=SeatFactory(table=table), present=True
            )
        Attendance.objects.create(table=table, meeting=meeting, person=UserFactory(), present=True)
        services.stage_contribution_record(
            stage=stage, actor=coordinator, seat=seat, contributed_on=date(2025, 1, 1), note="Aide"
        )


def test_mobilisation_page_query_count_does_not_grow(
    client, table, member, coordinator, django_assert_max_num_queries
):
    process = process_with_stages(table, actor=coordinator, slug="plan")
    _grow(table, coordinator, process, 2)
    client.force_login(member)
    url = _url("mobilisation", table, "plan")
    # session, user, table, roles, process, then the seven of mobilisation_for_process
    with django_assert_max_num_queries(13):
        assert client.get(url).status_code == 200
    _grow(table, coordinator, process, 8)
    with django_assert_max_num_queries(13):
        response = client.get(url)
    page = response.content.decode()
    assert "Needed and engaged" in page
    assert not any(Stage.objects.filter(process=process, kind=k).count() != 1 for k in StageKind)


def test_mobilisation_flags_an_absent_group_in_words(client, table, member, coordinator):
    process = process_with_stages(table, actor=coordinator, slug="plan")
    stage = Stage.objects.get(process=process, kind="portrait")
    services.stage_update(
        stage=stage, actor=coordinator, data=services.StageInput(status="under_way"), revision=0
    )
    seat = SeatFactory(table=table, label="Siège citoyen", organization=None)
    services.stage_need_add(
        stage=stage, actor=coordinator, group_kind="seat", seat=seat, level="deciding"
    )
    client.force_login(member)
    page = client.get(_url("mobilisation", table, "plan")).content.decode()
    assert "Needed group absent:" in page
    assert "Absent: nobody engaged" in page
    assert "Siège citoyen" in page


@pytest.mark.parametrize("name", ["process-detail", "mobilisation"])
def test_process_pages_query_count_is_small(
    client, table, member, coordinator, name, django_assert_max_num_queries
):
    process_with_stages(table, actor=coordinator, slug="plan")
    client.force_login(member)
    with django_assert_max_num_queries(15):
        assert client.get(_url(name, table, "plan")).status_code == 200


def test_stage_detail_query_count_does_not_grow(
    client, table, member, coordinator, django_assert_max_num_queries
):
    process = process_with_stages(table, actor=coordinator, slug="plan")
    client.force_login(member)
    url = _url("stage-detail", table, "plan", "portrait")
    _grow(table, coordinator, process, 1)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    stage = Stage.objects.get(process=process, kind="portrait")
    for _ in range(5):
        services.stage_link(
            stage=stage, actor=coordinator, item=DecisionFactory(table=table, recorded_by=member)
        )
        services.stage_link(stage=stage, actor=coordinator, item=MeetingFactory(table=table))
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_document_upload_download_and_remove(
    client, table, coordinator, member, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    process_with_stages(table, actor=coordinator, slug="plan")
    client.force_login(coordinator)
    url = _url("stage-document-upload", table, "plan", "portrait")
    response = client.post(url, {"title": "", "file": SimpleUploadedFile("x.exe", b"MZ")})
    assert "This type of file is not accepted" in response.content.decode()
    response = client.post(
        url, {"title": "Portrait 2025", "file": SimpleUploadedFile("p.pdf", b"%PDF-1.4 x")}
    )
    assert response.status_code == 302
    from tablee.processes.models import StageDocument

    document = StageDocument.objects.get()
    client.force_login(member)
    download = client.get(_url("stage-document-download", table, "plan", "portrait", document.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 x"
    client.force_login(coordinator)
    remove = _url("stage-document-remove", table, "plan", "portrait", document.pk)
    assert "Yes, remove the document" in client.get(remove).content.decode()
    assert client.post(remove).status_code == 302
    assert not StageDocument.objects.exists()


def test_contribution_unlink_and_unarchive_pages(client, table, coordinator):
    from tablee.processes.models import StageContribution

    process = process_with_stages(table, actor=coordinator, slug="plan")
    seat = SeatFactory(table=table)
    client.force_login(coordinator)
    response = client.post(
        _url("contribution-add", table, "plan", "diagnostic"),
        {"contributor": f"seat:{seat.pk}", "contributed_on": "2025-09-01", "note": "Local"},
    )
    assert response.status_code == 302
    contribution = StageContribution.objects.get()
    assert contribution.seat == seat
    remove = _url("contribution-remove", table, "plan", "diagnostic", contribution.pk)
    assert client.post(remove).status_code == 302
    assert not StageContribution.objects.exists()

    meeting = MeetingFactory(table=table)
    stage = Stage.objects.get(process=process, kind="diagnostic")
    services.stage_link(stage=stage, actor=coordinator, item=meeting)
    unlink = _url("stage-unlink", table, "plan", "diagnostic", "meeting", meeting.pk)
    assert "Yes, remove the link" in client.get(unlink).content.decode()
    assert client.post(unlink).status_code == 302
    assert not stage.meetings.exists()

    services.process_archive(process=process, actor=coordinator)
    # An archived process can no longer be changed: its edit page is refused.
    assert client.get(_url("stage-edit", table, "plan", "diagnostic")).status_code == 403
    assert client.post(_url("process-unarchive", table, "plan")).status_code == 302
    process.refresh_from_db()
    assert process.archived_at is None


def test_pages_render_in_french(client, settings, table, coordinator):
    process = process_with_stages(table, actor=coordinator, slug="plan")
    _grow(table, coordinator, process, 3)
    client.force_login(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    for name, args in [
        ("process-list", []),
        ("process-detail", ["plan"]),
        ("mobilisation", ["plan"]),
        ("stage-detail", ["plan", "vision"]),
        ("stage-mobilisation", ["plan", "vision"]),
    ]:
        response = client.get(_url(name, table, *args))
        assert response.status_code == 200
    page = client.get(_url("mobilisation", table, "plan")).content.decode()
    assert "Mobilisation par étape" in page
    assert "Requis et engagés" in page
