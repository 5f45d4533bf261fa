"""Who may see, run and vote in a table's polls (object: table or poll)."""

import rules
from django.utils import timezone

from tablee.core.permissions import has_any_role, is_coordinator, is_member, is_platform_admin


@rules.predicate
def poll_is_open(user, poll) -> bool:
    now = timezone.now()
    return (
        poll is not None
        and getattr(poll, "status", None) == "open"
        and poll.opens_at <= now < poll.closes_at
    )


@rules.predicate
def poll_is_draft(user, poll) -> bool:
    return poll is not None and getattr(poll, "status", None) == "draft"


@rules.predicate
def poll_is_running(user, poll) -> bool:
    """Open and not yet past its closing time (whether or not voting has started)."""
    return (
        poll is not None
        and getattr(poll, "status", None) == "open"
        and timezone.now() < poll.closes_at
    )


@rules.predicate
def poll_is_closed(user, poll) -> bool:
    """Closed, or open but past its closing time (closed in effect)."""
    if poll is None or not hasattr(poll, "closes_at"):
        return False
    return poll.status == "closed" or (poll.status == "open" and poll.closes_at <= timezone.now())


@rules.predicate
def results_are_public(user, poll) -> bool:
    return poll is not None and not getattr(poll, "hide_results_until_closed", True)


@rules.predicate
def poll_is_open_ballot(user, poll) -> bool:
    return poll is not None and getattr(poll, "is_secret", True) is False


rules.add_perm("polls.view_poll", has_any_role | is_platform_admin)
rules.add_perm("polls.manage_poll", is_coordinator | is_platform_admin)
rules.add_perm("polls.open_poll", (is_coordinator | is_platform_admin) & poll_is_draft)
rules.add_perm("polls.close_poll", (is_coordinator | is_platform_admin) & poll_is_running)
# Observers follow the table's work but do not vote.
rules.add_perm("polls.cast_ballot", is_member & poll_is_open)
rules.add_perm(
    "polls.view_results",
    (has_any_role | is_platform_admin) & (poll_is_closed | results_are_public),
)
# Who chose what, for an open (non-secret) ballot: members, not observers.
rules.add_perm(
    "polls.view_named_ballots",
    (is_member | is_platform_admin) & poll_is_open_ballot & (poll_is_closed | results_are_public),
)
rules.add_perm("polls.record_decision", (is_coordinator | is_platform_admin) & poll_is_closed)
