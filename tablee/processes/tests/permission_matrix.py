"""Expected answers of the processes' URLs for every role (see tablee/testing/matrix.py)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tablee.testing.matrix import Expect, coordination, statuses, table_read

TABLE_READ = table_read()
COORDINATION = coordination()
API_READ = table_read(anonymous=401)
# Without a body: the permission gate answers first (401/403/404); allowed
# roles reach validation, which refuses the empty body (409).
API_WRITE = statuses(
    anonymous=401,
    observer=403,
    member=403,
    coordinator=409,
    other_coordinator=404,
    platform_admin=409,
)


def _process(world):
    from tablee.decisions.tests.factories import DecisionFactory
    from tablee.members.tests.factories import SeatFactory
    from tablee.processes.models import Stage, StageContribution, StageDocument, StageNeed
    from tablee.processes.services import ProcessInput, process_archive, process_create

    coordinator = world.people["coordinator"]
    process = process_create(
        table=world.table, actor=coordinator, data=ProcessInput(title="Plan", slug="plan")
    )
    stage = Stage.objects.get(process=process, kind="portrait")
    decision = DecisionFactory(table=world.table, number=1, recorded_by=coordinator)
    stage.decisions.add(decision)
    name = default_storage.save("processes/matrix.pdf", ContentFile(b"%PDF-1.4 matrix"))
    document = StageDocument.objects.create(
        table=world.table,
        stage=stage,
        title="Portrait",
        file=name,
        original_name="portrait.pdf",
        content_type="application/pdf",
        size=15,
        uploaded_by=coordinator,
    )
    seat = SeatFactory(table=world.table)
    need = StageNeed.objects.create(
        table=world.table, stage=stage, group_kind="seat", seat=seat, level="consulted"
    )
    contribution = StageContribution.objects.create(
        table=world.table,
        stage=stage,
        seat=seat,
        contributed_on="2025-01-15",
        note="Données",
        recorded_by=coordinator,
    )
    archived = process_create(
        table=world.table, actor=coordinator, data=ProcessInput(title="Ancien", slug="ancien")
    )
    process_archive(process=archived, actor=coordinator)
    world.extra.update(
        process=process,
        decision=decision,
        document=document,
        need=need,
        contribution=contribution,
    )


def _table(world):
    return {"table_slug": world.table.slug}


def _p(world):
    return {"table_slug": world.table.slug, "process_slug": "plan"}


def _archived(world):
    return {"table_slug": world.table.slug, "process_slug": "ancien"}


def _s(world):
    return {**_p(world), "kind": "portrait"}


def _on(statuses_, kwargs=_p, **extra):
    return Expect(statuses_, kwargs=kwargs, setup=_process, **extra)


EXPECTATIONS = {
    "processes:process-list": _on(TABLE_READ, kwargs=_table),
    "processes:process-create": Expect(COORDINATION, kwargs=_table),
    "processes:process-detail": _on(TABLE_READ),
    "processes:process-edit": _on(COORDINATION),
    "processes:process-archive": _on(COORDINATION),
    "processes:process-unarchive": _on(COORDINATION, kwargs=_archived),
    "processes:mobilisation": _on(TABLE_READ),
    "processes:stage-detail": _on(TABLE_READ, kwargs=_s),
    "processes:stage-edit": _on(COORDINATION, kwargs=_s),
    "processes:stage-links": _on(COORDINATION, kwargs=_s),
    "processes:stage-unlink": _on(
        COORDINATION,
        kwargs=lambda w: {
            **_s(w),
            "item_kind": "decision",
            "item_id": w.extra["decision"].pk,
        },
    ),
    "processes:stage-document-upload": _on(COORDINATION, kwargs=_s),
    "processes:stage-document-download": _on(
        TABLE_READ, kwargs=lambda w: {**_s(w), "document_id": w.extra["document"].pk}
    ),
    "processes:stage-document-remove": _on(
        COORDINATION, kwargs=lambda w: {**_s(w), "document_id": w.extra["document"].pk}
    ),
    "processes:stage-mobilisation": _on(COORDINATION, kwargs=_s),
    "processes:stage-need-remove": _on(
        COORDINATION, kwargs=lambda w: {**_s(w), "need_id": w.extra["need"].pk}
    ),
    "processes:contribution-add": _on(COORDINATION, kwargs=_s),
    "processes:contribution-remove": _on(
        COORDINATION, kwargs=lambda w: {**_s(w), "contribution_id": w.extra["contribution"].pk}
    ),
    "api:processes-process-list": _on(API_READ, kwargs=_table, auth="bearer"),
    "api:processes-process-detail": _on(API_READ, auth="bearer"),
    "api:processes-process-create": Expect(API_WRITE, kwargs=_table, auth="bearer", method="POST"),
    "api:processes-process-update": _on(API_WRITE, auth="bearer", method="PATCH"),
    "api:processes-stage-list": _on(API_READ, auth="bearer"),
    "api:processes-stage-detail": _on(API_READ, kwargs=_s, auth="bearer"),
    "api:processes-stage-update": _on(API_WRITE, kwargs=_s, auth="bearer", method="PATCH"),
}
