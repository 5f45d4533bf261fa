"""Who may do what with portrait and diagnostic of the territory (object: table or a row of it)."""

import rules  # noqa: F401
