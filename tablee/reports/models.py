"""Plan reports, exports and imports."""
