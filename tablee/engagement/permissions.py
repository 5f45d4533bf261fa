"""Who may do what with mobilisation health.

Everyone with a role in the table reads the aggregates; coordinators read
the early warnings and every named figure, and change the settings. Whether
members see seats and representatives by name is the table's own setting,
read by the selectors (predicates never query).
"""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin

rules.add_perm("engagement.view_health", has_any_role | is_platform_admin)
rules.add_perm("engagement.view_warnings", is_coordinator | is_platform_admin)
rules.add_perm("engagement.manage_settings", is_coordinator | is_platform_admin)
