"""Money and quantity formats of the funding pages (localised, grouped)."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def dollars(value) -> str:
    """12500 → « 12 500,00 $ » (French) or "12,500.00 $" (English)."""
    if value is None or value == "":
        return "—"
    return f"{number_format(Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True)} $"


@register.filter
def quantity(value) -> str:
    """A quantity without useless decimals: 12.50 → 12.5, 40.00 → 40."""
    if value is None or value == "":
        return "—"
    value = Decimal(value)
    places = 0 if value == value.to_integral() else 2
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def days_left(days: int) -> str:
    """Say how far a due date is: « in 5 days », « today », « 3 days late »."""
    if days == 0:
        return _("today")
    if days > 0:
        return ngettext("in %(days)s day", "in %(days)s days", days) % {"days": days}
    return ngettext("%(days)s day late", "%(days)s days late", -days) % {"days": -days}
