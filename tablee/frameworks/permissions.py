"""Who may read and keep the frameworks and conditions registers (object: table or row)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin

rules.add_perm("frameworks.view_registers", has_any_role | is_platform_admin)
rules.add_perm("frameworks.manage_frameworks", is_coordinator | is_platform_admin)
rules.add_perm("frameworks.manage_conditions", is_coordinator | is_platform_admin)
