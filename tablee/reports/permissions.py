"""Who may do what with plan reports, exports and imports (object: table or process)."""

import rules

from tablee.core.permissions import has_any_role, is_coordinator, is_platform_admin

# Anyone who reads the plan may read its report and download it.
rules.add_perm("reports.view_report", has_any_role | is_platform_admin)
# Importing a spreadsheet rewrites the plan: coordination only.
rules.add_perm("reports.import_plan", is_coordinator | is_platform_admin)
# The coordination writes its own sections of the annual report.
rules.add_perm("reports.edit_annual_text", is_coordinator | is_platform_admin)
