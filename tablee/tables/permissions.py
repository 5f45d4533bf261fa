"""Who may do what with tables, their people and their invitations."""

import rules

from tablee.core.permissions import (
    has_any_role,
    is_authenticated,
    is_coordinator,
    is_platform_admin,
)


@rules.predicate
def table_is_alive(user, table) -> bool:
    return table is not None and table.deleted_at is None


@rules.predicate
def invitation_is_pending(user, invitation) -> bool:
    return invitation is not None and invitation.status == "pending"


rules.add_perm("tables.list_tables", is_authenticated)
rules.add_perm("tables.view_table", has_any_role | is_platform_admin)
rules.add_perm("tables.change_table", (is_coordinator | is_platform_admin) & table_is_alive)
rules.add_perm("tables.view_people", has_any_role | is_platform_admin)
rules.add_perm("tables.invite_person", (is_coordinator | is_platform_admin) & table_is_alive)
rules.add_perm("tables.change_membership", is_coordinator | is_platform_admin)
rules.add_perm(
    "tables.revoke_invitation", (is_coordinator | is_platform_admin) & invitation_is_pending
)
rules.add_perm("tables.view_audit", is_coordinator | is_platform_admin)
rules.add_perm("tables.create_table", is_platform_admin)
rules.add_perm("tables.delete_table", is_platform_admin & table_is_alive)
rules.add_perm("tables.restore_table", is_platform_admin)
rules.add_perm("tables.manage_platform", is_platform_admin)
