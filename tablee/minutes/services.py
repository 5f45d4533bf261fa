"""Minutes: draft, edit (never silently overwriting), circulate, comment, adopt, errata."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tablee.accounts.models import User
from tablee.actions.notifications import notify
from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.minutes import selectors
from tablee.minutes.drafting import generate_text
from tablee.minutes.merge import has_conflict_markers
from tablee.minutes.models import Erratum, Minutes, MinutesComment, MinutesRevision, MinutesStatus

MAX_BODY = 200_000


def adopted_message() -> str:
    return _(
        "These minutes were adopted and can no longer change. To correct them, record an erratum."
    )


def _lock(minutes: Minutes) -> Minutes:
    current = (
        Minutes.objects.select_for_update(of=("self",))
        .select_related("table", "meeting")
        .get(pk=minutes.pk)
    )
    if current.status == MinutesStatus.ADOPTED:
        raise InvalidTransition(adopted_message())
    return current


def _clean_body(body: str) -> str:
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        message = _("The minutes cannot be empty.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    if len(body) > MAX_BODY:
        message = _("The minutes are too long (at most 200,000 characters).")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    if has_conflict_markers(body):
        message = _(
            "The text still holds conflict markers (lines starting with <<<<<<<, ======= "
            "or >>>>>>>). Choose what to keep and remove those lines, then save."
        )
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    return body + "\n"


@transaction.atomic
def minutes_generate_draft(*, meeting, actor: User) -> Minutes:
    """Write the first draft from the agenda, notes, attendance, decisions and actions."""
    if Minutes.objects.for_table(meeting.table).filter(meeting=meeting).exists():
        raise InvalidTransition(_("This meeting already has minutes: edit them instead."))
    body = generate_text(sources=selectors.draft_sources(meeting=meeting))
    minutes = Minutes.objects.create(table=meeting.table, meeting=meeting, body=body, revision=1)
    MinutesRevision.objects.create(
        table=meeting.table, minutes=minutes, number=1, body=body, saved_by=actor
    )
    audit.record(
        event=AuditEvent.MINUTES_DRAFTED,
        actor=actor,
        table=meeting.table,
        target=minutes,
        new={"revision": 1},
    )
    return minutes


@transaction.atomic
def minutes_save(*, minutes: Minutes, actor: User, body: str, base_revision: int) -> Minutes:
    """Save an edited text; refuse (Conflict) when someone saved since `base_revision`.

    The Conflict's extra carries the revision the editor started from and the
    current one, so the page can offer a three-way merge.
    """
    current = _lock(minutes)
    body = _clean_body(body)
    if base_revision != current.revision:
        raise Conflict(
            _(
                "Someone else saved these minutes while you were editing them "
                "(your version was not saved). Compare both versions below, "
                "merge them, then save again."
            ),
            extra={"base_revision": base_revision, "current_revision": current.revision},
        )
    if body == current.body:
        return current
    old_revision = current.revision
    current.body = body
    current.revision += 1
    current.save(update_fields=["body", "revision", "updated_at"])
    MinutesRevision.objects.create(
        table=current.table,
        minutes=current,
        number=current.revision,
        body=body,
        saved_by=actor,
    )
    audit.record(
        event=AuditEvent.MINUTES_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        old={"revision": old_revision},
        new={"revision": current.revision},
    )
    return current


@transaction.atomic
def minutes_circulate(*, minutes: Minutes, actor: User) -> Minutes:
    """Send the draft to the table's people for comments (by e-mail, per their preference)."""
    current = _lock(minutes)
    first_time = current.circulated_at is None
    current.status = MinutesStatus.CIRCULATED
    current.circulated_at = timezone.now()
    current.save(update_fields=["status", "circulated_at", "updated_at"])
    table = current.table
    url = current.get_absolute_url()
    with translation.override(table.language):
        subject = _("Minutes to read: %(meeting)s") % {"meeting": current.meeting.title}
        body = _(
            "The draft minutes of “%(meeting)s” are ready for your comments. "
            "Read them and comment in Tablée before they are adopted at a later meeting."
        ) % {"meeting": current.meeting.title}
    recipients = 0
    for person in selectors.table_people(table=table):
        if notify(user=person, table=table, subject=subject, body=body, url=url) is not None:
            recipients += 1
    audit.record(
        event=AuditEvent.MINUTES_CIRCULATED,
        actor=actor,
        table=table,
        target=current,
        new={"revision": current.revision, "recipients": recipients, "again": not first_time},
    )
    return current


@transaction.atomic
def minutes_comment_add(*, minutes: Minutes, actor: User, body: str) -> MinutesComment:
    current = _lock(minutes)
    body = (body or "").strip()
    if not body:
        message = _("Write a comment first.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    if len(body) > 5000:
        message = _("Keep the comment under 5,000 characters.")
        raise InvalidInput(message, extra={"fields": {"body": [message]}})
    comment = MinutesComment.objects.create(
        table=current.table, minutes=current, author=actor, body=body
    )
    audit.record(
        event=AuditEvent.MINUTES_COMMENTED,
        actor=actor,
        table=current.table,
        target=current,
        new={"comment": body[:200]},
    )
    return comment


@transaction.atomic
def minutes_adopt(*, minutes: Minutes, actor: User, decision) -> Minutes:
    """Adopt the minutes by a decision taken at a later meeting; they become immutable."""
    current = _lock(minutes)
    assert decision.table_id == current.table_id, "decision from another table"
    meeting = current.meeting
    decision_meeting = decision.meeting if decision.meeting_id else None
    if (
        decision_meeting is None
        or decision_meeting.starts_at is None
        or meeting.starts_at is None
        or decision_meeting.starts_at <= meeting.starts_at
    ):
        message = _("Minutes are adopted by a decision taken at a later meeting.")
        raise InvalidInput(message, extra={"fields": {"decision": [message]}})
    from tablee.decisions.models import Outcome

    if decision.outcome != Outcome.ADOPTED:
        message = _("This decision was not adopted: choose the decision that adopted the minutes.")
        raise InvalidInput(message, extra={"fields": {"decision": [message]}})
    current.status = MinutesStatus.ADOPTED
    current.adopted_at = timezone.now()
    current.adopted_by_decision = decision
    current.save(update_fields=["status", "adopted_at", "adopted_by_decision", "updated_at"])
    audit.record(
        event=AuditEvent.MINUTES_ADOPTED,
        actor=actor,
        table=current.table,
        target=current,
        new={"decision": decision.number, "revision": current.revision},
    )
    return current


@transaction.atomic
def erratum_record(*, minutes: Minutes, actor: User, text: str, decision=None) -> Erratum:
    """Record a correction to adopted minutes; the adopted text itself never changes."""
    current = (
        Minutes.objects.select_for_update(of=("self",)).select_related("table").get(pk=minutes.pk)
    )
    if current.status != MinutesStatus.ADOPTED:
        raise InvalidTransition(
            _("Only adopted minutes take errata: edit the draft directly instead.")
        )
    text = (text or "").strip()
    if not text:
        message = _("Describe the correction.")
        raise InvalidInput(message, extra={"fields": {"text": [message]}})
    if decision is not None:
        assert decision.table_id == current.table_id, "decision from another table"
    erratum = Erratum.objects.create(
        table=current.table, minutes=current, text=text, decision=decision, recorded_by=actor
    )
    audit.record(
        event=AuditEvent.ERRATUM_RECORDED,
        actor=actor,
        table=current.table,
        target=current,
        new={"erratum": text[:200], "decision": decision.number if decision else None},
    )
    return erratum
