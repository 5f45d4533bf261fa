"""Who may do what with resources and funding (object: table or a row of it)."""

import rules  # noqa: F401
