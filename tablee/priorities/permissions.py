"""Who may do what with vision and priorities (object: table or a row of it)."""

import rules  # noqa: F401
