"""Who may read, draft, comment and adopt a table's charter (object: the table)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_member, is_platform_admin

rules.add_perm("charters.view_charter", has_any_role | is_platform_admin)
rules.add_perm("charters.edit_charter", is_coordinator | is_platform_admin)
rules.add_perm("charters.comment_charter", is_member | is_platform_admin)
rules.add_perm("charters.adopt_charter", is_coordinator | is_platform_admin)
rules.add_perm("charters.export_charter", has_any_role | is_platform_admin)
