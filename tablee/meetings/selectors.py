"""Reads about meetings, shaped for their screens (no per-row queries)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from tablee.meetings.models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    CalendarFeed,
    DateAnswer,
    DateOption,
    Meeting,
    MeetingRules,
    MeetingStatus,
    QuorumRule,
)

# ---------------------------------------------------------------- meetings


def meeting_list(
    *, table, when: str = "upcoming", committee_id: int | None = None
) -> QuerySet[Meeting]:
    """Return a table's meetings: upcoming (soonest first) or past (latest first).

    Meetings still finding a date count as upcoming.
    """
    now = timezone.now()
    meetings = Meeting.objects.for_table(table).select_related("committee")
    if committee_id:
        meetings = meetings.filter(committee_id=committee_id)
    if when == "past":
        return meetings.filter(
            Q(status__in=[MeetingStatus.HELD, MeetingStatus.CANCELLED])
            | Q(starts_at__lt=now - timedelta(hours=12), status__in=_OPEN_STATUSES)
        ).order_by("-starts_at", "-id")
    return (
        meetings.exclude(status__in=[MeetingStatus.HELD, MeetingStatus.CANCELLED])
        .filter(Q(starts_at__isnull=True) | Q(starts_at__gte=now - timedelta(hours=12)))
        .order_by("starts_at", "id")
    )


_OPEN_STATUSES = [
    MeetingStatus.PLANNING,
    MeetingStatus.SCHEDULED,
    MeetingStatus.CONVENED,
    MeetingStatus.IN_PROGRESS,
]


def upcoming_meetings(*, table, limit: int = 3) -> list[Meeting]:
    """Return the next meetings of a table (for its home page)."""
    return list(meeting_list(table=table, when="upcoming")[:limit])


def meeting_list_all(*, table) -> QuerySet[Meeting]:
    """Return every meeting of a table, latest first (API)."""
    return (
        Meeting.objects.for_table(table).select_related("committee").order_by("-starts_at", "-id")
    )


def meeting_get(*, table, meeting_id: int) -> Meeting | None:
    return (
        Meeting.objects.for_table(table)
        .select_related("committee", "current_item", "table")
        .filter(pk=meeting_id)
        .first()
    )


def meeting_get_any(*, meeting_id: int) -> Meeting | None:
    """Return a meeting of a live table, for signed links (the token names it)."""
    return (
        Meeting.objects.select_related("table", "committee", "current_item")
        .filter(pk=meeting_id, table__deleted_at__isnull=True)
        .first()
    )


def committee_choices(*, table) -> list:
    from tablee.members.models import Committee

    return list(Committee.objects.for_table(table).filter(closed_at__isnull=True).order_by("name"))


def committee_get(*, table, committee_id: int):
    from tablee.members.models import Committee

    return Committee.objects.for_table(table).filter(pk=committee_id).first()


# ---------------------------------------------------------------- agenda


def agenda_items(*, meeting: Meeting) -> list[AgendaItem]:
    """Return every item of the meeting (accepted and proposed) with documents."""
    return list(
        AgendaItem.objects.for_table(meeting.table_id)
        .filter(meeting=meeting)
        .select_related("presenter", "proposed_by")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=AgendaDocument.objects.order_by("original_name"),
            )
        )
        .order_by("position", "id")
    )


@dataclass
class AgendaSummary:
    items: list[AgendaItem]
    proposed: list[AgendaItem]
    planned_minutes: int
    meeting_minutes: int
    used_minutes: int = 0

    @property
    def over_by(self) -> int:
        return max(0, self.planned_minutes - self.meeting_minutes)

    @property
    def is_over(self) -> bool:
        return self.planned_minutes > self.meeting_minutes


def agenda_summary(*, meeting: Meeting, now=None) -> AgendaSummary:
    """Split accepted and proposed items; attach running totals and time used."""
    now = now or timezone.now()
    items = agenda_items(meeting=meeting)
    accepted = [item for item in items if item.is_accepted]
    proposed = [item for item in items if not item.is_accepted]
    running = 0
    used_total = 0
    for item in accepted:
        running += item.duration_minutes
        item.running_total = running
        item.used_minutes = _used_minutes(item, now)
        item.is_over_time = item.used_minutes > item.duration_minutes
        used_total += item.used_minutes
    return AgendaSummary(
        items=accepted,
        proposed=proposed,
        planned_minutes=running,
        meeting_minutes=meeting.duration_minutes,
        used_minutes=used_total,
    )


def _used_minutes(item: AgendaItem, now) -> int:
    if item.started_at is None:
        return 0
    end = item.ended_at or now
    return max(0, int((end - item.started_at).total_seconds() // 60))


def agenda_item_get(*, meeting: Meeting, item_id: int) -> AgendaItem | None:
    return (
        AgendaItem.objects.for_table(meeting.table_id)
        .filter(meeting=meeting, pk=item_id)
        .select_related("meeting", "presenter")
        .first()
    )


def document_get(*, meeting: Meeting, document_id: int) -> AgendaDocument | None:
    return (
        AgendaDocument.objects.for_table(meeting.table_id)
        .filter(item__meeting=meeting, pk=document_id)
        .select_related("item")
        .first()
    )


def presenter_choices(*, table) -> list:
    """People currently at the table, for the presenter and attendance pickers."""
    from tablee.tables.models import Membership

    return [
        membership.user
        for membership in Membership.objects.for_table(table)
        .current()
        .select_related("user")
        .order_by("user__full_name", "user__email")
    ]


def table_people(*, table, roles=("coordinator", "member", "observer")) -> list:
    from tablee.tables.models import Membership

    return [
        membership.user
        for membership in Membership.objects.for_table(table)
        .current()
        .filter(role__in=roles, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    ]


def person_at_table(*, table, person_id: int):
    from tablee.tables.models import Membership

    membership = (
        Membership.objects.for_table(table)
        .current()
        .filter(user_id=person_id)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


# ---------------------------------------------------------------- dates


@dataclass
class DateGrid:
    options: list[DateOption]
    people: list
    # {(option_id, person_id): answer}
    answers: dict[tuple[int, int], str]
    mine: dict[int, str] = field(default_factory=dict)

    def rows(self):
        """Yield (person, [answer or "" per option]) for the grid."""
        for person in self.people:
            yield person, [self.answers.get((option.pk, person.pk), "") for option in self.options]


def date_grid(*, meeting: Meeting, viewer=None) -> DateGrid:
    """Return the proposed slots with counts and every answer, in three queries."""
    options = list(
        DateOption.objects.for_table(meeting.table_id)
        .filter(meeting=meeting)
        .annotate(
            yes_count=Count("answers", filter=Q(answers__answer="yes")),
            maybe_count=Count("answers", filter=Q(answers__answer="if_need_be")),
            no_count=Count("answers", filter=Q(answers__answer="no")),
        )
        .order_by("starts_at")
    )
    answers_qs = (
        DateAnswer.objects.for_table(meeting.table_id)
        .filter(option__meeting=meeting)
        .select_related("person")
    )
    answers = {}
    people = {}
    for answer in answers_qs:
        answers[(answer.option_id, answer.person_id)] = answer.answer
        people[answer.person_id] = answer.person
    mine = {}
    if viewer is not None and getattr(viewer, "pk", None):
        mine = {oid: value for (oid, pid), value in answers.items() if pid == viewer.pk}
    ordered = sorted(people.values(), key=lambda p: (p.full_name or p.email).lower())
    return DateGrid(options=options, people=ordered, answers=answers, mine=mine)


def date_option_get(*, meeting: Meeting, option_id: int) -> DateOption | None:
    return (
        DateOption.objects.for_table(meeting.table_id)
        .filter(meeting=meeting, pk=option_id)
        .first()
    )


# ---------------------------------------------------------------- attendance and quorum


def open_seats(*, table) -> list:
    """Return the open seats with `representative` and `alternate` attached."""
    from tablee.members.models import Seat, SeatHolding

    seats = list(
        Seat.objects.for_table(table)
        .filter(closed_at__isnull=True)
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "holdings",
                queryset=SeatHolding.objects.filter(ended_on__isnull=True).select_related(
                    "person"
                ),
                to_attr="current_holdings",
            )
        )
        .order_by("label", "organization__name", "id")
    )
    for seat in seats:
        seat.representative = None
        seat.alternate = None
        for holding in seat.current_holdings:
            if holding.position == "representative":
                seat.representative = holding.person
            elif holding.position == "alternate":
                seat.alternate = holding.person
    return seats


def committee_people(*, committee) -> list:
    from tablee.members.models import CommitteeMember

    return [
        row.person
        for row in CommitteeMember.objects.for_table(committee.table_id)
        .filter(committee=committee, left_on__isnull=True)
        .select_related("person")
    ]


def attendance_list(*, meeting: Meeting) -> list[Attendance]:
    return list(
        Attendance.objects.for_table(meeting.table_id)
        .filter(meeting=meeting)
        .select_related("seat", "seat__organization", "person", "attended_by")
        .order_by("seat__label", "seat__organization__name", "person__full_name", "id")
    )


def attendance_for_person(*, meeting: Meeting, person) -> Attendance | None:
    """Return the attendance row a person answers for: their own, or their seat's."""
    rows = (
        Attendance.objects.for_table(meeting.table_id)
        .filter(meeting=meeting)
        .filter(
            Q(person=person)
            | Q(seat__holdings__person=person, seat__holdings__ended_on__isnull=True)
        )
        .select_related("seat", "person", "meeting", "table")
        .distinct()
    )
    return rows.first()


def meeting_rules_get(*, table) -> MeetingRules:
    """Return the table's meeting rules, or unsaved defaults (majority)."""
    rules = MeetingRules.objects.for_table(table).first()
    if rules is None:
        rules = MeetingRules(table=table, quorum_rule=QuorumRule.MAJORITY)
    return rules


@dataclass
class Quorum:
    rule: str
    rule_label: str
    total: int
    present: int
    required: int

    @property
    def met(self) -> bool:
        return self.present >= self.required

    @property
    def missing(self) -> int:
        return max(0, self.required - self.present)


def required_for(*, rule: str, total: int, fixed: int | None) -> int:
    if rule == QuorumRule.NONE:
        return 0
    if rule == QuorumRule.FIXED:
        return fixed or 0
    if rule == QuorumRule.HALF:
        return math.ceil(total / 2)
    if rule == QuorumRule.TWO_THIRDS:
        return math.ceil(total * 2 / 3)
    return total // 2 + 1 if total else 0


def quorum_compute(*, rules: MeetingRules, total: int, present: int) -> Quorum:
    """Return the quorum for `total` counted units (seats, or committee members)."""
    return Quorum(
        rule=rules.quorum_rule,
        rule_label=str(QuorumRule(rules.quorum_rule).label),
        total=total,
        present=present,
        required=required_for(rule=rules.quorum_rule, total=total, fixed=rules.quorum_fixed),
    )


def meeting_quorum(*, meeting: Meeting, attendances: list[Attendance] | None = None) -> Quorum:
    """Compute the quorum of a meeting from its attendance, live.

    A table meeting counts its open seats (an alternate present counts for
    the seat); a committee meeting counts its current members.
    """
    rules = meeting_rules_get(table=meeting.table)
    if attendances is None:
        attendances = attendance_list(meeting=meeting)
    if meeting.committee_id:
        total = len(committee_people(committee=meeting.committee))
        present = sum(1 for row in attendances if row.seat_id is None and row.present)
    else:
        from tablee.members.models import Seat

        total = Seat.objects.for_table(meeting.table_id).filter(closed_at__isnull=True).count()
        present = sum(1 for row in attendances if row.seat_id is not None and row.present)
    return quorum_compute(rules=rules, total=total, present=present)


# ---------------------------------------------------------------- calendar feeds


def calendar_feed_list(*, user, table=None) -> QuerySet[CalendarFeed]:
    feeds = CalendarFeed.objects.filter(created_by=user, revoked_at__isnull=True)
    if table is None:
        return feeds.filter(table__isnull=True, user=user).order_by("-created_at")
    return feeds.filter(table=table).order_by("-created_at")


def calendar_feed_get(*, user, feed_id: int, table=None) -> CalendarFeed | None:
    return calendar_feed_list(user=user, table=table).filter(pk=feed_id).first()


def calendar_feed_by_token(*, raw_token: str) -> CalendarFeed | None:
    from tablee.accounts.models import hash_token

    return (
        CalendarFeed.objects.select_related("user", "table", "created_by")
        .filter(token_hash=hash_token(raw_token), revoked_at__isnull=True)
        .first()
    )


def feed_meetings(*, feed: CalendarFeed) -> list[Meeting]:
    """Return the dated meetings a feed shows: a year back, and all ahead.

    A table feed stops working when its creator no longer sits at the table;
    a personal feed follows the person's current tables.
    """
    from tablee.core.permissions import forget_roles, roles_of

    since = timezone.now() - timedelta(days=365)
    meetings = Meeting.objects.select_related("table", "committee").filter(
        starts_at__isnull=False, starts_at__gte=since, table__deleted_at__isnull=True
    )
    owner = feed.created_by
    forget_roles(owner)
    if not owner.is_active:
        return []
    table_ids = list(roles_of(owner))
    if feed.table_id is not None:
        if feed.table_id not in table_ids and not owner.is_platform_admin:
            return []
        meetings = meetings.filter(table_id=feed.table_id)
    else:
        meetings = meetings.filter(table_id__in=table_ids)
    return list(meetings.order_by("starts_at")[:2000])


def meeting_people(*, table) -> dict[int, object]:
    """Return {id: person} of the table's people and its current seat holders.

    A seat holder may hold no account role in the table; they are still
    convened and may answer through their signed link.
    """
    people = {person.pk: person for person in table_people(table=table)}
    for seat in open_seats(table=table):
        for holding in seat.current_holdings:
            people.setdefault(holding.person_id, holding.person)
    return people


def meeting_person_get(*, table, person_id: int):
    person = meeting_people(table=table).get(person_id)
    return person if person is not None and person.is_active else None
