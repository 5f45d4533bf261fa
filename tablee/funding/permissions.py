"""Who may do what with resources and funding (object: table or a row of it).

Everyone with a role in the table reads who carries what and who funds it;
coordinators record and change it.
"""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin

rules.add_perm("funding.view_resources", has_any_role | is_platform_admin)
rules.add_perm("funding.manage_resources", is_coordinator | is_platform_admin)
rules.add_perm("funding.view_funding", has_any_role | is_platform_admin)
rules.add_perm("funding.manage_funding", is_coordinator | is_platform_admin)
