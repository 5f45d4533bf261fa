"""Who may read, write, comment and adopt minutes (object: table or minutes)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_member, is_platform_admin


@rules.predicate
def minutes_is_open(user, obj) -> bool:
    """Not adopted yet (a table, before any minutes exist, counts as open)."""
    return getattr(obj, "status", None) != "adopted"


@rules.predicate
def minutes_is_adopted(user, obj) -> bool:
    return getattr(obj, "status", None) == "adopted"


rules.add_perm("minutes.view_minutes", has_any_role | is_platform_admin)
rules.add_perm("minutes.edit_minutes", is_coordinator | is_platform_admin)
rules.add_perm("minutes.comment_minutes", is_member | is_platform_admin)
# Gated on the minutes' state, so pages hide exactly what the services refuse.
rules.add_perm("minutes.change_draft", (is_coordinator | is_platform_admin) & minutes_is_open)
rules.add_perm("minutes.comment_draft", (is_member | is_platform_admin) & minutes_is_open)
rules.add_perm("minutes.record_erratum", (is_coordinator | is_platform_admin) & minutes_is_adopted)
