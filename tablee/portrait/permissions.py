"""Who may do what with the portrait and diagnostic of the territory.

The object is the table, or one of its indicators, needs, strengths or
documents: everyone with a role in the table reads, coordinators write.
"""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin

rules.add_perm("portrait.view_portrait", has_any_role | is_platform_admin)
rules.add_perm("portrait.manage_portrait", is_coordinator | is_platform_admin)
