"""Who may see and run a table's meetings (object: the table, or a meeting row)."""

import rules

from tablee.core.permissions import (
    has_any_role,
    is_authenticated,
    is_coordinator,
    is_member,
    is_platform_admin,
)

rules.add_perm("meetings.view_meetings", has_any_role | is_platform_admin)
rules.add_perm("meetings.manage_meetings", is_coordinator | is_platform_admin)
rules.add_perm("meetings.answer_dates", has_any_role)
rules.add_perm("meetings.reply_attendance", has_any_role)
rules.add_perm("meetings.propose_item", is_member | is_platform_admin)
rules.add_perm("meetings.download_document", has_any_role | is_platform_admin)
rules.add_perm("meetings.manage_own_calendar", is_authenticated)
rules.add_perm("meetings.manage_table_calendar", has_any_role | is_platform_admin)
