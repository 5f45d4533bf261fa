"""Who may do what with frameworks, obstacles and levers (object: table or a row of it)."""

import rules  # noqa: F401
