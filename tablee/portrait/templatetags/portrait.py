"""Show a territory value: as written (no trailing zeros), localized, never 0 for missing."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def territory_value(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return _("missing")
    normalized = Decimal(value).normalize()
    decimals = max(0, -normalized.as_tuple().exponent)
    shown = number_format(normalized, decimal_pos=decimals, use_l10n=True)
    return f"{shown} {unit}".strip() if unit else shown
