"""Who may do what with the winning conditions self-check (object: table or check)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


@rules.predicate
def check_is_draft(user, obj) -> bool:
    """A completed check is frozen; the table itself (no check yet) passes."""
    return getattr(obj, "status", "draft") == "draft"


rules.add_perm("selfcheck.view_selfcheck", has_any_role | is_platform_admin)
rules.add_perm("selfcheck.start_selfcheck", is_coordinator | is_platform_admin)
rules.add_perm("selfcheck.edit_selfcheck", (is_coordinator | is_platform_admin) & check_is_draft)
