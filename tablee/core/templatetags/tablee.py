"""Template helpers available in every template (declared as builtins)."""

from django import template
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language: str) -> str:
    """Return the current page's URL as it would read in `language`."""
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), language)


@register.filter
def short_datetime(value) -> str:
    """Format a moment as "2026-11-23 14:05" in the current time zone.

    The ISO order reads the same in French and English (and is the official
    numeric format in Québec); it is also far cheaper than a localized format
    on pages that list hundreds of moments.
    """
    if not value:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


@register.simple_tag
def audit_changes(changes: dict) -> str:
    """Render an audit entry's before/after summary as a small definition list.

    A tag rather than an include, and plain escaping rather than format_html:
    the audit log renders it for every row.
    """
    parts = []
    for key, label in (("old", gettext("Before")), ("new", gettext("After"))):
        values = (changes or {}).get(key)
        if values:
            pairs = " · ".join(f"{escape(k)} : {escape(v)}" for k, v in values.items())
            parts.append(f"<dt>{escape(label)}</dt><dd>{pairs}</dd>")
    if not parts:
        return "—"
    return mark_safe(f'<dl class="changes">{"".join(parts)}</dl>')  # noqa: S308 - parts are escaped
