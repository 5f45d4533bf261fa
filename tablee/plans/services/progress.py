"""Progress updates and meeting actions attached to plan actions."""

from __future__ import annotations

import os
import secrets
from datetime import date

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.core import audit
from tablee.core.errors import InvalidTransition
from tablee.meetings.services import ALLOWED_DOCUMENTS
from tablee.plans.audit_events import Event
from tablee.plans.models import (
    ActionStatus,
    PlanAction,
    ProgressUpdate,
)
from tablee.plans.services._common import (
    NOTE_MAX_LENGTH,
    _invalid,
)

# ---------------------------------------------------------------- progress


def _sniff(extension: str, head: bytes) -> str | None:
    content_type, signatures = ALLOWED_DOCUMENTS[extension]
    if not any(head.startswith(signature) for signature in signatures):
        return None
    if extension == "webp" and head[8:12] != b"WEBP":
        return None
    return content_type


def _check_evidence(uploaded) -> tuple[str, str, str]:
    """Return (name, extension, content type) of an acceptable evidence file.

    The same checks as meeting documents: known extension, size limit, not
    empty, and leading bytes matching the extension.
    """
    name = os.path.basename(uploaded.name or "").strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_DOCUMENTS:
        raise _invalid(
            "evidence",
            _(
                "This type of file is not accepted. Send a PDF, an office document "
                "(odt, ods, odp, docx, xlsx, pptx, doc, xls, ppt) or an image "
                "(png, jpg, gif, webp)."
            ),
        )
    limit = settings.TABLEE_MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise _invalid(
            "evidence",
            _("This file is too large: the limit is %(size)s MB.")
            % {"size": round(limit / (1024 * 1024), 1)},
        )
    if uploaded.size == 0:
        raise _invalid("evidence", _("This file is empty."))
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    content_type = _sniff(extension, head)
    if content_type is None:
        raise _invalid(
            "evidence",
            _("The content of this file does not match its name (.%(ext)s). Check the file.")
            % {"ext": extension},
        )
    return name, extension, content_type


@transaction.atomic
def progress_record(
    *,
    action: PlanAction,
    actor: User,
    reported_on: date | None,
    status: str,
    note: str = "",
    evidence=None,
    via_link: bool = False,
) -> ProgressUpdate:
    """Report where an action stands; the action takes the reported status.

    `via_link` marks an update made from the signed link of a reminder.
    """
    current = (
        PlanAction.objects.select_for_update(of=("self",))
        .select_related("table")
        .get(pk=action.pk)
    )
    if reported_on is None:
        raise _invalid("reported_on", _("Give the date of this update."))
    if reported_on > timezone.localdate():
        raise _invalid(
            "reported_on", _("An update reports what happened: the date cannot be in the future.")
        )
    if status not in ActionStatus.values:
        raise _invalid("status", _("Choose a valid status."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise _invalid(
            "note",
            _("Keep the note under %(count)s characters.") % {"count": NOTE_MAX_LENGTH},
        )
    stored = name = content_type = ""
    size = None
    if evidence is not None:
        name, extension, content_type = _check_evidence(evidence)
        size = evidence.size
        stored = default_storage.save(
            f"plans/{current.table_id}/{secrets.token_hex(8)}.{extension}", evidence
        )
    update = ProgressUpdate.objects.create(
        table=current.table,
        action=current,
        reported_on=reported_on,
        status=status,
        note=note,
        evidence=stored,
        evidence_name=name[:255],
        evidence_content_type=content_type,
        evidence_size=size,
        author=actor,
        via_link=via_link,
    )
    old_status = current.status
    current.status = status
    current.revision += 1
    current.save(update_fields=["status", "revision", "updated_at"])
    audit.record(
        event=Event.PLAN_PROGRESS_RECORDED,
        actor=actor,
        table=current.table,
        target=current,
        old={"status": old_status},
        new={
            "status": status,
            "reported_on": reported_on.isoformat(),
            "note": note[:200],
            "evidence": name,
            "via_link": via_link,
        },
    )
    return update


# ---------------------------------------------------------------- meeting actions


@transaction.atomic
def meeting_action_attach(*, plan_action: PlanAction, item, actor: User):
    """Attach an open follow-up action of a meeting to this plan action."""
    from tablee.actions.models import OPEN_STATUSES, ActionItem

    assert item.table_id == plan_action.table_id, "meeting action from another table"
    current = ActionItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    if current.plan_action_id == plan_action.pk:
        raise InvalidTransition(_("This meeting action is already attached to this plan action."))
    if current.plan_action_id is not None:
        raise InvalidTransition(
            _("This meeting action is already attached to another plan action.")
        )
    if current.status not in OPEN_STATUSES:
        raise InvalidTransition(_("Only an open meeting action can be attached."))
    current.plan_action = plan_action
    current.save(update_fields=["plan_action", "updated_at"])
    audit.record(
        event=Event.PLAN_MEETING_ACTION_ATTACHED,
        actor=actor,
        table=plan_action.table,
        target=plan_action,
        new={"meeting_action": current.pk, "title": current.title},
    )
    return current


@transaction.atomic
def meeting_action_detach(*, plan_action: PlanAction, item, actor: User):
    """Detach a meeting action from this plan action (both are kept)."""
    from tablee.actions.models import ActionItem

    current = ActionItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    if current.plan_action_id != plan_action.pk:
        raise InvalidTransition(_("This meeting action is not attached to this plan action."))
    current.plan_action = None
    current.save(update_fields=["plan_action", "updated_at"])
    audit.record(
        event=Event.PLAN_MEETING_ACTION_DETACHED,
        actor=actor,
        table=plan_action.table,
        target=plan_action,
        old={"meeting_action": current.pk, "title": current.title},
    )
    return current
