"""Who may do what with collective processes and their stages (object: table or a row of it)."""

import rules  # noqa: F401
