"""Vision and priorities."""
