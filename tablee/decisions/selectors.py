"""Reads of the decision register, shaped for its pages and the API."""

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear

from tablee.decisions.models import Decision, Outcome, search_key


def _taking_effect(**link):
    """An adopted decision that amends or supersedes the outer row.

    A rejected amendment is kept in the register but changes nothing.
    """
    return Decision.objects.filter(outcome=Outcome.ADOPTED, **{link["field"]: OuterRef("pk")})


def with_status(decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """Annotate `is_superseded` and `is_amended`, derived from the links."""
    return decisions.annotate(
        is_superseded=Exists(_taking_effect(field="supersedes")),
        is_amended=Exists(_taking_effect(field="amends")),
    )


def decision_list(
    *,
    table,
    search: str = "",
    in_force: bool = False,
    modality: str = "",
    year: int | None = None,
    meeting_id: int | None = None,
) -> QuerySet[Decision]:
    """Return the register of `table`, newest number first, ready for the list."""
    decisions = with_status(
        Decision.objects.for_table(table).select_related("meeting", "agenda_item")
    )
    if search:
        key = search_key(search)
        decisions = decisions.filter(search_text__contains=key)
    if in_force:
        decisions = decisions.filter(outcome=Outcome.ADOPTED, is_superseded=False)
    if modality:
        decisions = decisions.filter(modality=modality)
    if year:
        decisions = decisions.filter(decided_on__year=year)
    if meeting_id:
        decisions = decisions.filter(meeting_id=meeting_id)
    return decisions.order_by("-number")


def decision_years(*, table) -> list[int]:
    """Return the years that have decisions, newest first (for the year filter)."""
    return list(
        Decision.objects.for_table(table)
        .annotate(year=ExtractYear("decided_on"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def decision_meetings(*, table, limit: int = 200) -> list:
    """Return the most recent meetings that took decisions (for the meeting filter)."""
    from tablee.meetings.models import Meeting

    return list(
        Meeting.objects.for_table(table)
        .filter(Exists(Decision.objects.filter(meeting=OuterRef("pk"))))
        .order_by("-starts_at", "-id")
        .only("id", "title", "starts_at")[:limit]
    )


def decision_get(*, table, decision_id: int) -> Decision | None:
    """Return one decision with everything its page shows, or None."""
    return (
        with_status(Decision.objects.for_table(table))
        .select_related(
            "meeting",
            "agenda_item",
            "poll",
            "accountable_organization",
            "accountable_person",
            "recorded_by",
            "amends",
            "supersedes",
        )
        .prefetch_related("amended_by", "superseded_by")
        .filter(pk=decision_id)
        .first()
    )


def decision_status(decision: Decision) -> str:
    """Return "superseded", "amended", "in_force" or "not_adopted" (needs with_status)."""
    if decision.outcome != Outcome.ADOPTED:
        return "not_adopted"
    if decision.is_superseded:
        return "superseded"
    if decision.is_amended:
        return "amended"
    return "in_force"


def meeting_choices(*, table, limit: int = 200) -> list:
    """Return the table's most recent meetings, for the decision form."""
    from tablee.meetings.models import Meeting

    return list(
        Meeting.objects.for_table(table)
        .order_by("-starts_at", "-id")
        .only("id", "title", "starts_at")[:limit]
    )


def meeting_get(*, table, meeting_id: int):
    from tablee.meetings.models import Meeting

    return Meeting.objects.for_table(table).filter(pk=meeting_id).first()


def agenda_item_choices(*, table, meeting_id: int) -> list:
    from tablee.meetings.models import AgendaItem

    return list(
        AgendaItem.objects.for_table(table)
        .filter(meeting_id=meeting_id)
        .order_by("position", "id")
        .only("id", "title", "position", "meeting_id")
    )


def agenda_item_get(*, table, item_id: int):
    from tablee.meetings.models import AgendaItem

    return AgendaItem.objects.for_table(table).filter(pk=item_id).first()


def organization_choices(*, table) -> list:
    """Return the organizations holding an open seat at the table, by name."""
    from tablee.members.models import Seat
    from tablee.organizations.models import Organization

    seats = Seat.objects.for_table(table).filter(
        closed_at__isnull=True, organization_id=OuterRef("pk")
    )
    return list(Organization.objects.filter(Exists(seats)).order_by("name").only("id", "name"))


def organization_get(*, table, organization_id: int):
    for organization in organization_choices(table=table):
        if organization.pk == organization_id:
            return organization
    return None


def person_choices(*, table) -> list:
    """Return the people currently at the table, by name."""
    from tablee.accounts.models import User
    from tablee.tables.models import Membership

    memberships = Membership.objects.for_table(table).current().filter(user_id=OuterRef("pk"))
    return list(User.objects.filter(Exists(memberships)).order_by("full_name", "email"))


def person_get(*, table, user_id: int):
    from tablee.accounts.models import User
    from tablee.tables.models import Membership

    memberships = Membership.objects.for_table(table).current().filter(user_id=OuterRef("pk"))
    return User.objects.filter(Exists(memberships), pk=user_id).first()


def poll_for_decision(*, table, poll_id: int):
    from tablee.polls.models import Poll

    return Poll.objects.for_table(table).filter(pk=poll_id).first()
