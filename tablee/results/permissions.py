"""Who may read and record plan indicators (object: table, process or indicator)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


@rules.predicate
def is_accountable_for_indicator(user, indicator) -> bool:
    """The person accountable for the indicator's action (reads the loaded action)."""
    action = getattr(indicator, "action", None)
    return (
        action is not None
        and getattr(user, "is_authenticated", False)
        and action.accountable_person_id == user.pk
    )


rules.add_perm("results.view_indicators", has_any_role | is_platform_admin)
rules.add_perm("results.manage_indicators", is_coordinator | is_platform_admin)
# The accountable person reports on their action without going through the
# coordinator, as long as they still sit at the table.
rules.add_perm(
    "results.record_value",
    is_coordinator | is_platform_admin | (has_any_role & is_accountable_for_indicator),
)
