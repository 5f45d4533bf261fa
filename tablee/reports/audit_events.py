"""Audit events of plan reports, exports and imports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    REPORTS_PLAN_IMPORTED = "reports_plan_imported", _("Action plan imported from a spreadsheet")
    REPORTS_ANNUAL_TEXT_SAVED = (
        "reports_annual_text_saved",
        _("Own sections of an annual report saved"),
    )
