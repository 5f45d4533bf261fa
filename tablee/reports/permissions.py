"""Who may do what with plan reports, exports and imports (object: table or a row of it)."""

import rules  # noqa: F401
