"""Who may read and write a table's decision register (object: table or decision)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin


@rules.predicate
def decision_is_in_force(user, decision) -> bool:
    """Adopted and not superseded (reads the `is_superseded` annotation, no query)."""
    return (
        decision is not None
        and getattr(decision, "outcome", None) == "adopted"
        and not getattr(decision, "is_superseded", False)
    )


rules.add_perm("decisions.view_register", has_any_role | is_platform_admin)
rules.add_perm("decisions.record_decision", is_coordinator | is_platform_admin)
# A decision in force can be amended or superseded by a new one; others cannot.
rules.add_perm(
    "decisions.amend_decision", (is_coordinator | is_platform_admin) & decision_is_in_force
)
