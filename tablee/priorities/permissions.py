"""Who may do what with vision and priorities (object: table, process or round).

A round's phase is read from its own fields (and its poll, selected with it),
never queried per row.
"""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_member, is_platform_admin


def _state(round) -> str | None:
    from tablee.priorities.selectors import round_state

    if round is None or not hasattr(round, "opens_at"):
        return None
    return round_state(round)


@rules.predicate
def round_is_open(user, round) -> bool:
    return _state(round) == "open"


@rules.predicate
def round_is_closed(user, round) -> bool:
    """Past its closing time, adopted or not."""
    return _state(round) in ("closed", "adopted")


@rules.predicate
def round_is_adoptable(user, round) -> bool:
    return _state(round) == "closed"


@rules.predicate
def round_is_editable(user, round) -> bool:
    """Not adopted yet: an adopted round is frozen."""
    return round is not None and getattr(round, "adopted_at", None) is None


@rules.predicate
def round_uses_ratings(user, round) -> bool:
    return round is not None and getattr(round, "method", None) == "ratings"


_reader = has_any_role | is_platform_admin
_coordination = is_coordinator | is_platform_admin

rules.add_perm("priorities.view_vision", _reader)
rules.add_perm("priorities.edit_vision", _coordination)
rules.add_perm("priorities.comment_vision", is_member | is_platform_admin)
rules.add_perm("priorities.adopt_vision", _coordination)

rules.add_perm("priorities.view_round", _reader)
rules.add_perm("priorities.create_round", _coordination)
rules.add_perm("priorities.edit_round", _coordination & round_is_editable)
# Members (coordinators included) rate during the window; observers watch.
rules.add_perm("priorities.rate_round", is_member & round_uses_ratings & round_is_open)
rules.add_perm("priorities.view_round_results", _reader & round_is_closed)
rules.add_perm("priorities.view_round_progress", _coordination)
rules.add_perm("priorities.adopt_round", _coordination & round_is_adoptable)
