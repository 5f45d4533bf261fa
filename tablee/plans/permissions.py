"""Who may do what with action plans (object: table, process or a row of it)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


@rules.predicate
def is_accountable(user, action) -> bool:
    """The person named accountable (« imputable ») for this plan action."""
    person_id = getattr(action, "accountable_person_id", None)
    return person_id is not None and person_id == getattr(user, "pk", None)


rules.add_perm("plans.view_plan", has_any_role | is_platform_admin)
rules.add_perm("plans.manage_plan", is_coordinator | is_platform_admin)
# The accountable person reports progress on their action without the coordinator.
rules.add_perm(
    "plans.record_progress",
    (has_any_role & is_accountable) | is_coordinator | is_platform_admin,
)
