"""State changes of meetings: one function per intention, atomic and audited."""

from __future__ import annotations

import os
import secrets
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tablee.core import audit
from tablee.core.errors import Conflict, InvalidInput, InvalidTransition
from tablee.core.models import AuditEvent
from tablee.meetings import selectors
from tablee.meetings.models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    Availability,
    CalendarFeed,
    DateAnswer,
    DateOption,
    ItemKind,
    Meeting,
    MeetingRules,
    MeetingStatus,
    QuorumRule,
    Reply,
)

_DETAIL_FIELDS = (
    "title",
    "description",
    "starts_at",
    "duration_minutes",
    "location",
    "online_url",
    "committee_id",
)
# A change to one of these is news for people's calendars.
_CALENDAR_FIELDS = ("starts_at", "duration_minutes", "location", "online_url", "title")
_FINISHED = (MeetingStatus.HELD, MeetingStatus.CANCELLED)


def _validate(instance, exclude=None) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        messages = [m for errors in exc.message_dict.values() for m in errors]
        raise InvalidInput(" ".join(messages), extra={"fields": exc.message_dict}) from exc


def _snapshot(meeting: Meeting) -> dict[str, str]:
    return {name: str(getattr(meeting, name) or "") for name in _DETAIL_FIELDS}


def _lock(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("table", "committee")
        .get(pk=meeting.pk)
    )


def _refuse_stale(current_revision: int, read_revision: int | None, what: str) -> None:
    if read_revision is not None and current_revision != read_revision:
        raise Conflict(
            _(
                "Someone else changed %(what)s while you were editing. Reload the page to "
                "see their version, then apply your changes again."
            )
            % {"what": what}
        )


def _refuse_finished(meeting: Meeting) -> None:
    if meeting.status in _FINISHED:
        raise InvalidTransition(_("This meeting is over or cancelled; it can no longer change."))


def _check_committee(table, committee) -> None:
    if committee is not None:
        assert committee.table_id == table.pk, "committee of another table"


def _send(meeting: Meeting, kind: str, person_ids) -> None:
    """Queue e-mails about `meeting` once the transaction commits."""
    from tablee.meetings.tasks import send_meeting_emails

    ids = sorted({pk for pk in person_ids if pk})
    if not ids:
        return
    meeting_id = meeting.pk
    transaction.on_commit(
        lambda: send_meeting_emails.enqueue(meeting_id=meeting_id, kind=kind, person_ids=ids)
    )


# ---------------------------------------------------------------- meetings


@transaction.atomic
def meeting_create(
    *,
    table,
    actor,
    title: str,
    description: str = "",
    committee=None,
    starts_at: datetime | None = None,
    duration_minutes: int = 120,
    location: str = "",
    online_url: str = "",
) -> Meeting:
    """Create a meeting; with a date it is scheduled, without one it finds a date."""
    _check_committee(table, committee)
    meeting = Meeting(
        table=table,
        committee=committee,
        title=(title or "").strip(),
        description=(description or "").strip(),
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=(location or "").strip(),
        online_url=(online_url or "").strip(),
        status=MeetingStatus.SCHEDULED if starts_at else MeetingStatus.PLANNING,
    )
    _validate(meeting, exclude=["current_item"])
    if not meeting.duration_minutes:
        raise InvalidInput(
            _("A meeting lasts at least one minute."),
            extra={"fields": {"duration_minutes": [_("A meeting lasts at least one minute.")]}},
        )
    meeting.save()
    audit.record(
        event=AuditEvent.MEETING_CREATED,
        actor=actor,
        table=table,
        target=meeting,
        new=_snapshot(meeting),
    )
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    actor,
    revision: int | None,
    title: str,
    description: str = "",
    committee=None,
    starts_at: datetime | None = None,
    duration_minutes: int = 120,
    location: str = "",
    online_url: str = "",
) -> Meeting:
    """Change a meeting's details.

    `revision` is the one the editor read; a stale one is refused. When the
    date, length, place or link of a convened meeting changes, its calendar
    SEQUENCE goes up and everyone convened receives the update.
    """
    current = _lock(meeting)
    _refuse_stale(current.revision, revision, _("this meeting"))
    _refuse_finished(current)
    _check_committee(current.table, committee)
    old = _snapshot(current)
    old_calendar = {name: getattr(current, name) for name in _CALENDAR_FIELDS}
    current.title = (title or "").strip()
    current.description = (description or "").strip()
    current.committee = committee
    current.duration_minutes = duration_minutes
    current.location = (location or "").strip()
    current.online_url = (online_url or "").strip()
    if starts_at is None and current.status != MeetingStatus.PLANNING:
        raise InvalidInput(
            _("A scheduled meeting needs a date."),
            extra={"fields": {"starts_at": [_("A scheduled meeting needs a date.")]}},
        )
    current.starts_at = starts_at
    if starts_at is not None and current.status == MeetingStatus.PLANNING:
        current.status = MeetingStatus.SCHEDULED
    _validate(current, exclude=["current_item"])
    calendar_changed = any(getattr(current, n) != v for n, v in old_calendar.items())
    if calendar_changed and current.convened_at is not None:
        current.ical_sequence += 1
    current.revision += 1
    current.save()
    new = _snapshot(current)
    changed = [k for k in new if new[k] != old[k]]
    audit.record(
        event=AuditEvent.MEETING_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={k: old[k] for k in changed},
        new={k: new[k] for k in changed},
    )
    if calendar_changed and current.convened_at is not None and current.starts_at:
        _send(current, "update", _convened_people(current))
    return current


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor) -> Meeting:
    """Cancel a meeting; people convened receive a cancellation for their calendar."""
    current = _lock(meeting)
    _refuse_finished(current)
    if current.status == MeetingStatus.IN_PROGRESS:
        raise InvalidTransition(_("A meeting in progress cannot be cancelled; end it instead."))
    old_status = current.status
    current.status = MeetingStatus.CANCELLED
    current.ical_sequence += 1
    current.revision += 1
    current.save()
    audit.record(
        event=AuditEvent.MEETING_CANCELLED,
        actor=actor,
        table=current.table,
        target=current,
        old={"status": old_status},
        new={"status": current.status},
    )
    if current.convened_at is not None and current.starts_at:
        _send(current, "cancel", _convened_people(current))
    return current


def _convened_people(meeting: Meeting) -> list[int]:
    return list(
        Attendance.objects.filter(meeting=meeting, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )


# ---------------------------------------------------------------- finding a date


@transaction.atomic
def meeting_propose_dates(*, meeting: Meeting, actor, starts_at: list[datetime]) -> Meeting:
    """Propose slots for a meeting still finding its date; ask the table's people."""
    current = _lock(meeting)
    if current.status != MeetingStatus.PLANNING:
        raise InvalidTransition(_("Dates can be proposed only while the meeting has no date."))
    wanted = sorted({value for value in starts_at if value is not None})
    if not wanted:
        raise InvalidInput(
            _("Propose at least one date."),
            extra={"fields": {"slots": [_("Propose at least one date.")]}},
        )
    existing = set(DateOption.objects.filter(meeting=current).values_list("starts_at", flat=True))
    added = [value for value in wanted if value not in existing]
    DateOption.objects.bulk_create(
        [DateOption(table=current.table, meeting=current, starts_at=value) for value in added]
    )
    audit.record(
        event=AuditEvent.MEETING_DATES_PROPOSED,
        actor=actor,
        table=current.table,
        target=current,
        new={"dates": [value.isoformat() for value in added]},
    )
    people = selectors.table_people(table=current.table, roles=("coordinator", "member"))
    _send(current, "availability", [person.pk for person in people])
    return current


@transaction.atomic
def meeting_answer_dates(*, meeting: Meeting, person, answers: dict[int, str]) -> Meeting:
    """Record one person's availability for the proposed slots (all at once)."""
    current = _lock(meeting)
    if current.status != MeetingStatus.PLANNING:
        raise InvalidTransition(_("The date of this meeting is already chosen."))
    options = {option.pk: option for option in DateOption.objects.filter(meeting=current)}
    clean: dict[int, str] = {}
    for option_id, value in answers.items():
        if option_id not in options:
            raise InvalidInput(_("One of these dates is no longer proposed. Reload the page."))
        if value in ("", None):
            continue
        if value not in Availability.values:
            raise InvalidInput(_("Answer yes, if need be or no."))
        clean[option_id] = value
    for option_id, value in clean.items():
        DateAnswer.objects.update_or_create(
            option=options[option_id],
            person=person,
            defaults={"answer": value, "table": current.table},
        )
    DateAnswer.objects.filter(option__meeting=current, person=person).exclude(
        option_id__in=list(clean)
    ).delete()
    audit.record(
        event=AuditEvent.MEETING_DATE_ANSWERED,
        actor=person,
        table=current.table,
        target=current,
        new={options[k].starts_at.isoformat(): v for k, v in clean.items()},
    )
    return current


@transaction.atomic
def meeting_choose_date(*, meeting: Meeting, actor, option: DateOption) -> Meeting:
    """Pick one proposed slot: the meeting is scheduled at that time."""
    current = _lock(meeting)
    assert option.meeting_id == current.pk, "option of another meeting"
    if current.status != MeetingStatus.PLANNING:
        raise InvalidTransition(_("The date of this meeting is already chosen."))
    current.starts_at = option.starts_at
    current.status = MeetingStatus.SCHEDULED
    current.revision += 1
    current.save()
    audit.record(
        event=AuditEvent.MEETING_DATE_CHOSEN,
        actor=actor,
        table=current.table,
        target=current,
        new={"starts_at": option.starts_at.isoformat()},
    )
    return current


# ---------------------------------------------------------------- agenda


def _item_snapshot(item: AgendaItem) -> dict[str, str]:
    return {
        "title": item.title,
        "kind": item.kind,
        "duration_minutes": str(item.duration_minutes),
        "presenter": str(item.presenter or item.presenter_name or ""),
    }


def _check_item_input(table, *, kind: str, presenter) -> None:
    if kind not in ItemKind.values:
        raise InvalidInput(
            _("Choose a type of item."), extra={"fields": {"kind": [_("Choose a type of item.")]}}
        )
    if presenter is not None:
        assert selectors.person_at_table(table=table, person_id=presenter.pk) is not None, (
            "presenter outside the table"
        )


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    actor,
    title: str,
    kind: str,
    duration_minutes: int = 15,
    presenter=None,
    presenter_name: str = "",
    description: str = "",
) -> AgendaItem:
    current = _lock(meeting)
    _refuse_finished(current)
    _check_item_input(current.table, kind=kind, presenter=presenter)
    last = AgendaItem.objects.filter(meeting=current).order_by("-position").first()
    item = AgendaItem(
        table=current.table,
        meeting=current,
        position=(last.position + 1) if last else 1,
        title=(title or "").strip(),
        kind=kind,
        duration_minutes=duration_minutes,
        presenter=presenter,
        presenter_name=(presenter_name or "").strip(),
        description=(description or "").strip(),
    )
    _validate(item)
    item.save()
    audit.record(
        event=AuditEvent.AGENDA_ITEM_ADDED,
        actor=actor,
        table=current.table,
        target=item,
        new=_item_snapshot(item),
    )
    return item


@transaction.atomic
def agenda_item_propose(
    *,
    meeting: Meeting,
    actor,
    title: str,
    kind: str,
    duration_minutes: int = 15,
    description: str = "",
) -> AgendaItem:
    """A member proposes an item while the draft agenda circulates."""
    current = _lock(meeting)
    if current.agenda_circulated_at is None or current.status not in (
        MeetingStatus.PLANNING,
        MeetingStatus.SCHEDULED,
        MeetingStatus.CONVENED,
    ):
        raise InvalidTransition(_("Items can be proposed only while the draft agenda circulates."))
    _check_item_input(current.table, kind=kind, presenter=None)
    last = AgendaItem.objects.filter(meeting=current).order_by("-position").first()
    item = AgendaItem(
        table=current.table,
        meeting=current,
        position=(last.position + 1) if last else 1,
        title=(title or "").strip(),
        kind=kind,
        duration_minutes=duration_minutes,
        presenter=actor,
        description=(description or "").strip(),
        proposed_by=actor,
        is_accepted=False,
    )
    _validate(item)
    item.save()
    audit.record(
        event=AuditEvent.AGENDA_ITEM_PROPOSED,
        actor=actor,
        table=current.table,
        target=item,
        new=_item_snapshot(item),
    )
    return item


def _lock_item(item: AgendaItem) -> AgendaItem:
    return (
        AgendaItem.objects.select_for_update(of=("self",))
        .select_related("meeting", "table", "presenter")
        .get(pk=item.pk)
    )


@transaction.atomic
def agenda_item_accept(*, item: AgendaItem, actor) -> AgendaItem:
    """Put a proposed item on the agenda."""
    current = _lock_item(item)
    _refuse_finished(current.meeting)
    if current.is_accepted:
        raise InvalidTransition(_("This item is already on the agenda."))
    current.is_accepted = True
    current.revision += 1
    current.save()
    audit.record(
        event=AuditEvent.AGENDA_ITEM_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={"is_accepted": False},
        new={"is_accepted": True},
    )
    return current


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    actor,
    revision: int | None,
    title: str,
    kind: str,
    duration_minutes: int,
    presenter=None,
    presenter_name: str = "",
    description: str = "",
) -> AgendaItem:
    current = _lock_item(item)
    _refuse_stale(current.revision, revision, _("this item"))
    _refuse_finished(current.meeting)
    _check_item_input(current.table, kind=kind, presenter=presenter)
    old = _item_snapshot(current)
    current.title = (title or "").strip()
    current.kind = kind
    current.duration_minutes = duration_minutes
    current.presenter = presenter
    current.presenter_name = (presenter_name or "").strip()
    current.description = (description or "").strip()
    _validate(current)
    current.revision += 1
    current.save()
    new = _item_snapshot(current)
    changed = [k for k in new if new[k] != old[k]]
    audit.record(
        event=AuditEvent.AGENDA_ITEM_UPDATED,
        actor=actor,
        table=current.table,
        target=current,
        old={k: old[k] for k in changed},
        new={k: new[k] for k in changed},
    )
    return current


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, actor) -> None:
    """Remove an item and its documents (files included, after commit)."""
    current = _lock_item(item)
    _refuse_finished(current.meeting)
    if current.meeting.current_item_id == current.pk:
        Meeting.objects.filter(pk=current.meeting_id).update(current_item=None)
    names = list(AgendaDocument.objects.filter(item=current).values_list("file", flat=True))
    audit.record(
        event=AuditEvent.AGENDA_ITEM_REMOVED,
        actor=actor,
        table=current.table,
        target=current,
        old=_item_snapshot(current),
    )
    current.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names if name])


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, actor, direction: str) -> AgendaItem:
    """Move an item one place up or down; positions are renumbered 1..n."""
    current = _lock_item(item)
    _refuse_finished(current.meeting)
    if direction not in ("up", "down"):
        raise InvalidInput(_("Move an item up or down."))
    items = list(
        AgendaItem.objects.select_for_update(of=("self",))
        .filter(meeting_id=current.meeting_id)
        .order_by("position", "id")
    )
    index = next(i for i, row in enumerate(items) if row.pk == current.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, row in enumerate(items, start=1):
        row.position = position
    AgendaItem.objects.bulk_update(items, ["position"])
    audit.record(
        event=AuditEvent.AGENDA_ITEMS_REORDERED,
        actor=actor,
        table=current.table,
        target=current.meeting,
        new={"order": [row.pk for row in items]},
    )
    current.refresh_from_db()
    return current


@transaction.atomic
def meeting_circulate_agenda(*, meeting: Meeting, actor) -> Meeting:
    """Send the draft agenda to the table's people; members may then propose items."""
    current = _lock(meeting)
    if current.status not in (MeetingStatus.PLANNING, MeetingStatus.SCHEDULED):
        raise InvalidTransition(
            _("The draft agenda circulates before the convocation, not after.")
        )
    current.agenda_circulated_at = timezone.now()
    current.save(update_fields=["agenda_circulated_at", "updated_at"])
    audit.record(
        event=AuditEvent.MEETING_AGENDA_CIRCULATED,
        actor=actor,
        table=current.table,
        target=current,
    )
    if current.committee_id:
        people = selectors.committee_people(committee=current.committee)
    else:
        people = selectors.table_people(table=current.table)
    _send(current, "agenda", [person.pk for person in people])
    return current


# ---------------------------------------------------------------- convocation and replies


def _coordinator_ids(table) -> list[int]:
    return [person.pk for person in selectors.table_people(table=table, roles=("coordinator",))]


@transaction.atomic
def meeting_convene(*, meeting: Meeting, actor) -> Meeting:
    """Send the convocation: one attendance row per open seat (or committee member).

    Each seat's representative is convened (the alternate when the
    representative already said they would not come, or when the seat has no
    representative), plus the table's coordinators who hold no seat.
    """
    current = _lock(meeting)
    if current.status != MeetingStatus.SCHEDULED or current.starts_at is None:
        raise InvalidTransition(_("Only a scheduled meeting with a date can be convened."))
    existing_by_seat = {
        row.seat_id: row for row in Attendance.objects.filter(meeting=current, seat__isnull=False)
    }
    existing_people = set(
        Attendance.objects.filter(meeting=current, seat__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    to_create: list[Attendance] = []
    convened: list[int] = []
    seat_people: set[int] = set()
    if current.committee_id:
        for person in selectors.committee_people(committee=current.committee):
            convened.append(person.pk)
            if person.pk not in existing_people:
                to_create.append(Attendance(table=current.table, meeting=current, person=person))
                existing_people.add(person.pk)
    else:
        for seat in selectors.open_seats(table=current.table):
            holders = [p for p in (seat.representative, seat.alternate) if p is not None]
            seat_people.update(p.pk for p in holders)
            row = existing_by_seat.get(seat.pk)
            sends_alternate = row is not None and row.reply in (Reply.ALTERNATE, Reply.ABSENT)
            person = seat.representative
            if person is None or (sends_alternate and seat.alternate is not None):
                person = seat.alternate or seat.representative
            if person is None:
                continue
            convened.append(person.pk)
            if row is None:
                to_create.append(
                    Attendance(table=current.table, meeting=current, seat=seat, person=person)
                )
    for person_id in _coordinator_ids(current.table):
        if person_id in seat_people:
            continue
        convened.append(person_id)
        if person_id not in existing_people:
            to_create.append(Attendance(table=current.table, meeting=current, person_id=person_id))
            existing_people.add(person_id)
    Attendance.objects.bulk_create(to_create)
    current.status = MeetingStatus.CONVENED
    current.convened_at = timezone.now()
    current.revision += 1
    current.save()
    audit.record(
        event=AuditEvent.MEETING_CONVENED,
        actor=actor,
        table=current.table,
        target=current,
        new={"convened": len(set(convened)), "sequence": current.ical_sequence},
    )
    _send(current, "convocation", convened)
    return current


@transaction.atomic
def attendance_reply(*, meeting: Meeting, person, reply: str) -> Attendance:
    """Record a convened person's answer (present, absent, sending the alternate).

    When a representative sends their alternate, the alternate is convened
    for the seat and receives the convocation.
    """
    current = _lock(meeting)
    if current.status not in (MeetingStatus.CONVENED, MeetingStatus.SCHEDULED):
        raise InvalidTransition(_("This meeting no longer takes answers."))
    if reply not in Reply.values:
        raise InvalidInput(
            _("Choose an answer."), extra={"fields": {"reply": [_("Choose an answer.")]}}
        )
    row = selectors.attendance_for_person(meeting=current, person=person)
    if row is None:
        raise InvalidTransition(_("You are not among the people convened to this meeting."))
    row = Attendance.objects.select_for_update(of=("self",)).get(pk=row.pk)
    old = {"reply": row.reply, "person": str(row.person or "")}
    alternate = None
    if reply == Reply.ALTERNATE:
        if row.seat_id is None:
            raise InvalidInput(_("Only a seat's representative can send an alternate."))
        seat = next(s for s in selectors.open_seats(table=current.table) if s.pk == row.seat_id)
        alternate = seat.alternate
        if alternate is None or alternate.pk == person.pk:
            raise InvalidInput(_("This seat has no alternate to send."))
        row.person = alternate
    elif row.seat_id is not None and row.person_id != person.pk:
        # The representative takes the seat back, or the alternate answers for it.
        row.person = person
    row.reply = reply
    row.replied_at = timezone.now()
    row.save()
    audit.record(
        event=AuditEvent.ATTENDANCE_REPLIED,
        actor=person,
        table=current.table,
        target=row,
        old=old,
        new={"reply": reply, "person": str(row.person or "")},
    )
    if alternate is not None and current.status == MeetingStatus.CONVENED:
        _send(current, "convocation", [alternate.pk])
    return row


@transaction.atomic
def attendance_record(*, meeting: Meeting, actor, rows: list[dict]) -> Meeting:
    """Take attendance, all rows at once.

    Each row is {"seat": Seat | None, "person": User | None, "present": bool |
    None, "attended_by": User | None}. For a seat, `attended_by` says who came
    (representative or alternate); rows without seat are people (guests,
    coordinators). Either every row is saved or none.
    """
    current = _lock(meeting)
    if current.status in (MeetingStatus.CANCELLED, MeetingStatus.PLANNING):
        raise InvalidTransition(_("Attendance is taken for a scheduled meeting."))
    seats = {seat.pk: seat for seat in selectors.open_seats(table=current.table)}
    by_seat = {
        row.seat_id: row for row in Attendance.objects.filter(meeting=current, seat__isnull=False)
    }
    by_person = {
        row.person_id: row for row in Attendance.objects.filter(meeting=current, seat__isnull=True)
    }
    changed = 0
    for data in rows:
        seat = data.get("seat")
        present = data.get("present")
        attended_by = data.get("attended_by")
        if seat is not None:
            assert seat.table_id == current.table_id, "seat of another table"
            open_seat = seats.get(seat.pk)
            holders = (
                {p.pk for p in (open_seat.representative, open_seat.alternate) if p}
                if open_seat
                else set()
            )
            if present and attended_by is not None and attended_by.pk not in holders:
                raise InvalidInput(
                    _("%(seat)s: only its representative or alternate can attend for it.")
                    % {"seat": seat}
                )
            if present and attended_by is None and open_seat and open_seat.representative:
                attended_by = open_seat.representative
            row = by_seat.get(seat.pk) or Attendance(
                table=current.table, meeting=current, seat=seat
            )
        else:
            person = data["person"]
            assert selectors.person_at_table(table=current.table, person_id=person.pk), (
                "person outside the table"
            )
            row = by_person.get(person.pk) or Attendance(
                table=current.table, meeting=current, person=person
            )
            by_person[person.pk] = row
            attended_by = person if present else None
        row.present = present
        row.attended_by = attended_by if present else None
        row.save()
        changed += 1
    quorum = selectors.meeting_quorum(meeting=current)
    audit.record(
        event=AuditEvent.ATTENDANCE_RECORDED,
        actor=actor,
        table=current.table,
        target=current,
        new={"rows": changed, "present": quorum.present, "required": quorum.required},
    )
    return current


@transaction.atomic
def meeting_rules_update(
    *, table, actor, quorum_rule: str, quorum_fixed: int | None = None, revision: str = ""
) -> MeetingRules:
    """Change the table's quorum rule. `revision` is the updated_at the editor read."""
    rules = MeetingRules.objects.select_for_update(of=("self",)).filter(table=table).first()
    if rules is not None and revision and rules.updated_at.isoformat() != revision:
        raise Conflict(
            _(
                "Someone else changed the meeting rules while you were editing. Reload the "
                "page to see their version."
            )
        )
    if quorum_rule not in QuorumRule.values:
        raise InvalidInput(_("Choose a quorum rule."))
    if quorum_rule == QuorumRule.FIXED and not quorum_fixed:
        message = _("Give the number of seats needed for the quorum.")
        raise InvalidInput(message, extra={"fields": {"quorum_fixed": [message]}})
    old = {"quorum_rule": rules.quorum_rule, "quorum_fixed": rules.quorum_fixed} if rules else {}
    if rules is None:
        rules = MeetingRules(table=table)
    rules.quorum_rule = quorum_rule
    rules.quorum_fixed = quorum_fixed if quorum_rule == QuorumRule.FIXED else None
    rules.save()
    audit.record(
        event=AuditEvent.MEETING_RULES_UPDATED,
        actor=actor,
        table=table,
        target=rules,
        old=old,
        new={"quorum_rule": rules.quorum_rule, "quorum_fixed": rules.quorum_fixed},
    )
    return rules


# ---------------------------------------------------------------- during the meeting


@transaction.atomic
def meeting_start(*, meeting: Meeting, actor) -> Meeting:
    current = _lock(meeting)
    if current.status not in (MeetingStatus.SCHEDULED, MeetingStatus.CONVENED):
        raise InvalidTransition(_("Only a scheduled meeting can start."))
    current.status = MeetingStatus.IN_PROGRESS
    current.started_at = timezone.now()
    current.save()
    audit.record(
        event=AuditEvent.MEETING_STARTED,
        actor=actor,
        table=current.table,
        target=current,
        new={"started_at": current.started_at.isoformat()},
    )
    return current


@transaction.atomic
def meeting_end(*, meeting: Meeting, actor) -> Meeting:
    """End the meeting; the item under way ends with it."""
    current = _lock(meeting)
    if current.status != MeetingStatus.IN_PROGRESS:
        raise InvalidTransition(_("Only a meeting in progress can end."))
    now = timezone.now()
    AgendaItem.objects.filter(
        meeting=current, started_at__isnull=False, ended_at__isnull=True
    ).update(ended_at=now)
    current.status = MeetingStatus.HELD
    current.ended_at = now
    current.current_item = None
    current.save()
    audit.record(
        event=AuditEvent.MEETING_ENDED,
        actor=actor,
        table=current.table,
        target=current,
        new={"ended_at": now.isoformat()},
    )
    return current


@transaction.atomic
def agenda_item_set_current(*, meeting: Meeting, actor, item: AgendaItem | None) -> Meeting:
    """Move on to `item`: the current item ends, the new one starts (once)."""
    current = _lock(meeting)
    if current.status != MeetingStatus.IN_PROGRESS:
        raise InvalidTransition(_("Start the meeting first."))
    if item is not None:
        assert item.meeting_id == current.pk, "item of another meeting"
        if not item.is_accepted:
            raise InvalidTransition(_("Accept this proposed item first."))
    now = timezone.now()
    previous = current.current_item
    if previous is not None and (item is None or previous.pk != item.pk):
        AgendaItem.objects.filter(pk=previous.pk, ended_at__isnull=True).update(ended_at=now)
    if item is not None:
        AgendaItem.objects.filter(pk=item.pk, started_at__isnull=True).update(started_at=now)
        # Coming back to an item resumes it.
        AgendaItem.objects.filter(pk=item.pk).update(ended_at=None)
    current.current_item = item
    current.save(update_fields=["current_item", "updated_at"])
    audit.record(
        event=AuditEvent.AGENDA_ITEM_UPDATED,
        actor=actor,
        table=current.table,
        target=item or current,
        old={"current": str(previous or "")},
        new={"current": str(item or "")},
    )
    return current


@transaction.atomic
def agenda_item_save_notes(
    *, item: AgendaItem, actor, notes: str, revision: int | None
) -> AgendaItem:
    current = _lock_item(item)
    _refuse_stale(current.revision, revision, _("the notes of this item"))
    if current.meeting.status == MeetingStatus.CANCELLED:
        raise InvalidTransition(_("This meeting was cancelled."))
    old = current.notes
    current.notes = (notes or "").strip()
    current.revision += 1
    current.save(update_fields=["notes", "revision", "updated_at"])
    audit.record(
        event=AuditEvent.AGENDA_NOTES_SAVED,
        actor=actor,
        table=current.table,
        target=current,
        old={"length": len(old)},
        new={"length": len(current.notes)},
    )
    return current


# ---------------------------------------------------------------- documents

# extension → (content type, accepted leading bytes)
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
ALLOWED_DOCUMENTS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    "odp": ("application/vnd.oasis.opendocument.presentation", _ZIP),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ZIP,
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ZIP,
    ),
    "doc": ("application/msword", _OLE),
    "xls": ("application/vnd.ms-excel", _OLE),
    "ppt": ("application/vnd.ms-powerpoint", _OLE),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "gif": ("image/gif", (b"GIF87a", b"GIF89a")),
    "webp": ("image/webp", (b"RIFF",)),
}


def _sniff(extension: str, head: bytes) -> str | None:
    content_type, signatures = ALLOWED_DOCUMENTS[extension]
    if not any(head.startswith(signature) for signature in signatures):
        return None
    if extension == "webp" and head[8:12] != b"WEBP":
        return None
    return content_type


def _refuse_document(message: str):
    raise InvalidInput(message, extra={"fields": {"file": [message]}})


@transaction.atomic
def document_attach(*, item: AgendaItem, actor, uploaded) -> AgendaDocument:
    """Attach a file to an item after checking its name, content and size."""
    current = _lock_item(item)
    _refuse_finished(current.meeting)
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
    content_type = _sniff(extension, head)
    if content_type is None:
        _refuse_document(
            _("The content of this file does not match its name (.%(ext)s). Check the file.")
            % {"ext": extension}
        )
    safe_name = f"{secrets.token_hex(8)}.{extension}"
    stored = default_storage.save(f"meetings/{current.table_id}/{safe_name}", uploaded)
    document = AgendaDocument.objects.create(
        table=current.table,
        item=current,
        file=stored,
        original_name=name[:255],
        content_type=content_type,
        size=uploaded.size,
        uploaded_by=actor,
    )
    audit.record(
        event=AuditEvent.DOCUMENT_ATTACHED,
        actor=actor,
        table=current.table,
        target=document,
        new={"name": document.original_name, "size": document.size, "item": current.title},
    )
    return document


@transaction.atomic
def document_remove(*, document: AgendaDocument, actor) -> None:
    current = (
        AgendaDocument.objects.select_for_update(of=("self",))
        .select_related("item", "item__meeting", "table")
        .get(pk=document.pk)
    )
    _refuse_finished(current.item.meeting)
    name = current.file.name
    audit.record(
        event=AuditEvent.DOCUMENT_REMOVED,
        actor=actor,
        table=current.table,
        target=current,
        old={"name": current.original_name, "item": current.item.title},
    )
    current.delete()
    transaction.on_commit(lambda: default_storage.delete(name))


# ---------------------------------------------------------------- calendar feeds


@transaction.atomic
def calendar_feed_create(*, actor, table=None) -> tuple[CalendarFeed, str]:
    """Create a secret calendar address: the person's own, or one table's.

    Only the hash of the token is kept; the address is shown once.
    """
    from tablee.accounts.models import hash_token

    raw = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        user=actor if table is None else None,
        table=table,
        created_by=actor,
        token_hash=hash_token(raw),
    )
    audit.record(
        event=AuditEvent.CALENDAR_FEED_CREATED,
        actor=actor,
        table=table,
        target=feed,
        new={"kind": "table" if table else "personal"},
    )
    return feed, raw


@transaction.atomic
def calendar_feed_revoke(*, feed: CalendarFeed, actor) -> CalendarFeed:
    current = CalendarFeed.objects.select_for_update(of=("self",)).get(pk=feed.pk)
    assert current.created_by_id == actor.pk, "only its creator revokes a feed"
    if current.revoked_at is not None:
        raise InvalidTransition(_("This calendar address is already revoked."))
    current.revoked_at = timezone.now()
    current.save(update_fields=["revoked_at"])
    audit.record(
        event=AuditEvent.CALENDAR_FEED_REVOKED,
        actor=actor,
        table=current.table,
        target=current,
    )
    return current
