"""Links to pages other apps may or may not provide yet (meetings, decisions)."""

from django.urls import NoReverseMatch, reverse


def optional_url(name: str, query: str = "", **kwargs) -> str:
    """Return the URL of `name`, or "" when that page does not exist."""
    try:
        url = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url
