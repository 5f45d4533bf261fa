"""Writes of the frameworks and conditions registers: one intention, one audit entry."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput
from tablee.frameworks.audit_events import Event
from tablee.frameworks.models import (
    CATEGORIES_BY_KIND,
    Condition,
    ConditionCategory,
    ConditionKind,
    ConditionStatus,
    Framework,
    FrameworkKind,
)
from tablee.meetings.services import ALLOWED_DOCUMENTS


def _refuse(field_name: str, message: str) -> None:
    raise InvalidInput(message, extra={"fields": {field_name: [message]}})


def _text(value: str, field_name: str, limit: int, *, required_message: str = "") -> str:
    text = (value or "").strip()
    if required_message and not text:
        _refuse(field_name, required_message)
    if len(text) > limit:
        _refuse(
            field_name,
            _("Keep this under %(limit)s characters.") % {"limit": limit},
        )
    return text


def _same_table(table_id: int, objects) -> list:
    objects = list(objects or [])
    for obj in objects:
        assert obj.table_id == table_id, "object of another table"
    return objects


# ---------------------------------------------------------------- documents


def _check_document(uploaded) -> tuple[str, str, str]:
    """Check name, size and content like meeting documents; return (name, ext, type)."""
    name = os.path.basename(uploaded.name or "").strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_DOCUMENTS:
        _refuse(
            "document",
            _(
                "This type of file is not accepted. Send a PDF, an office document "
                "(odt, ods, odp, docx, xlsx, pptx, doc, xls, ppt) or an image "
                "(png, jpg, gif, webp)."
            ),
        )
    limit = settings.TABLEE_MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        _refuse(
            "document",
            _("This file is too large: the limit is %(size)s MB.")
            % {"size": round(limit / (1024 * 1024), 1)},
        )
    if uploaded.size == 0:
        _refuse("document", _("This file is empty."))
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    content_type, signatures = ALLOWED_DOCUMENTS[extension]
    matches = any(head.startswith(signature) for signature in signatures)
    if extension == "webp" and head[8:12] != b"WEBP":
        matches = False
    if not matches:
        _refuse(
            "document",
            _("The content of this file does not match its name (.%(ext)s). Check the file.")
            % {"ext": extension},
        )
    return name[:255], extension, content_type


def _store_document(framework: Framework, uploaded, checked: tuple[str, str, str]) -> str:
    """Store the file under a random name and point the framework at it; return the old path."""
    name, extension, content_type = checked
    old = framework.document.name if framework.document else ""
    stored = default_storage.save(
        f"frameworks/{framework.table_id}/{secrets.token_hex(8)}.{extension}", uploaded
    )
    framework.document = stored
    framework.document_name = name
    framework.document_type = content_type
    framework.document_size = uploaded.size
    return old


def _forget_document(framework: Framework) -> str:
    old = framework.document.name if framework.document else ""
    framework.document = ""
    framework.document_name = ""
    framework.document_type = ""
    framework.document_size = None
    return old


def _delete_file_later(path: str) -> None:
    if path:
        transaction.on_commit(lambda: default_storage.delete(path))


# ---------------------------------------------------------------- frameworks


@dataclass
class FrameworkInput:
    """What a coordinator enters for a framework (pages and, later, the API)."""

    title: str
    kind: str
    issuer: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    url: str = ""
    note: str = ""
    objectives: list = field(default_factory=list)
    actions: list = field(default_factory=list)


def _clean_framework(table_id: int, data: FrameworkInput) -> dict:
    title = _text(data.title, "title", 300, required_message=_("Give the framework's title."))
    if data.kind not in FrameworkKind.values:
        _refuse("kind", _("Choose the kind of framework."))
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        _refuse("ends_on", _("The end date comes before the start date."))
    url = (data.url or "").strip()
    if url and not url.lower().startswith(("https://", "http://")):
        _refuse("url", _("Enter a web address starting with https:// or http://."))
    if len(url) > 500:
        _refuse("url", _("This address is too long."))
    return {
        "title": title,
        "kind": data.kind,
        "issuer": _text(data.issuer, "issuer", 200),
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "url": url,
        "note": _text(data.note, "note", 5000),
        "objectives": _same_table(table_id, data.objectives),
        "actions": _same_table(table_id, data.actions),
    }


def _framework_snapshot(framework: Framework, objectives, actions) -> dict:
    return {
        "title": framework.title,
        "kind": framework.kind,
        "issuer": framework.issuer,
        "starts_on": framework.starts_on.isoformat() if framework.starts_on else "",
        "ends_on": framework.ends_on.isoformat() if framework.ends_on else "",
        "url": framework.url,
        "document": framework.document_name,
        "objectives": sorted(o.pk for o in objectives),
        "actions": sorted(a.pk for a in actions),
    }


@transaction.atomic
def framework_create(*, table, actor, data: FrameworkInput, document=None) -> Framework:
    """Add a framework to the table's register, with what it frames."""
    cleaned = _clean_framework(table.pk, data)
    checked = _check_document(document) if document is not None else None
    objectives = cleaned.pop("objectives")
    actions = cleaned.pop("actions")
    framework = Framework(table=table, created_by=actor, **cleaned)
    if checked is not None:
        _store_document(framework, document, checked)
    framework.save()
    framework.objectives.set(objectives)
    framework.actions.set(actions)
    audit.record(
        event=Event.FRAMEWORK_CREATED,
        actor=actor,
        table=table,
        target=framework,
        new=_framework_snapshot(framework, objectives, actions),
    )
    return framework


@transaction.atomic
def framework_update(
    *,
    framework: Framework,
    actor,
    data: FrameworkInput,
    base_revision: int,
    document=None,
    remove_document: bool = False,
) -> Framework:
    """Change a framework; a new document replaces the old one. Stale edits are refused."""
    current = (
        Framework.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=framework.pk)
    )
    if current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this framework while you were editing it. "
                "Your changes were not saved: look at their version, then edit again."
            )
        )
    cleaned = _clean_framework(current.table_id, data)
    checked = _check_document(document) if document is not None else None
    objectives = cleaned.pop("objectives")
    actions = cleaned.pop("actions")
    old = _framework_snapshot(current, current.objectives.all(), current.actions.all())
    for name, value in cleaned.items():
        setattr(current, name, value)
    replaced = ""
    if checked is not None:
        replaced = _store_document(current, document, checked)
    elif remove_document:
        replaced = _forget_document(current)
    current.revision += 1
    current.save()
    current.objectives.set(objectives)
    current.actions.set(actions)
    new = _framework_snapshot(current, objectives, actions)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=Event.FRAMEWORK_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    _delete_file_later(replaced)
    return current


@transaction.atomic
def framework_delete(*, framework: Framework, actor) -> None:
    """Delete a framework from the register (and its document)."""
    current = (
        Framework.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=framework.pk)
    )
    path = current.document.name if current.document else ""
    audit.record(
        event=Event.FRAMEWORK_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old={"title": current.title, "kind": current.kind, "document": current.document_name},
    )
    current.delete()
    _delete_file_later(path)


# ---------------------------------------------------------------- conditions


@dataclass
class ConditionInput:
    """An obstacle or favourable condition as a coordinator enters it."""

    kind: str
    category: str
    description: str
    noticed_on: date | None
    response: str = ""
    status: str = ConditionStatus.OPEN
    decision: object = None
    actions: list = field(default_factory=list)
    stages: list = field(default_factory=list)


def _clean_condition(table_id: int, data: ConditionInput) -> dict:
    if data.kind not in ConditionKind.values:
        _refuse("kind", _("Choose obstacle or favourable condition."))
    if data.category not in ConditionCategory.values:
        _refuse("category", _("Choose a category."))
    if data.category not in CATEGORIES_BY_KIND[ConditionKind(data.kind)]:
        if data.kind == ConditionKind.OBSTACLE:
            message = _("This category is for favourable conditions: choose an obstacle category.")
        else:
            message = _("This category is for obstacles: choose a favourable-condition category.")
        _refuse("category", message)
    description = _text(
        data.description, "description", 5000, required_message=_("Describe what was noticed.")
    )
    if data.noticed_on is None:
        _refuse("noticed_on", _("Enter when it was noticed."))
    if data.noticed_on > timezone.localdate():
        _refuse("noticed_on", _("This date is in the future."))
    if data.status not in ConditionStatus.values:
        _refuse("status", _("Choose a valid status."))
    response = _text(data.response, "response", 5000)
    if data.status == ConditionStatus.ADDRESSED and not response and data.decision is None:
        _refuse(
            "response",
            _(
                "Before marking it addressed, say what the table decided to do "
                "or link its decision."
            ),
        )
    if data.decision is not None:
        assert data.decision.table_id == table_id, "decision of another table"
    return {
        "kind": data.kind,
        "category": data.category,
        "description": description,
        "noticed_on": data.noticed_on,
        "response": response,
        "status": data.status,
        "decision": data.decision,
        "actions": _same_table(table_id, data.actions),
        "stages": _same_table(table_id, data.stages),
    }


def _condition_snapshot(condition: Condition, actions, stages) -> dict:
    return {
        "kind": condition.kind,
        "category": condition.category,
        "description": condition.description[:200],
        "noticed_on": condition.noticed_on.isoformat(),
        "status": condition.status,
        "response": condition.response[:200],
        "decision": condition.decision_id or "",
        "actions": sorted(a.pk for a in actions),
        "stages": sorted(s.pk for s in stages),
    }


@transaction.atomic
def condition_record(*, table, actor, data: ConditionInput) -> Condition:
    """Record an obstacle or a favourable condition, linked to actions and stages."""
    cleaned = _clean_condition(table.pk, data)
    actions = cleaned.pop("actions")
    stages = cleaned.pop("stages")
    condition = Condition.objects.create(table=table, created_by=actor, **cleaned)
    condition.actions.set(actions)
    condition.stages.set(stages)
    audit.record(
        event=Event.FRAMEWORK_CONDITION_RECORDED,
        actor=actor,
        table=table,
        target=condition,
        new=_condition_snapshot(condition, actions, stages),
    )
    return condition


@transaction.atomic
def condition_update(
    *, condition: Condition, actor, data: ConditionInput, base_revision: int
) -> Condition:
    """Change a condition: what it is, what the table decided, whether it is addressed."""
    current = (
        Condition.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=condition.pk)
    )
    if current.revision != base_revision:
        raise Conflict(
            _(
                "Someone else changed this entry while you were editing it. "
                "Your changes were not saved: look at their version, then edit again."
            )
        )
    cleaned = _clean_condition(current.table_id, data)
    actions = cleaned.pop("actions")
    stages = cleaned.pop("stages")
    old = _condition_snapshot(current, current.actions.all(), current.stages.all())
    for name, value in cleaned.items():
        setattr(current, name, value)
    current.revision += 1
    current.save()
    current.actions.set(actions)
    current.stages.set(stages)
    new = _condition_snapshot(current, actions, stages)
    changed = {k: v for k, v in old.items() if new[k] != v}
    audit.record(
        event=Event.FRAMEWORK_CONDITION_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old=changed,
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def condition_delete(*, condition: Condition, actor) -> None:
    current = (
        Condition.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=condition.pk)
    )
    audit.record(
        event=Event.FRAMEWORK_CONDITION_DELETED,
        actor=actor,
        table=current.table,
        target=current,
        old={"kind": current.kind, "category": current.category, "description": str(current)},
    )
    current.delete()
