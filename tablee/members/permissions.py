"""Who may read and change a table's seats, committees and directory (object: the table)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_member, is_platform_admin

rules.add_perm("members.view_directory", has_any_role | is_platform_admin)
# Contact details are shown to members and coordinators, never to observers,
# and only for people who consented (checked by the directory selector).
rules.add_perm("members.view_contact_details", is_member | is_platform_admin)
rules.add_perm("members.view_seats", has_any_role | is_platform_admin)
rules.add_perm("members.manage_seats", is_coordinator | is_platform_admin)
rules.add_perm("members.view_coverage", has_any_role | is_platform_admin)
rules.add_perm("members.view_committees", has_any_role | is_platform_admin)
rules.add_perm("members.manage_committees", is_coordinator | is_platform_admin)
rules.add_perm("members.import_members", is_coordinator | is_platform_admin)
rules.add_perm("members.export_members", is_coordinator | is_platform_admin)
rules.add_perm("members.view_onboarding", has_any_role | is_platform_admin)
rules.add_perm("members.view_turnover", is_coordinator | is_platform_admin)
