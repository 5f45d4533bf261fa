"""Who may do what with action plans (object: table or a row of it)."""

import rules  # noqa: F401
