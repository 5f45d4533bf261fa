"""Who may read and change the registry of organizations and their relations."""

import rules

from tablee.core.permissions import (
    coordinates_a_table,
    has_any_role,
    is_authenticated,
    is_coordinator,
    is_platform_admin,
)

# The registry is shared by all tables: any signed-in person may consult it,
# coordinators of any table may add and correct entries (every change is audited).
rules.add_perm("organizations.view_registry", is_authenticated)
rules.add_perm("organizations.add_organization", coordinates_a_table | is_platform_admin)
rules.add_perm("organizations.change_organization", coordinates_a_table | is_platform_admin)
rules.add_perm("organizations.delete_organization", is_platform_admin)
rules.add_perm("organizations.manage_sectors", is_platform_admin)
# Relations are recorded by a table, about the organizations at that table (object: table).
rules.add_perm("organizations.view_relations", has_any_role | is_platform_admin)
rules.add_perm("organizations.record_relation", is_coordinator | is_platform_admin)
