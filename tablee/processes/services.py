"""Writes of collective processes and their stages: one function per intention.

Creating a process creates its eight stages in order, each with a default
question. An archived process is read-only until it is brought back.
"""

import os
import secrets
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.processes.audit_events import Event
from tablee.processes.models import (
    GroupKind,
    Level,
    Lever,
    Process,
    Stage,
    StageContribution,
    StageDocument,
    StageKind,
    StageLever,
    StageNeed,
    StageStatus,
)
from tablee.tables.models import Table

# The question each stage answers by default, written for this product.
DEFAULT_QUESTIONS = {
    StageKind.PORTRAIT: gettext_lazy(
        "What does our territory look like today: who lives here, what already "
        "exists, and what do the figures tell us?"
    ),
    StageKind.DIAGNOSTIC: gettext_lazy(
        "Which needs do we all recognise, and which of them no service answers yet?"
    ),
    StageKind.VISION: gettext_lazy(
        "What do we want our territory to look like in a few years, together?"
    ),
    StageKind.PRIORITISATION: gettext_lazy(
        "Of everything we could do, what do we take on first, and for what reasons?"
    ),
    StageKind.GOVERNANCE: gettext_lazy(
        "Who carries which part of the work, how do we decide and how do we keep "
        "one another informed?"
    ),
    StageKind.IMPLEMENTATION: gettext_lazy(
        "Are the actions carried out as agreed, by whom, and with which resources?"
    ),
    StageKind.FOLLOW_UP: gettext_lazy(
        "Where does each action stand, and what needs adjusting along the way?"
    ),
    StageKind.EVALUATION: gettext_lazy(
        "What has changed for the people concerned, and what have we learned about "
        "working together?"
    ),
}

RESERVED_SLUGS = {"new"}


def _refuse(field_name: str, message: str) -> None:
    raise InvalidInput(message, extra={"fields": {field_name: [message]}})


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        _refuse(
            "ends_on",
            _("The end date comes before the start date. Check the two dates."),
        )


def _refuse_archived(process: Process) -> None:
    if process.archived_at is not None:
        raise InvalidTransition(_("This process is archived: bring it back before changing it."))


# ---------------------------------------------------------------- processes


@dataclass
class ProcessInput:
    """What a coordinator enters for a process (pages and API alike)."""

    title: str
    purpose: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    slug: str = ""


def _clean_process(data: ProcessInput) -> tuple[str, str]:
    title = (data.title or "").strip()
    if not title:
        _refuse("title", _("Give the process a title."))
    if len(title) > 200:
        _refuse("title", _("The title is too long (200 characters at most)."))
    _check_dates(data.starts_on, data.ends_on)
    return title, (data.purpose or "").strip()


def _free_slug(table: Table, wanted: str, title: str) -> str:
    """Return a free slug: the one asked for (refused if taken), else one from the title."""
    if wanted:
        slug = slugify(wanted)[:60]
        if slug != wanted or not slug:
            _refuse(
                "slug",
                _("Use only lowercase letters without accents, digits and hyphens."),
            )
        if slug in RESERVED_SLUGS:
            _refuse("slug", _("This short name is reserved; choose another one."))
        if Process.objects.for_table(table).filter(slug=slug).exists():
            _refuse("slug", _("Another process of this table already uses this short name."))
        return slug
    base = (slugify(title)[:50].strip("-") or "demarche").rstrip("-")
    if base in RESERVED_SLUGS:
        base = f"{base}-1"
    taken = set(
        Process.objects.for_table(table)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _process_snapshot(process: Process) -> dict:
    return {
        "title": process.title,
        "slug": process.slug,
        "purpose": process.purpose,
        "starts_on": process.starts_on.isoformat() if process.starts_on else None,
        "ends_on": process.ends_on.isoformat() if process.ends_on else None,
    }


@transaction.atomic
def process_create(*, table: Table, actor, data: ProcessInput) -> Process:
    """Create a process and its eight stages, in order, each with its default question."""
    title, purpose = _clean_process(data)
    # Two coordinators creating "Plan d'action" at once must not get one slug.
    Table.objects.select_for_update(of=("self",)).filter(pk=table.pk).first()
    slug = _free_slug(table, (data.slug or "").strip(), title)
    process = Process.objects.create(
        table=table,
        slug=slug,
        title=title,
        purpose=purpose,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    Stage.objects.bulk_create(
        Stage(
            table=table,
            process=process,
            kind=kind,
            position=position,
            question=str(DEFAULT_QUESTIONS[kind]),
        )
        for position, kind in enumerate(StageKind, start=1)
    )
    audit.record(
        event=Event.PROCESS_CREATED,
        actor=actor,
        table=table,
        target=process,
        new=_process_snapshot(process),
    )
    return process


def _lock_process(process: Process) -> Process:
    return (
        Process.objects.select_for_update(of=("self",)).select_related("table").get(pk=process.pk)
    )


@transaction.atomic
def process_update(*, process: Process, actor, data: ProcessInput, revision: int) -> Process:
    """Change the title, purpose and dates. A stale `revision` is refused (Conflict).

    The short name stays: other pages and links find the process by it.
    """
    current = _lock_process(process)
    if current.revision != revision:
        raise Conflict(
            _(
                "Someone else changed this process while you were editing it. "
                "Your changes were not saved: look at their version, then edit again."
            )
        )
    _refuse_archived(current)
    title, purpose = _clean_process(data)
    old = _process_snapshot(current)
    current.title = title
    current.purpose = purpose
    current.starts_on = data.starts_on
    current.ends_on = data.ends_on
    current.revision += 1
    current.save()
    new = _process_snapshot(current)
    audit.record(
        event=Event.PROCESS_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={k: v for k, v in old.items() if new[k] != v},
        new={k: v for k, v in new.items() if old[k] != v},
    )
    return current


@transaction.atomic
def process_archive(*, process: Process, actor) -> Process:
    """Archive a process: it stays readable but nobody changes it any more."""
    current = _lock_process(process)
    if current.archived_at is not None:
        raise InvalidTransition(_("This process is already archived."))
    current.archived_at = timezone.now()
    current.revision += 1
    current.save(update_fields=["archived_at", "revision", "updated_at"])
    audit.record(event=Event.PROCESS_ARCHIVED, actor=actor, table=current.table, target=current)
    return current


@transaction.atomic
def process_unarchive(*, process: Process, actor) -> Process:
    """Bring an archived process back among the current ones."""
    current = _lock_process(process)
    if current.archived_at is None:
        raise InvalidTransition(_("This process is not archived."))
    current.archived_at = None
    current.revision += 1
    current.save(update_fields=["archived_at", "revision", "updated_at"])
    audit.record(event=Event.PROCESS_UNARCHIVED, actor=actor, table=current.table, target=current)
    return current


# ---------------------------------------------------------------- stages


@dataclass
class StageInput:
    status: str
    starts_on: date | None = None
    ends_on: date | None = None
    question: str = ""
    notes: str = ""


def _stage_snapshot(stage: Stage) -> dict:
    return {
        "status": stage.status,
        "starts_on": stage.starts_on.isoformat() if stage.starts_on else None,
        "ends_on": stage.ends_on.isoformat() if stage.ends_on else None,
        "question": stage.question,
        "notes_length": len(stage.notes),
    }


def _lock_stage(stage: Stage) -> Stage:
    current = (
        Stage.objects.select_for_update(of=("self",))
        .select_related("process", "table")
        .get(pk=stage.pk)
    )
    _refuse_archived(current.process)
    return current


@transaction.atomic
def stage_update(*, stage: Stage, actor, data: StageInput, revision: int) -> Stage:
    """Change a stage's dates, status, question and notes; a stale `revision` is refused."""
    current = (
        Stage.objects.select_for_update(of=("self",))
        .select_related("process", "table")
        .get(pk=stage.pk)
    )
    if current.revision != revision:
        raise Conflict(
            _(
                "Someone else changed this stage while you were editing it. "
                "Your changes were not saved: look at their version, then edit again."
            )
        )
    _refuse_archived(current.process)
    if data.status not in StageStatus.values:
        _refuse("status", _("Choose a valid status."))
    _check_dates(data.starts_on, data.ends_on)
    old = _stage_snapshot(current)
    current.status = data.status
    current.starts_on = data.starts_on
    current.ends_on = data.ends_on
    current.question = (data.question or "").strip()
    current.notes = (data.notes or "").strip()
    current.revision += 1
    current.save()
    new = _stage_snapshot(current)
    audit.record(
        event=Event.PROCESS_STAGE_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={k: v for k, v in old.items() if new[k] != v},
        new={"process": current.process.slug, **{k: v for k, v in new.items() if old[k] != v}},
    )
    return current


def _link_field(item) -> str:
    """Return the stage's many-to-many field that holds `item`."""
    from tablee.decisions.models import Decision
    from tablee.meetings.models import Meeting
    from tablee.polls.models import Poll

    for model, field_name in ((Decision, "decisions"), (Meeting, "meetings"), (Poll, "polls")):
        if isinstance(item, model):
            return field_name
    raise AssertionError("only decisions, meetings and polls are linked to stages")


@transaction.atomic
def stage_link(*, stage: Stage, actor, item) -> Stage:
    """Link a decision, meeting or poll of the same table to the stage."""
    current = _lock_stage(stage)
    assert item.table_id == current.table_id, "object of another table"
    field_name = _link_field(item)
    related = getattr(current, field_name)
    if related.filter(pk=item.pk).exists():
        raise InvalidTransition(_("This is already linked to the stage."))
    related.add(item)
    audit.record(
        event=Event.PROCESS_STAGE_LINKED,
        actor=actor,
        table=current.table,
        target=current,
        new={"kind": field_name, "id": item.pk, "label": str(item)[:120]},
    )
    return current


@transaction.atomic
def stage_unlink(*, stage: Stage, actor, item) -> Stage:
    """Remove the link between the stage and a decision, meeting or poll."""
    current = _lock_stage(stage)
    assert item.table_id == current.table_id, "object of another table"
    field_name = _link_field(item)
    related = getattr(current, field_name)
    if not related.filter(pk=item.pk).exists():
        raise InvalidTransition(_("This is not linked to the stage."))
    related.remove(item)
    audit.record(
        event=Event.PROCESS_STAGE_UNLINKED,
        actor=actor,
        table=current.table,
        target=current,
        old={"kind": field_name, "id": item.pk, "label": str(item)[:120]},
    )
    return current


# ---------------------------------------------------------------- documents


def _refuse_document(message: str):
    raise InvalidInput(message, extra={"fields": {"file": [message]}})


def _checked_upload(uploaded) -> tuple[str, str, str]:
    """Return (name, extension, content type) after the meetings' document checks."""
    from tablee.meetings.services import ALLOWED_DOCUMENTS

    name = os.path.basename(uploaded.name or "").strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_DOCUMENTS:
        _refuse_document(
            _(
                "This type of file is not accepted. Send a PDF, an office document "
                "(odt, ods, odp, docx, xlsx, pptx, doc, xls, ppt) or an image "
                "(png, jpg, gif, webp)."
            )
        )
    limit = settings.TABLEE_MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        _refuse_document(
            _("This file is too large: the limit is %(size)s MB.")
            % {"size": round(limit / (1024 * 1024), 1)}
        )
    if uploaded.size == 0:
        _refuse_document(_("This file is empty."))
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    content_type, signatures = ALLOWED_DOCUMENTS[extension]
    matches = any(head.startswith(signature) for signature in signatures)
    if extension == "webp" and head[8:12] != b"WEBP":
        matches = False
    if not matches:
        _refuse_document(
            _("The content of this file does not match its name (.%(ext)s). Check the file.")
            % {"ext": extension}
        )
    return name, extension, content_type


@transaction.atomic
def stage_document_add(*, stage: Stage, actor, uploaded, title: str = "") -> StageDocument:
    """Attach a deliverable document to a stage after checking its name, content and size."""
    current = _lock_stage(stage)
    name, extension, content_type = _checked_upload(uploaded)
    title = (title or "").strip() or name
    if len(title) > 200:
        _refuse("title", _("The title is too long (200 characters at most)."))
    stored = default_storage.save(
        f"processes/{current.table_id}/{secrets.token_hex(8)}.{extension}", uploaded
    )
    document = StageDocument.objects.create(
        table=current.table,
        stage=current,
        title=title,
        file=stored,
        original_name=name[:255],
        content_type=content_type,
        size=uploaded.size,
        uploaded_by=actor,
    )
    audit.record(
        event=Event.PROCESS_DOCUMENT_ADDED,
        actor=actor,
        table=current.table,
        target=document,
        new={"title": document.title, "name": document.original_name, "size": document.size},
    )
    return document


@transaction.atomic
def stage_document_remove(*, document: StageDocument, actor) -> None:
    """Remove a stage document; the file is deleted once the removal is committed."""
    current = (
        StageDocument.objects.select_for_update(of=("self",))
        .select_related("stage", "stage__process", "table")
        .get(pk=document.pk)
    )
    _refuse_archived(current.stage.process)
    name = current.file.name
    audit.record(
        event=Event.PROCESS_DOCUMENT_REMOVED,
        actor=actor,
        table=current.table,
        target=current,
        old={"title": current.title, "name": current.original_name},
    )
    current.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


# ---------------------------------------------------------------- mobilisation


@transaction.atomic
def stage_need_add(
    *,
    stage: Stage,
    actor,
    group_kind: str,
    level: str,
    sector=None,
    actor_type: str = "",
    committee=None,
    seat=None,
) -> StageNeed:
    """Say that a group is needed at the stage, and how strongly."""
    from tablee.members.models import ActorType

    current = _lock_stage(stage)
    if level not in Level.values:
        _refuse("level", _("Choose how strongly the group is needed."))
    targets = {
        GroupKind.SECTOR: sector,
        GroupKind.ACTOR_TYPE: actor_type or None,
        GroupKind.COMMITTEE: committee,
        GroupKind.SEAT: seat,
    }
    if group_kind not in targets or targets[group_kind] is None:
        _refuse("group", _("Choose the group that is needed."))
    if any(value is not None for kind, value in targets.items() if kind != group_kind):
        _refuse("group", _("Choose one group at a time."))
    if group_kind == GroupKind.ACTOR_TYPE and actor_type not in ActorType.values:
        _refuse("group", _("Choose the group that is needed."))
    for linked in (committee, seat):
        assert linked is None or linked.table_id == current.table_id, "object of another table"
    lookup = {
        GroupKind.SECTOR: {"sector": sector},
        GroupKind.ACTOR_TYPE: {"actor_type": actor_type},
        GroupKind.COMMITTEE: {"committee": committee},
        GroupKind.SEAT: {"seat": seat},
    }[group_kind]
    if StageNeed.objects.filter(stage=current, **lookup).exists():
        _refuse("group", _("This group is already listed for the stage."))
    need = StageNeed.objects.create(
        table=current.table,
        stage=current,
        group_kind=group_kind,
        sector=sector,
        actor_type=actor_type or "",
        committee=committee,
        seat=seat,
        level=level,
    )
    audit.record(
        event=Event.PROCESS_NEED_ADDED,
        actor=actor,
        table=current.table,
        target=current,
        new={"group_kind": group_kind, "group": str(targets[group_kind]), "level": level},
    )
    return need


@transaction.atomic
def stage_need_remove(*, need: StageNeed, actor) -> None:
    """Remove a needed group from a stage."""
    current = _lock_stage(need.stage)
    target = {
        GroupKind.SECTOR: need.sector_id,
        GroupKind.ACTOR_TYPE: need.actor_type,
        GroupKind.COMMITTEE: need.committee_id,
        GroupKind.SEAT: need.seat_id,
    }.get(need.group_kind)
    audit.record(
        event=Event.PROCESS_NEED_REMOVED,
        actor=actor,
        table=current.table,
        target=current,
        old={"group_kind": need.group_kind, "group": target, "level": need.level},
    )
    StageNeed.objects.filter(pk=need.pk, stage=current).delete()


@transaction.atomic
def stage_levers_save(*, stage: Stage, actor, means: dict[str, str]) -> list[StageLever]:
    """Save what is planned for each of the four levers (all four at once).

    A lever left empty is kept as an empty row: the mobilisation view shows
    it as unsupported when the stage needs people.
    """
    current = _lock_stage(stage)
    unknown = set(means) - set(Lever.values)
    if unknown:
        _refuse("means", _("Unknown lever."))
    cleaned = {lever: (means.get(lever) or "").strip() for lever in Lever.values}
    for lever, text in cleaned.items():
        if len(text) > 2000:
            _refuse(lever, _("Keep this under 2,000 characters."))
    existing = {row.lever: row for row in StageLever.objects.filter(stage=current)}
    old = {lever: row.means for lever, row in existing.items()}
    to_create, to_update = [], []
    for lever, text in cleaned.items():
        row = existing.get(lever)
        if row is None:
            to_create.append(
                StageLever(table=current.table, stage=current, lever=lever, means=text)
            )
        elif row.means != text:
            row.means = text
            to_update.append(row)
    StageLever.objects.bulk_create(to_create)
    if to_update:
        StageLever.objects.bulk_update(to_update, ["means"])
    audit.record(
        event=Event.PROCESS_LEVERS_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        old={lever: bool(text) for lever, text in old.items()},
        new={lever: bool(text) for lever, text in cleaned.items()},
    )
    return list(StageLever.objects.filter(stage=current))


@transaction.atomic
def stage_contribution_record(
    *,
    stage: Stage,
    actor,
    contributed_on: date | None,
    note: str,
    seat=None,
    organization=None,
) -> StageContribution:
    """Record that a seat or an organization contributed to the stage."""
    current = _lock_stage(stage)
    if (seat is None) == (organization is None):
        _refuse("contributor", _("Choose the seat or the organization that contributed."))
    assert seat is None or seat.table_id == current.table_id, "seat of another table"
    if contributed_on is None:
        _refuse("contributed_on", _("Enter the date of the contribution."))
    note = (note or "").strip()
    if not note:
        _refuse("note", _("Say in a few words what was contributed."))
    if len(note) > 300:
        _refuse("note", _("Keep the note under 300 characters."))
    contribution = StageContribution.objects.create(
        table=current.table,
        stage=current,
        seat=seat,
        organization=organization,
        contributed_on=contributed_on,
        note=note,
        recorded_by=actor,
    )
    audit.record(
        event=Event.PROCESS_CONTRIBUTION_RECORDED,
        actor=actor,
        table=current.table,
        target=contribution,
        new={
            "stage": current.kind,
            "by": str(seat or organization),
            "on": contributed_on.isoformat(),
        },
    )
    return contribution


@transaction.atomic
def stage_contribution_remove(*, contribution: StageContribution, actor) -> None:
    """Remove a contribution recorded by mistake."""
    current = _lock_stage(contribution.stage)
    audit.record(
        event=Event.PROCESS_CONTRIBUTION_REMOVED,
        actor=actor,
        table=current.table,
        target=contribution,
        old={"stage": current.kind, "note": contribution.note},
    )
    StageContribution.objects.filter(pk=contribution.pk, stage=current).delete()
