"""Show indicator values without trailing zeros, in the reader's language."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


def format_value(value, unit: str = "") -> str:
    """Return `value` as the reader expects it: 12,5 %, 1 250 repas, 3."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    places = max(0, -number.normalize().as_tuple().exponent)
    shown = number_format(number, decimal_pos=min(places, 4), use_l10n=True, force_grouping=True)
    return f"{shown} {unit}".strip() if unit else shown


@register.filter
def measure(value, unit: str = "") -> str:
    return format_value(value, unit)
