"""Portrait and diagnostic of the territory."""
