"""Who may see and follow up actions (object: table or action)."""

import rules

from tablee.core.permissions import (
    has_any_role,
    is_authenticated,
    is_coordinator,
    is_platform_admin,
)


@rules.predicate
def is_accountable(user, action) -> bool:
    return getattr(action, "accountable_person_id", None) == getattr(user, "pk", None)


rules.add_perm("actions.view_actions", has_any_role | is_platform_admin)
rules.add_perm("actions.manage_actions", is_coordinator | is_platform_admin)
# The accountable person may update the status of their own action.
rules.add_perm(
    "actions.update_action_status",
    (has_any_role & is_accountable) | is_coordinator | is_platform_admin,
)
rules.add_perm("actions.view_my_actions", is_authenticated)
rules.add_perm("actions.manage_notifications", is_authenticated)
