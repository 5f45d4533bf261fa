"""Reads about minutes, shaped for the minutes pages, exports and API."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from tablee.minutes.models import Erratum, Minutes, MinutesComment, MinutesRevision


def meeting_get(*, table, meeting_id: int):
    """Return the table's meeting (with its committee), or None."""
    from tablee.meetings.models import Meeting

    return (
        Meeting.objects.for_table(table)
        .select_related("table", "committee")
        .filter(pk=meeting_id)
        .first()
    )


def minutes_for_meeting(*, meeting) -> Minutes | None:
    """Return the meeting's minutes with what their page shows, or None."""
    return (
        Minutes.objects.for_table(meeting.table)
        .select_related("table", "meeting", "adopted_by_decision__meeting")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=MinutesComment.objects.select_related("author").order_by(
                    "created_at", "id"
                ),
            ),
            Prefetch(
                "errata",
                queryset=Erratum.objects.select_related("recorded_by", "decision").order_by(
                    "created_at", "id"
                ),
            ),
        )
        .filter(meeting=meeting)
        .first()
    )


def minutes_get(*, table, meeting_id: int) -> Minutes | None:
    return (
        Minutes.objects.for_table(table)
        .select_related("table", "meeting", "adopted_by_decision")
        .filter(meeting_id=meeting_id)
        .first()
    )


def revision_list(*, minutes: Minutes) -> QuerySet[MinutesRevision]:
    return (
        MinutesRevision.objects.for_table(minutes.table)
        .filter(minutes=minutes)
        .select_related("saved_by")
        .order_by("-number")
    )


def revision_get(*, minutes: Minutes, number: int) -> MinutesRevision | None:
    return (
        MinutesRevision.objects.for_table(minutes.table)
        .filter(minutes=minutes, number=number)
        .select_related("saved_by")
        .first()
    )


def adoption_decisions(*, minutes: Minutes):
    """Return the table's adopted decisions taken at a meeting after the minutes' meeting."""
    from tablee.decisions.models import Decision, Outcome

    meeting = minutes.meeting
    if meeting.starts_at is None:
        return Decision.objects.none()
    return (
        Decision.objects.for_table(minutes.table)
        .filter(
            outcome=Outcome.ADOPTED,
            meeting__starts_at__gt=meeting.starts_at,
        )
        .select_related("meeting")
        .order_by("-decided_on", "-number")
    )


def erratum_decisions(*, minutes: Minutes):
    """Return the table's decisions taken after the minutes' meeting (to cite in an erratum)."""
    return adoption_decisions(minutes=minutes)


def decision_get(*, table, decision_id: int):
    from tablee.decisions.models import Decision

    return (
        Decision.objects.for_table(table).select_related("meeting").filter(pk=decision_id).first()
    )


def table_people(*, table):
    """Return the people currently at the table (who receive circulated minutes)."""
    from tablee.accounts.models import User

    return (
        User.objects.filter(
            memberships__table=table, memberships__ended_at__isnull=True, is_active=True
        )
        .distinct()
        .order_by("pk")
    )


@dataclass
class DraftSources:
    """What a draft is generated from, loaded in a handful of queries."""

    meeting: object
    items: list = field(default_factory=list)
    attendances: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    actions: list = field(default_factory=list)


def draft_sources(*, meeting) -> DraftSources:
    from tablee.actions.models import ActionItem
    from tablee.decisions.models import Decision
    from tablee.meetings.models import AgendaItem, Attendance

    table = meeting.table
    items = list(
        AgendaItem.objects.for_table(table)
        .filter(meeting=meeting, is_accepted=True)
        .select_related("presenter")
        .order_by("position", "id")
    )
    attendances = list(
        Attendance.objects.for_table(table)
        .filter(meeting=meeting)
        .select_related("seat__organization", "person", "attended_by")
        .order_by("id")
    )
    decisions = list(
        Decision.objects.for_table(table)
        .filter(meeting=meeting)
        .select_related("accountable_person", "accountable_organization")
        .order_by("number")
    )
    actions = list(
        ActionItem.objects.for_table(table)
        .filter(meeting=meeting)
        .select_related("accountable_person", "accountable_organization")
        .order_by("id")
    )
    return DraftSources(
        meeting=meeting,
        items=items,
        attendances=attendances,
        decisions=decisions,
        actions=actions,
    )
